import { formatKibibytes, MAX_ACTION_BODY_BYTES } from "@/lib/submission-limits";

/**
 * Checks a POST to a page, which Next.js handles as a server action, before Next.js reads it.
 * Returns the 4xx response to send instead when Next.js would fail the request with a 500:
 *
 * - a body over `MAX_ACTION_BODY_BYTES`, which Next.js 16.5 rejects with a 413 error that reaches
 *   the browser as a 500;
 * - an action call (a `Next-Action` header) whose body is not multipart and not a JSON array of
 *   plain values, which React's `decodeReply` throws on, while the app's actions take strings.
 *
 * Multipart bodies (forms) are checked for size only. Returns null for a request to pass on.
 */
export async function checkActionRequest(request: Request): Promise<Response | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_ACTION_BODY_BYTES) {
    return tooLarge(Number(declared));
  }

  const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  const argumentList = request.headers.has("next-action") && !multipart;
  if (declared !== null && !argumentList) {
    return null;
  }

  // Without a Content-Length (a chunked body) the size is known only after reading it.
  const body = await request.arrayBuffer();
  if (body.byteLength > MAX_ACTION_BODY_BYTES) {
    return tooLarge(body.byteLength);
  }
  if (argumentList && !isPlainArgumentList(new TextDecoder().decode(body))) {
    return badRequest(
      "Invalid server action request: the body must be a JSON array of the action's arguments.",
    );
  }
  return null;
}

/** Deepest nesting of arrays and objects in an action's arguments, which are strings here. */
const MAX_ARGUMENT_DEPTH = 64;

/**
 * Checks that a body is a JSON array of at most `MAX_ARGUMENT_DEPTH` levels in which no string is
 * a React reference. React's `encodeReply` writes a string that starts with "$" as "$$…", so a
 * single "$" marks a reference to another part (a promise, a Map, a file), which plain values
 * never need. The depth bound matters because `decodeReply` recurses and overflows the stack
 * on deep nesting.
 */
export function isPlainArgumentList(body: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return false;
  }
  return Array.isArray(value) && isPlainValue(value);
}

/** Walks the value with a stack instead of recursion, so deep nesting cannot overflow. */
function isPlainValue(root: unknown): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value === "string" && value.startsWith("$") && !value.startsWith("$$")) {
      return false;
    }
    if (typeof value === "object" && value !== null) {
      if (depth > MAX_ARGUMENT_DEPTH) return false;
      for (const child of Array.isArray(value) ? value : Object.values(value)) {
        pending.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return true;
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
