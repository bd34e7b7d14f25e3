import "server-only";

import { APIError } from "better-auth/api";
import { z } from "zod";

import {
  beginSignIn,
  cancelSignIn,
  recordSignInSuccess,
  type Database,
  type SignInKeys,
  type SignInLimit,
  type SignInLimitedBy,
} from "@sawtooth/db";

import { RETURN_PARAMETER, safeReturnPath } from "@/lib/return-path";

import { CLIENT_ADDRESS_HEADER } from "../../scripts/client-address.mjs";

import { getAuth } from "./auth";
import { logger } from "./log";

/** State of the sign-in form between submissions. */
export interface SignInState {
  /** Message to show, or null. */
  error: string | null;
  /** Email address to fill in again after a failed attempt. */
  email: string;
}

/**
 * Result of {@link signInRequest}: signed in, with the session cookie set and the path to go to
 * (the form's return path when it is a path on this site, else the course list), or the form's
 * next state.
 */
export type SignInResult =
  { status: "signed-in"; returnPath: string } | { status: "rejected"; state: SignInState };

/**
 * Failed sign-ins allowed in any 15 minutes per pair of email and client address, per client
 * address and per email over all addresses. Guesses from one address thus lock that address out
 * of the account, not the account's owner elsewhere. The per-address limit is higher because a
 * lecture hall often reaches the server through one address, so one student's typos must not
 * lock out the others. The per-email limit stops guessing spread over many addresses and is far
 * beyond what one address reaches before its own limits bind.
 */
export const SIGN_IN_LIMIT: SignInLimit = {
  perPair: 5,
  perAddress: 50,
  perEmail: 100,
  windowMs: 15 * 60 * 1000,
};

/** Maximum length of a stored client address. An IPv6 address has at most 45 characters. */
const MAX_ADDRESS_LENGTH = 64;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/**
 * Returns the client's address. `scripts/serve.mjs` writes it into `CLIENT_ADDRESS_HEADER` of
 * every request, from the connection or, with `SAWTOOTH_TRUST_PROXY=1`, from the proxy's
 * X-Forwarded-For. Under `next start` or `next dev` that header is missing, so the last entry of
 * X-Forwarded-For is used, which a client can choose: then only the per-email limit over all
 * addresses binds it.
 */
export function clientAddress(headers: Headers): string {
  const stamped = headers.get(CLIENT_ADDRESS_HEADER)?.trim() ?? "";
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const address = stamped !== "" ? stamped : (forwarded.split(",").at(-1)?.trim() ?? "");
  return address === "" ? "unknown" : address.slice(0, MAX_ADDRESS_LENGTH);
}

/**
 * Signs in with the form's email and password through better-auth, which sets the session
 * cookie. A wrong email and a wrong password get the same message, and the limit counts
 * failures of every typed email alike, so the form does not reveal which accounts exist. Past
 * {@link SIGN_IN_LIMIT} the password is not checked at all, so a right one is rejected too.
 */
export async function signInRequest(
  db: Database,
  form: unknown,
  requestHeaders: Headers,
  now: Date,
): Promise<SignInResult> {
  if (!(form instanceof FormData)) {
    const error = "Invalid sign-in request: reload the page and sign in again.";
    return { status: "rejected", state: { error, email: "" } };
  }
  const email = form.get("email");
  const credentials = credentialsSchema.safeParse({ email, password: form.get("password") });
  const typedEmail = typeof email === "string" ? email : "";
  const reject = (error: string): SignInResult => ({
    status: "rejected",
    state: { error, email: typedEmail },
  });
  if (!credentials.success) {
    return reject("Enter your email address and password.");
  }

  const keys: SignInKeys = {
    email: credentials.data.email,
    address: clientAddress(requestHeaders),
  };
  const started = await beginSignIn(db, keys, SIGN_IN_LIMIT, now);
  if (started.status === "limited") {
    logger.warn({ limitedBy: started.limitedBy }, "sign-in rejected: too many failures");
    return reject(limitMessage(started.limitedBy, started.retryAt, now));
  }

  try {
    await getAuth().api.signInEmail({ body: credentials.data, headers: requestHeaders });
  } catch (error) {
    if (error instanceof APIError && error.status === "UNAUTHORIZED") {
      return reject("Invalid email or password.");
    }
    // Only a wrong password counts as a failure.
    await cancelSignIn(db, started);
    throw error;
  }
  await recordSignInSuccess(db, keys, started);
  return { status: "signed-in", returnPath: safeReturnPath(form.get(RETURN_PARAMETER)) };
}

/**
 * Returns the message for a sign-in rejected by the limit, with the wait in whole minutes. The
 * same messages hold for emails with and without an account.
 */
function limitMessage(limitedBy: SignInLimitedBy, retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  const wait = minutes === 1 ? "1 minute" : `${minutes} minutes`;
  switch (limitedBy) {
    case "pair":
      return `Too many failed sign-ins for this email: try again in ${wait}.`;
    case "address":
      return `Too many failed sign-ins from your network address: try again in ${wait}.`;
    case "email":
      return (
        "Too many failed sign-ins for this email from many places: " +
        `try again in ${wait}, or ask a course admin to reset your password.`
      );
  }
}

/**
 * Applies {@link SIGN_IN_LIMIT} to better-auth's HTTP route `/api/auth/sign-in/email`, which
 * scripts may call, so that the limit cannot be bypassed there. better-auth's own limiter on that
 * route counts in the memory of one process only. Past the limit it returns 429 in better-auth's
 * error shape. A 2xx response clears the pair's failures as on the form, and 401 stays counted.
 * Any other response checked no password, such as better-auth's own 429, so the sign-in is
 * removed from the counts. A request whose body has no valid email is rejected here, so no
 * password reaches better-auth uncounted.
 */
export async function limitSignInRoute(
  db: Database,
  request: Request,
  handle: (request: Request) => Promise<Response>,
  now: Date,
): Promise<Response> {
  const parsed = credentialsSchema.shape.email.safeParse(await readRouteEmail(request));
  if (!parsed.success) {
    logger.info("sign-in rejected: no email in the request body");
    return Response.json(
      {
        code: "INVALID_SIGN_IN_REQUEST",
        message:
          "Invalid sign-in request: send one email and one password as application/json, " +
          'such as {"email": "you@example.com", "password": "…"}, or as a URL-encoded form.',
      },
      { status: 400 },
    );
  }

  const keys: SignInKeys = { email: parsed.data, address: clientAddress(request.headers) };
  const started = await beginSignIn(db, keys, SIGN_IN_LIMIT, now);
  if (started.status === "limited") {
    logger.warn({ limitedBy: started.limitedBy }, "sign-in rejected: too many failures");
    const retryAfter = Math.max(1, Math.ceil((started.retryAt.getTime() - now.getTime()) / 1000));
    return Response.json(
      {
        code: "TOO_MANY_FAILED_SIGN_INS",
        message: limitMessage(started.limitedBy, started.retryAt, now),
      },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  const response = await handle(request);
  if (response.ok) {
    await recordSignInSuccess(db, keys, started);
  } else if (response.status !== 401) {
    await cancelSignIn(db, started);
  }
  return response;
}

/**
 * Returns the email of a sign-in request's body in either type better-auth accepts, JSON or a
 * URL-encoded form, or undefined when the body has none, a form repeats it, or the media type
 * is neither of the two exactly. Any looser reading could pick another parser, and so another
 * email, than better-auth does. The request's own body stays unread.
 */
async function readRouteEmail(request: Request): Promise<unknown> {
  const text = await request
    .clone()
    .text()
    .catch(() => "");
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType === "application/x-www-form-urlencoded") {
    // A repeated field is rejected, because better-auth may read another copy than this one.
    const emails = new URLSearchParams(text).getAll("email");
    return emails.length === 1 ? emails[0] : undefined;
  }
  if (mediaType !== "application/json") {
    return undefined;
  }
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === "object" && body !== null && "email" in body ? body.email : undefined;
  } catch {
    return undefined;
  }
}
