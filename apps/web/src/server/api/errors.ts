/** Every error code the API returns, with its HTTP status. */
export const API_ERROR_STATUS = {
  malformed_json: 400,
  invalid_request: 400,
  unauthorized: 401,
  invalid_token: 401,
  forbidden: 403,
  deadline_passed: 403,
  attempt_limit_reached: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_submission: 422,
  too_complex: 422,
  rate_limited: 429,
  internal_error: 500,
} as const;

/** An error code of the API, such as "not_found". */
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/**
 * An error that a handler throws to end the request with `{ "error": { code, message } }` and
 * the code's status. Only its code, message and headers reach the client.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Returns a JSON response; the API never lets a cache keep one. */
export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { "cache-control": "no-store", ...init.headers },
  });
}

/** Returns the error response for `code`, with optional fields beside `error` in the body. */
export function errorResponse(
  code: ApiErrorCode,
  message: string,
  options: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
): Response {
  const body = { error: { code, message }, ...options.extra };
  return jsonResponse(body, { status: API_ERROR_STATUS[code], headers: options.headers ?? {} });
}

/** Returns the response for an {@link ApiError}. */
export function apiErrorResponse(error: ApiError): Response {
  return errorResponse(error.code, error.message, { headers: error.headers });
}
