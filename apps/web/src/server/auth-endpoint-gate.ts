import "server-only";

import { CHANGE_PASSWORD_PATH, readSessionState } from "./access";

/** Path under which better-auth's endpoints are served, its default `basePath`. */
const AUTH_BASE_PATH = "/api/auth";

/**
 * better-auth endpoints that every user may call: reading the session and signing in and out.
 * The pages reach better-auth through server actions, which call `auth.api` directly and so do
 * not pass this gate. These three stay open over HTTP for scripts.
 */
const OPEN_ENDPOINTS = new Set(["/get-session", "/sign-in/email", "/sign-out"]);

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
 * Returns a 403 response for a request to a better-auth endpoint that the app does not offer,
 * or that its user may not call before replacing a one-time password, or null to let it pass.
 * Names and emails are set by course admins, so update-user and change-email are closed to
 * everyone: without this, a student could take a tutor's name in every review page. The path is
 * compared exactly, so any endpoint not listed, including one a later better-auth version adds,
 * is rejected.
 */
export async function rejectAuthEndpoint(request: Request): Promise<Response | null> {
  const endpoint = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length);
  if (OPEN_ENDPOINTS.has(endpoint)) {
    return null;
  }
  if (!OWN_ACCOUNT_ENDPOINTS.has(endpoint)) {
    return forbidden(
      "ENDPOINT_NOT_OFFERED",
      `Forbidden: ${AUTH_BASE_PATH}${endpoint} is not offered here. Course admins set names and ` +
        `emails on their course's members page; change your password at ${CHANGE_PASSWORD_PATH}.`,
    );
  }

  const state = await readSessionState(request.headers);
  if (!state?.passwordChangeRequired) {
    return null;
  }
  return forbidden(
    "PASSWORD_CHANGE_REQUIRED",
    `Forbidden: this account signed in with a one-time password. Choose a new password at ` +
      `${CHANGE_PASSWORD_PATH} first.`,
  );
}

/** Builds a 403 response with the shape of better-auth's own errors, so its client shows it. */
function forbidden(code: string, message: string): Response {
  return Response.json({ code, message }, { status: 403 });
}
