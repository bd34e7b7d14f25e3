/** Shortest password a user may choose, in characters; better-auth is configured with it too. */
export const MIN_PASSWORD_LENGTH = 12;

/** Longest password accepted, in characters; better-auth's default, configured explicitly. */
export const MAX_PASSWORD_LENGTH = 128;

/** Path of the form where a user replaces a one-time password. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * The message with which every action and route rejects a signed-in user who must still replace
 * a one-time password, because replacing it is the only thing such a user may do.
 */
export const PASSWORD_CHANGE_REQUIRED_MESSAGE = `Replace your one-time password at ${CHANGE_PASSWORD_PATH} first, then try again.`;

/** Returns the 403 response with {@link PASSWORD_CHANGE_REQUIRED_MESSAGE} of a download route. */
export function passwordChangeRequiredResponse(): Response {
  const headers = { "content-type": "text/plain; charset=utf-8" };
  return new Response(PASSWORD_CHANGE_REQUIRED_MESSAGE, { status: 403, headers });
}
