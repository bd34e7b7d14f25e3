import "server-only";

import { CHANGE_PASSWORD_PATH, readSessionState } from "./access";
import { logger } from "./log";

/** Path under which better-auth's endpoints are served, its default `basePath`. */
const AUTH_BASE_PATH = "/api/auth";

/**
 * better-auth endpoints that anyone may call: signing in and out. The pages reach better-auth
 * through server actions, which call `auth.api` directly and so do not pass this gate. These
 * stay open over HTTP for scripts.
 */
const OPEN_ENDPOINTS = new Set(["/sign-in/email", "/sign-out"]);

/** The endpoint that returns the session. The gate returns null itself for a deleted session. */
const GET_SESSION = "/get-session";

/**
 * better-auth endpoints that act only on the user's own password and sessions, open once the
 * user has replaced any one-time password. They stay open so that a user can end a stolen
 * session or change the password from a script. Changing the password directly is closed before
 * that, because only the form at `/account/password` clears the one-time password flag.
 */
const OWN_ACCOUNT_ENDPOINTS = new Set([
  "/change-password",
  "/list-sessions",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
]);

/**
 * Returns the response for a request to a better-auth endpoint that the app does not offer, or
 * that its session may not call, or null to let it pass. Names and emails are set by course
 * admins, so update-user and change-email are closed to everyone: without this, a student could
 * take a tutor's name in every review page. The path is compared exactly, so any endpoint not
 * listed, including one a later better-auth version adds, is rejected.
 *
 * better-auth trusts its signed cookie copy of a session for up to five minutes (the maxAge in
 * auth.ts), even after the session was signed out or revoked. So every endpoint that acts for a
 * session first checks here that the session is still stored, as the pages do.
 */
export async function rejectAuthEndpoint(request: Request): Promise<Response | null> {
  const endpoint = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length);
  if (OPEN_ENDPOINTS.has(endpoint)) {
    return null;
  }
  if (endpoint !== GET_SESSION && !OWN_ACCOUNT_ENDPOINTS.has(endpoint)) {
    return forbidden(
      "ENDPOINT_NOT_OFFERED",
      `Forbidden: ${AUTH_BASE_PATH}${endpoint} is not offered here. Course admins set names and ` +
        `emails on their course's members page; change your password at ${CHANGE_PASSWORD_PATH}.`,
    );
  }

  const state = await readSessionState(request.headers);
  if (endpoint === GET_SESSION) {
    // The body that better-auth returns when no one is signed in.
    return state === null ? Response.json(null) : null;
  }
  if (state === null) {
    logger.info({ endpoint }, "auth endpoint rejected: the session is not stored");
    return authError(
      401,
      "UNAUTHORIZED",
      "Not signed in: the session was signed out, revoked or has expired. Sign in again.",
    );
  }
  if (!state.passwordChangeRequired) {
    return null;
  }
  return forbidden(
    "PASSWORD_CHANGE_REQUIRED",
    `Forbidden: this account signed in with a one-time password. Choose a new password at ` +
      `${CHANGE_PASSWORD_PATH} first.`,
  );
}

/** Builds a 403 response. */
function forbidden(code: string, message: string): Response {
  return authError(403, code, message);
}

/** Builds an error response with the shape of better-auth's own errors, so its client shows it. */
function authError(status: number, code: string, message: string): Response {
  return Response.json({ code, message }, { status });
}
