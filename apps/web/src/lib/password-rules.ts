/** Shortest password a user may choose, in characters; better-auth is configured with it too. */
export const MIN_PASSWORD_LENGTH = 12;

/** Longest password accepted, in characters; better-auth's default, configured explicitly. */
export const MAX_PASSWORD_LENGTH = 128;
