import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

import { signInPath } from "@/lib/return-path";
import { checkActionRequest } from "@/server/action-request";
import { hasMalformedEncoding } from "@/server/path-encoding";

/**
 * Runs before Next.js routes a request (Next.js 16's proxy, formerly middleware). It handles
 * three kinds of request that would otherwise end in a 500 or lose their address:
 *
 * 1. A path with malformed percent-encoding, such as `/courses/%E0%A4%A`, gets the 404 page;
 *    Next.js 16.5 fails to decode its parameters with a 500.
 * 2. A server action request (a POST) that Next.js cannot read, too large or not a JSON array,
 *    gets a 413 or 400 with a message, which the browser shows as the action's error.
 * 3. A course page requested without a session cookie redirects to the sign-in page with its
 *    address, so signing in returns to it. Only the cookie's presence is checked here, and the
 *    pages still check the session itself.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  if (hasMalformedEncoding(pathname)) {
    return NextResponse.rewrite(new URL("/not-found", request.url), { status: 404 });
  }

  if (request.method === "POST") {
    return (await checkActionRequest(request)) ?? NextResponse.next();
  }

  const isCoursePage =
    (request.method === "GET" || request.method === "HEAD") &&
    (pathname === "/courses" || pathname.startsWith("/courses/"));
  if (isCoursePage && getSessionCookie(request) === null) {
    return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/courses/:path*",
    "/sign-in",
    // Server actions are POSTs to the page they are on, such as the sign-out form's.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
