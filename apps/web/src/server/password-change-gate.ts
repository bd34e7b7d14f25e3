import "server-only";

import { CHANGE_PASSWORD_PATH, readSessionState } from "./access";

/** Path under which better-auth's endpoints are served, its default `basePath`. */
const AUTH_BASE_PATH = "/api/auth";

/**
 * better-auth endpoints that a user who must replace a one-time password may call: reading the
 * session and signing in and out. Changing the password directly is not among them, because only
 * the form at `/account/password` rejects reusing the one-time password and clears the flag.
 */
const PASSWORD_CHANGE_ENDPOINTS = new Set(["/get-session", "/sign-in/email", "/sign-out"]);

/**
 * Returns a 403 response for a request to better-auth's endpoints that its user may not make
 * before replacing a one-time password, or null to let it pass. Without this, such a user could
 * still rename the account, change its email or list and revoke sessions through
 * `/api/auth/*`, which the pages and server actions do not guard. The path is compared exactly,
 * so any endpoint not in the list, including one a later better-auth version adds, is refused.
 */
export async function rejectBeforePasswordChange(request: Request): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (PASSWORD_CHANGE_ENDPOINTS.has(pathname.slice(AUTH_BASE_PATH.length))) {
    return null;
  }

  const state = await readSessionState(request.headers);
  if (!state?.passwordChangeRequired) {
    return null;
  }
  // The body has the shape of better-auth's own errors, so its client shows the message.
  const body = {
    code: "PASSWORD_CHANGE_REQUIRED",
    message:
      `Forbidden: this account signed in with a one-time password. Choose a new password at ` +
      `${CHANGE_PASSWORD_PATH} first.`,
  };
  return Response.json(body, { status: 403 });
}
