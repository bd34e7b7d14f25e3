import type { Database } from "../client";

/** How many requests a token may make in any window of `windowMs` milliseconds. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** Result of counting one request against a {@link RateLimit}. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests the token may still make right now, after this one, or 0 when rejected. */
  remaining: number;
  /**
   * When the oldest counted request leaves the window, so one more request is allowed. For a
   * rejected request, the time to retry at.
   */
  resetAt: Date;
}

/**
 * Counts one request of `tokenId` and decides whether it is within the limit: allowed when
 * fewer than `limit.requests` of the token's counted requests lie in the window of
 * `limit.windowMs` that ends at `now`. Only allowed requests are counted, so a token never has
 * more than `limit.requests` allowed requests in any window of that length, wherever the
 * window starts.
 *
 * Each allowed request is a row of `api_request`. The transaction first writes the token's row,
 * which takes the row lock on PostgreSQL and the database's write lock on SQLite. Requests of
 * one token are therefore counted one after another, also across app processes, and each one
 * reads the rows stored by those before it. NOTE: several app processes count by their own
 * clocks, so there the bound is exact only as far as their clocks agree.
 */
export async function countApiRequest(
  db: Database,
  tokenId: string,
  limit: RateLimit,
  now: Date,
): Promise<RateLimitDecision> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  return db.$transaction(async (tx) => {
    // A write that changes nothing, only to take the lock before anything is read.
    await tx.$executeRaw`
      UPDATE "api_token" SET "lastUsedAt" = "lastUsedAt" WHERE "id" = ${tokenId}`;
    await tx.apiRequest.deleteMany({ where: { tokenId, at: { lte: windowStart } } });
    const counted = await tx.apiRequest.aggregate({
      where: { tokenId },
      _count: { _all: true },
      _min: { at: true },
    });
    const count = counted._count._all;

    if (count < limit.requests) {
      await tx.apiRequest.create({ data: { tokenId, at: now } });
      const oldest = counted._min.at ?? now;
      return {
        allowed: true,
        remaining: limit.requests - count - 1,
        resetAt: new Date(oldest.getTime() + limit.windowMs),
      };
    }

    // The request is allowed once all but limit.requests - 1 of the counted ones have left the
    // window. More than limit.requests are counted only after the limit was lowered.
    const freeing = await tx.apiRequest.findFirstOrThrow({
      where: { tokenId },
      orderBy: { at: "asc" },
      skip: count - limit.requests,
      select: { at: true },
    });
    return {
      allowed: false,
      remaining: 0,
      resetAt: new Date(freeing.at.getTime() + limit.windowMs),
    };
  });
}
