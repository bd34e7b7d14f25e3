import { MAX_SUBMISSION_BODY_BYTES, formatKibibytes } from "@/lib/submission-limits";

import { ApiError } from "./errors";

/**
 * Largest request body the API reads, in bytes: the web page's limit on a body that carries a
 * submission. The submission inside it has the web page's own limit, `MAX_SUBMISSION_BYTES`, which
 * `submitAttempt` checks; the body may be larger because JSON escaping can make one character
 * of a submission six bytes long.
 */
export const MAX_API_BODY_BYTES = MAX_SUBMISSION_BODY_BYTES;

/**
 * Reads a request body as JSON. Throws an {@link ApiError} for a content type other than
 * `application/json`, a body over {@link MAX_API_BODY_BYTES} (checked on the declared length
 * and again while reading, so a chunked body is cut off too) and text that is not JSON.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json") {
    const received = contentType === "" ? "none" : `"${contentType}"`;
    throw new ApiError(
      "unsupported_media_type",
      `The request body must be JSON with Content-Type: application/json; received ${received}.`,
    );
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_API_BODY_BYTES) {
    throw tooLarge(Number(declared));
  }

  const text = await readText(request);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
    throw new ApiError("malformed_json", `The request body is not valid JSON${detail}.`);
  }
}

async function readText(request: Request): Promise<string> {
  if (request.body === null) {
    return "";
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.byteLength;
    if (bytes > MAX_API_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge(bytes, "at least ");
    }
    chunks.push(next.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(bytes: number, qualifier = ""): ApiError {
  return new ApiError(
    "payload_too_large",
    `The request body is ${qualifier}${formatKibibytes(bytes)}, larger than the maximum of ` +
      `${formatKibibytes(MAX_API_BODY_BYTES)}.`,
  );
}
