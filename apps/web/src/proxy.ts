import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

import { REQUEST_PATH_HEADER, signInPath } from "@/lib/return-path";
import { checkActionRequest } from "@/server/action-request";
import { hasMalformedEncoding } from "@/server/path-encoding";

/**
 * Runs before Next.js routes a request (Next.js 16's proxy, formerly middleware). It handles
 * four kinds of request that would otherwise end in a 500 or lose their address:
 *
 * 1. A path with malformed percent-encoding, such as `/courses/%E0%A4%A`, gets the 404 page;
 *    Next.js 16.5 fails to decode its parameters with a 500.
 * 2. A server action request (a POST) that Next.js cannot read, too large, not a JSON array or
 *    a malformed multipart body, gets a 413 or 400 with a message, which the browser shows as
 *    the action's error.
 * 3. A server action call whose Origin is not this site's gets a 403; Next.js refuses it too,
 *    but with a 500 and a stack trace in the log.
 * 4. A course or account page requested without a session cookie redirects to the sign-in page
 *    with its address, so signing in returns to it. Only the cookie's presence is checked here.
 *    The pages check the session itself, and for an expired one they read the address from the
 *    `REQUEST_PATH_HEADER` that the proxy adds to every request it passes on.
 *
 * Under /api only the path is checked, with a JSON 404, because the routes there read their
 * own bodies.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const api = pathname === "/api" || pathname.startsWith("/api/");
  if (hasMalformedEncoding(pathname)) {
    if (api) {
      const error = {
        code: "not_found",
        message: "No such address: its percent-encoding is malformed.",
      };
      return NextResponse.json({ error }, { status: 404 });
    }
    return NextResponse.rewrite(new URL("/not-found", request.url), { status: 404 });
  }
  if (api) {
    return NextResponse.next();
  }

  if (request.method === "POST") {
    if (request.headers.has("next-action") && !isSameOrigin(request)) {
      return new Response(
        "Server action refused: the request comes from another site. Reload the page and try again.",
        { status: 403, headers: { "content-type": "text/plain" } },
      );
    }
    return (await checkActionRequest(request)) ?? passWithPath(request);
  }

  const isSignedInPage =
    (request.method === "GET" || request.method === "HEAD") &&
    SIGNED_IN_SECTIONS.some(
      (section) => pathname === section || pathname.startsWith(`${section}/`),
    );
  if (isSignedInPage && getSessionCookie(request) === null) {
    return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
  }
  return passWithPath(request);
}

/** Sections of the site whose pages all require a signed-in user. */
const SIGNED_IN_SECTIONS = ["/courses", "/account"];

/** Passes the request on with its path and query in `REQUEST_PATH_HEADER`. */
function passWithPath(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

/**
 * Checks that a request's Origin, when it has one, names the host the request was sent to, as
 * Next.js's own check of server actions does. A missing Origin passes, as it does there; "null",
 * an unreadable value and several Origin headers (joined with commas) do not.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) {
    return true;
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    "/courses/:path*",
    "/account/:path*",
    "/sign-in",
    "/api/:path*",
    // Server actions are POSTs to the page they are on, such as the sign-out form's. A form
    // posted without script has no Next-Action header, only a multipart body.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/:path*",
      has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }],
    },
  ],
};
