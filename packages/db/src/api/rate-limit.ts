import type { Database } from "../client";

/** How many requests a token may make per window. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** Result of counting one request against a {@link RateLimit}. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests left in the current window after this one; 0 when refused. */
  remaining: number;
  /** When the current window ends and the count starts again from zero. */
  resetAt: Date;
}

/**
 * Counts one request of `tokenId` in the fixed window that contains `now` and decides whether it
 * is within the limit. One upsert increments the count, or starts it at 1 when the stored count
 * belongs to an older window, and returns the new value, so concurrent requests from several
 * app processes each get a distinct count on SQLite and PostgreSQL alike.
 */
export async function countApiRequest(
  db: Database,
  tokenId: string,
  limit: RateLimit,
  now: Date,
): Promise<RateLimitDecision> {
  const window = Math.floor(now.getTime() / limit.windowMs);
  const rows = await db.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "api_rate_limit" ("tokenId", "window", "count")
    VALUES (${tokenId}, ${window}, 1)
    ON CONFLICT ("tokenId") DO UPDATE SET
      "count" = CASE WHEN "api_rate_limit"."window" = ${window}
        THEN "api_rate_limit"."count" + 1 ELSE 1 END,
      "window" = ${window}
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  return {
    allowed: count <= limit.requests,
    remaining: Math.max(0, limit.requests - count),
    resetAt: new Date((window + 1) * limit.windowMs),
  };
}
