import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { countApiRequest } from "./rate-limit";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  await db.user.create({ data: { id: "alice", name: "alice", email: "alice@example.com" } });
  for (const id of ["token-a", "token-b"]) {
    await db.apiToken.create({
      data: { id, userId: "alice", name: id, tokenHash: id, prefix: "saw_xxxx" },
    });
  }
});

afterEach(async () => {
  await testDatabase.remove();
});

const LIMIT = { requests: 3, windowMs: 60_000 };
const START = new Date("2027-01-01T00:00:00Z");

function at(ms: number): Date {
  return new Date(START.getTime() + ms);
}

describe("countApiRequest", () => {
  test("allows the limit and refuses the next request", async () => {
    const decisions = [];
    for (let i = 0; i < 4; i++) {
      decisions.push(await countApiRequest(testDatabase.db, "token-a", LIMIT, at(i * 1000)));
    }

    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((decision) => decision.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[3]!.resetAt).toEqual(at(60_000));
  });

  test("starts again in the next window", async () => {
    for (let i = 0; i < 4; i++) {
      await countApiRequest(testDatabase.db, "token-a", LIMIT, at(i));
    }

    const next = await countApiRequest(testDatabase.db, "token-a", LIMIT, at(60_000));

    expect(next).toEqual({ allowed: true, remaining: 2, resetAt: at(120_000) });
  });

  test("counts each token apart", async () => {
    for (let i = 0; i < 3; i++) {
      await countApiRequest(testDatabase.db, "token-a", LIMIT, at(i));
    }

    const other = await countApiRequest(testDatabase.db, "token-b", LIMIT, at(3));

    expect(other.allowed).toBe(true);
    expect(other.remaining).toBe(2);
  });

  test("counts concurrent requests once each", async () => {
    const decisions = await Promise.all(
      Array.from({ length: 10 }, () => countApiRequest(testDatabase.db, "token-a", LIMIT, at(5))),
    );

    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
    const stored = await testDatabase.db.apiRateLimit.findUniqueOrThrow({
      where: { tokenId: "token-a" },
    });
    expect(stored.count).toBe(10);
  });
});
