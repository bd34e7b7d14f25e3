import "server-only";

import {
  API_TOKEN_PREFIX,
  countApiRequest,
  findApiToken,
  markApiTokenUsed,
  type Database,
  type RateLimit,
} from "@sawtooth/db";

import { logger } from "../log";
import { ApiError, apiErrorResponse, errorResponse } from "./errors";

/** The environment of every API handler: the database, the clock and the rate limit. */
export interface ApiContext {
  db: Database;
  now(): Date;
  rateLimit: RateLimit;
}

/** The user a request acts as, and the token it came with. */
export interface ApiCaller {
  userId: string;
  tokenId: string;
}

/** One authenticated request, as a handler receives it. */
export interface ApiCall<Params> {
  context: ApiContext;
  caller: ApiCaller;
  request: Request;
  params: Params;
}

/** A handler of one route and method. It throws {@link ApiError} for every rejected request. */
export type ApiHandler<Params> = (call: ApiCall<Params>) => Promise<Response>;

/** Requests a token may make per minute unless SAWTOOTH_API_RATE_LIMIT sets another number. */
export const DEFAULT_REQUESTS_PER_MINUTE = 120;

/** Returns the rate limit per token: SAWTOOTH_API_RATE_LIMIT requests in any minute, or 120. */
export function configuredRateLimit(): RateLimit {
  const configured = Number(process.env["SAWTOOTH_API_RATE_LIMIT"]);
  const requests =
    Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_REQUESTS_PER_MINUTE;
  return { requests, windowMs: 60_000 };
}

/** Maximum age of `lastUsedAt` before a request writes it again, in milliseconds. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Runs a handler: authenticates the bearer token, counts the request against the token's rate
 * limit, and turns every {@link ApiError} into its JSON response. Any other error is logged and
 * becomes a 500 response whose message contains nothing about the cause.
 */
export async function runApiHandler<Params>(
  context: ApiContext,
  request: Request,
  params: Params,
  handler: ApiHandler<Params>,
): Promise<Response> {
  try {
    const caller = await authenticate(context, request);

    const decision = await countRequest(context, caller);

    const response = await handler({ context, caller, request, params });
    for (const [name, value] of Object.entries(decision)) {
      response.headers.set(name, value);
    }
    return response;
  } catch (error) {
    if (error instanceof ApiError) {
      return apiErrorResponse(error);
    }
    const { pathname } = new URL(request.url);
    logger.error({ err: error, method: request.method, path: pathname }, "API request failed");
    return errorResponse("internal_error", "The server failed to handle the request. Try again.");
  }
}

/** The challenge header of every 401 response. */
const CHALLENGE = { "www-authenticate": 'Bearer realm="sawtooth"' };

/**
 * Returns the caller of a request with `Authorization: Bearer <token>`. Throws "unauthorized"
 * without the header, "invalid_token" for a malformed, unknown, revoked or expired token, and
 * "forbidden" while the token's owner must replace a one-time password.
 */
export async function authenticate(context: ApiContext, request: Request): Promise<ApiCaller> {
  const header = request.headers.get("authorization");
  if (header === null || header.trim() === "") {
    throw new ApiError(
      "unauthorized",
      "Missing Authorization header: send Authorization: Bearer <token> with a token from " +
        "/account/tokens.",
      CHALLENGE,
    );
  }
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  if (token === undefined || !token.startsWith(API_TOKEN_PREFIX)) {
    throw new ApiError(
      "invalid_token",
      `Malformed Authorization header: expected "Bearer ${API_TOKEN_PREFIX}…".`,
      CHALLENGE,
    );
  }

  const record = await findApiToken(context.db, token);
  const now = context.now();
  if (record === null) {
    throw new ApiError(
      "invalid_token",
      "Unknown token: create a new one at /account/tokens.",
      CHALLENGE,
    );
  }
  if (record.revokedAt !== null) {
    throw new ApiError("invalid_token", "The token was revoked: create a new one.", CHALLENGE);
  }
  if (record.expiresAt !== null && record.expiresAt <= now) {
    const message = `The token expired at ${record.expiresAt.toISOString()}: create a new one.`;
    throw new ApiError("invalid_token", message, CHALLENGE);
  }
  if (record.passwordChangeRequired) {
    // An admin reset the owner's password: the token works again once a new one is chosen.
    throw new ApiError(
      "forbidden",
      "The token's account has a one-time password: sign in and choose a new password at " +
        "/account/password, then send the request again.",
    );
  }

  const lastUsed = record.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (now.getTime() - lastUsed >= LAST_USED_RESOLUTION_MS) {
    await markApiTokenUsed(context.db, record.id, now);
  }
  return { userId: record.userId, tokenId: record.id };
}

/**
 * Counts the request against the token's limit. Returns the rate-limit headers of an allowed
 * request, and throws "rate_limited" with `Retry-After` in whole seconds otherwise.
 */
async function countRequest(
  context: ApiContext,
  caller: ApiCaller,
): Promise<Record<string, string>> {
  const now = context.now();
  const decision = await countApiRequest(context.db, caller.tokenId, context.rateLimit, now);
  const headers = {
    "x-ratelimit-limit": String(context.rateLimit.requests),
    "x-ratelimit-remaining": String(decision.remaining),
    "x-ratelimit-reset": String(Math.ceil(decision.resetAt.getTime() / 1000)),
  };
  if (!decision.allowed) {
    const seconds = Math.max(1, Math.ceil((decision.resetAt.getTime() - now.getTime()) / 1000));
    throw new ApiError(
      "rate_limited",
      `Rate limit reached: this token may make ${context.rateLimit.requests} requests in any ` +
        `${context.rateLimit.windowMs / 1000} s. Retry in ${seconds} s.`,
      { ...headers, "retry-after": String(seconds) },
    );
  }
  return headers;
}
