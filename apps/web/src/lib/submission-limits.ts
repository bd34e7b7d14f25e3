/** Largest submission the server grades, in UTF-8 bytes of the text as sent (256 KiB). */
export const MAX_SUBMISSION_BYTES = 256 * 1024;

/**
 * Largest server action request body Next.js reads, in bytes. The submission travels as a
 * JSON-encoded argument, where escaping can make one character six bytes long (`\u0000`). So the
 * body limit is six times the submission limit plus room for the other arguments. A larger
 * submission of ordinary JSON text, up to about 1.5 MiB, then still reaches the action and gets
 * its message instead of Next.js's 413 error.
 */
export const MAX_ACTION_BODY_BYTES = 6 * MAX_SUBMISSION_BYTES + 64 * 1024;
