import { randomUUID } from "node:crypto";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import {
  API_TOKEN_PREFIX,
  createApiToken,
  findApiToken,
  hashApiToken,
  listApiTokens,
  MAX_API_TOKENS_PER_USER,
  revokeApiToken,
} from "./tokens";

let testDatabase: TestDatabase;

const NOW = new Date("2027-01-15T12:00:00Z");

beforeEach(async () => {
  testDatabase = createTestDatabase();
  for (const id of ["alice", "bob"]) {
    await testDatabase.db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  }
});

afterEach(async () => {
  await testDatabase.remove();
});

async function create(userId: string, name = "notebook"): Promise<string> {
  const result = await createApiToken(testDatabase.db, { userId, name, expiresAt: null }, NOW);
  if (result.status !== "created") throw new Error("The token was not created.");
  return result.token;
}

describe("createApiToken", () => {
  test("returns a prefixed token and stores only its hash", async () => {
    const token = await create("alice");

    expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(token).toMatch(/^saw_[A-Za-z0-9_-]{43}$/);
    const stored = await testDatabase.db.apiToken.findFirstOrThrow();
    expect(stored.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(stored)).not.toContain(token.slice(API_TOKEN_PREFIX.length));
    expect(stored.prefix).toBe(token.slice(0, 8));
  });

  test("creates a different token each time", async () => {
    expect(await create("alice")).not.toBe(await create("alice"));
  });

  test("stops at the maximum of active tokens", async () => {
    const { db } = testDatabase;
    const tokens = (count: number, fields: object) =>
      Array.from({ length: count }, () => ({
        userId: "alice",
        name: "token",
        tokenHash: randomUUID(),
        prefix: "saw_xxxx",
        ...fields,
      }));
    await db.apiToken.createMany({ data: tokens(MAX_API_TOKENS_PER_USER - 1, {}) });
    await db.apiToken.createMany({ data: tokens(3, { revokedAt: NOW }) });
    await db.apiToken.createMany({ data: tokens(3, { expiresAt: NOW }) });
    const input = { userId: "alice", name: "one more", expiresAt: null };

    const last = await createApiToken(db, input, NOW);
    const refused = await createApiToken(db, input, NOW);

    expect(last.status).toBe("created");
    expect(refused).toEqual({ status: "too-many", limit: MAX_API_TOKENS_PER_USER });
  });
});

describe("findApiToken", () => {
  test("finds a token by its text and not by its hash", async () => {
    const token = await create("alice");

    expect(await findApiToken(testDatabase.db, token)).toMatchObject({ userId: "alice" });
    expect(await findApiToken(testDatabase.db, hashApiToken(token))).toBeNull();
    expect(await findApiToken(testDatabase.db, `${token}x`)).toBeNull();
  });
});

describe("revokeApiToken", () => {
  test("revokes the owner's token once", async () => {
    const { db } = testDatabase;
    await create("alice");
    const [summary] = await listApiTokens(db, "alice");
    const first = new Date("2027-01-01T00:00:00Z");

    expect(await revokeApiToken(db, "alice", summary!.id, first)).toBe(true);
    expect(await revokeApiToken(db, "alice", summary!.id, new Date("2027-02-01T00:00:00Z"))).toBe(
      true,
    );
    const [revoked] = await listApiTokens(db, "alice");
    expect(revoked!.revokedAt).toEqual(first);
  });

  test("does not revoke another user's token", async () => {
    const { db } = testDatabase;
    await create("alice");
    const [summary] = await listApiTokens(db, "alice");

    expect(await revokeApiToken(db, "bob", summary!.id, new Date())).toBe(false);
    const [unchanged] = await listApiTokens(db, "alice");
    expect(unchanged!.revokedAt).toBeNull();
  });
});

describe("listApiTokens", () => {
  test("lists only the user's own tokens", async () => {
    await create("alice", "first");
    await create("bob", "bob's");

    const names = (await listApiTokens(testDatabase.db, "alice")).map((token) => token.name);

    expect(names).toEqual(["first"]);
  });
});
