import { formatKibibytes, MAX_ACTION_BODY_BYTES } from "@/lib/submission-limits";

import { findArgumentListProblem } from "./action-arguments";
import { findMultipartProblem } from "./action-form";

/**
 * Checks a POST to a page, which Next.js handles as a server action, before Next.js reads it.
 * Returns the 4xx response to send instead when Next.js would fail the request with a 500:
 *
 * - a body over `MAX_ACTION_BODY_BYTES`, which Next.js 16.5 rejects with a 413 error that reaches
 *   the browser as a 500;
 * - an action call (a `Next-Action` header) whose body is not multipart and not a JSON array of
 *   plain values, which React's `decodeReply` throws on, while the app's actions take strings;
 * - a multipart body, from a form or an action call, that cannot be parsed or whose arguments
 *   React's `decodeReply` or `decodeAction` throws on (see `action-form.ts`).
 *
 * Returns null for a request to pass on.
 */
export async function checkActionRequest(request: Request): Promise<Response | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_ACTION_BODY_BYTES) {
    return tooLarge(Number(declared));
  }

  const contentType = request.headers.get("content-type") ?? "";
  // Next.js 16.5 takes a body as multipart by this same case-sensitive prefix.
  const multipart = contentType.startsWith("multipart/form-data");
  const fetchAction = request.headers.has("next-action");
  if (declared !== null && !fetchAction && !multipart) {
    return null;
  }

  // Without a Content-Length (a chunked body) the size is known only after reading it.
  const body = await request.arrayBuffer();
  if (body.byteLength > MAX_ACTION_BODY_BYTES) {
    return tooLarge(body.byteLength);
  }
  const problem = multipart
    ? await findMultipartProblem(contentType, body, fetchAction)
    : fetchAction
      ? findBodyProblem(body)
      : null;
  return problem === null ? null : badRequest(`Invalid server action request: ${problem}.`);
}

function findBodyProblem(body: ArrayBuffer): string | null {
  const problem = findArgumentListProblem(new TextDecoder().decode(body));
  return problem === null ? null : `the body ${problem}`;
}

/**
 * Next.js's client shows the text of an error response as the action's error message only when
 * its content type is exactly `text/plain`, without a charset.
 */
function plainTextResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain" } });
}

function tooLarge(bytes: number): Response {
  const message =
    `The request is ${formatKibibytes(bytes)}, larger than the maximum of ` +
    `${formatKibibytes(MAX_ACTION_BODY_BYTES)} that the server reads.`;
  return plainTextResponse(413, message);
}

function badRequest(message: string): Response {
  return plainTextResponse(400, message);
}
