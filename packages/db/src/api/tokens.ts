import { createHash, randomBytes } from "node:crypto";

import type { Database } from "../client";

/** Text every token starts with, so secret scanners and people can recognise one. */
export const API_TOKEN_PREFIX = "saw_";

/** Random bytes in a token: 256 bits, written as 43 base64url characters. */
const TOKEN_BYTES = 32;

/** Characters of a token kept in the clear, the prefix and four more, to tell tokens apart. */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 4;

/** Most active tokens (not revoked, not expired) one user may hold. */
export const MAX_API_TOKENS_PER_USER = 50;

/** A token as its owner's token list shows it; the token text itself is never stored. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  /** The token's first characters, such as "saw_Ab3x". */
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** A token found by its text, with what a request needs to check it. */
export interface ApiTokenRecord {
  id: string;
  userId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** Whether the token's owner must still replace a one-time password. */
  passwordChangeRequired: boolean;
}

/** Result of {@link createApiToken}. */
export type CreateApiTokenResult =
  | { status: "created"; token: string; summary: ApiTokenSummary }
  | { status: "too-many"; limit: number };

/** Returns the SHA-256, in hex, of a token's text: the only form of it that is stored. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const summaryFields = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
} as const;

/**
 * Creates a token for `userId` and returns its text, which exists only in this result: the
 * database keeps its hash. Returns "too-many" when the user already has
 * {@link MAX_API_TOKENS_PER_USER} tokens that are active at `now`.
 */
export async function createApiToken(
  db: Database,
  input: { userId: string; name: string; expiresAt: Date | null },
  now: Date,
): Promise<CreateApiTokenResult> {
  const existing = await db.apiToken.count({
    where: {
      userId: input.userId,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
  });
  if (existing >= MAX_API_TOKENS_PER_USER) {
    return { status: "too-many", limit: MAX_API_TOKENS_PER_USER };
  }
  const token = `${API_TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  const summary = await db.apiToken.create({
    data: {
      ...input,
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, SHOWN_CHARACTERS),
    },
    select: summaryFields,
  });
  return { status: "created", token, summary };
}

/** Lists a user's tokens, newest first, revoked and expired ones included. */
export async function listApiTokens(db: Database, userId: string): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({
    where: { userId },
    select: summaryFields,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/**
 * Revokes a token of `userId`. Returns false when the user has no such token, so nobody can
 * revoke another user's token. Revoking a revoked token keeps its first revocation time.
 */
export async function revokeApiToken(
  db: Database,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  const token = await db.apiToken.findFirst({
    where: { id: tokenId, userId },
    select: { id: true },
  });
  if (!token) {
    return false;
  }
  await db.apiToken.updateMany({
    where: { id: tokenId, revokedAt: null },
    data: { revokedAt: now },
  });
  return true;
}

/** Finds a token by its full text, or returns null. Callers check expiry and revocation. */
export async function findApiToken(db: Database, token: string): Promise<ApiTokenRecord | null> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { passwordChangeRequired: true } },
    },
  });
  if (row === null) return null;
  const { user, ...record } = row;
  return { ...record, passwordChangeRequired: user.passwordChangeRequired };
}

/** Stores when a token was last used. */
export async function markApiTokenUsed(db: Database, tokenId: string, now: Date): Promise<void> {
  await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: now } });
}
