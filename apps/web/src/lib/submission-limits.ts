import { MAX_IMPORT_REQUEST_BYTES } from "./course-limits";

/** Largest submission the server grades, in UTF-8 bytes of the text as sent (256 KiB). */
export const MAX_SUBMISSION_BYTES = 256 * 1024;

/**
 * Largest request body that carries a submission, in bytes. The submission travels as a
 * JSON-encoded argument, where escaping can make one character six bytes long (`\u0000`). So the
 * body limit is six times the submission limit plus room for the other arguments. A larger
 * submission of ordinary JSON text, up to about 1.5 MiB, then still reaches the action and gets
 * its message instead of a 413 error. The API takes bodies up to this size.
 */
export const MAX_SUBMISSION_BODY_BYTES = 6 * MAX_SUBMISSION_BYTES + 64 * 1024;

/**
 * Largest server action request body Next.js reads, in bytes: the larger of the submission's
 * and the course import's body limits.
 */
export const MAX_ACTION_BODY_BYTES = Math.max(MAX_SUBMISSION_BODY_BYTES, MAX_IMPORT_REQUEST_BYTES);

/**
 * Returns the sentence for a submission over `MAX_SUBMISSION_BYTES`, or null within the limit.
 * The editor, the upload field and the pre-submit check all use it, so a student sees one limit
 * in one unit, as the server's own message writes it.
 */
export function submissionSizeProblem(bytes: number, name = "the submission"): string | null {
  if (bytes <= MAX_SUBMISSION_BYTES) {
    return null;
  }
  return (
    `${name} is ${formatKibibytes(bytes)}, larger than the maximum of ` +
    `${formatKibibytes(MAX_SUBMISSION_BYTES)}`
  );
}

/** Returns the UTF-8 size of a text in bytes, the unit of `MAX_SUBMISSION_BYTES`. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Writes a size in KiB, rounded up so a size just over a limit never reads as the limit. */
export function formatKibibytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString("en")} KiB`;
}
