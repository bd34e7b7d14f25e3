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

function count(ms: number, limit = LIMIT, tokenId = "token-a") {
  return countApiRequest(testDatabase.db, tokenId, limit, at(ms));
}

describe("countApiRequest", () => {
  test("allows the limit and rejects the next request", async () => {
    const decisions = [];
    for (let i = 0; i < 4; i++) {
      decisions.push(await count(i * 1000));
    }

    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((decision) => decision.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions.map((decision) => decision.resetAt)).toEqual([
      at(60_000),
      at(60_000),
      at(60_000),
      at(60_000),
    ]);
  });

  test("rejects a burst across a window boundary", async () => {
    // A fixed window starting at each whole minute would allow all six requests.
    for (let i = 0; i < 3; i++) {
      expect((await count(59_900)).allowed).toBe(true);
    }

    const afterBoundary = await count(60_100);
    const beforeExpiry = await count(119_899);
    const atExpiry = await count(119_900);

    expect(afterBoundary).toEqual({ allowed: false, remaining: 0, resetAt: at(119_900) });
    expect(beforeExpiry.allowed).toBe(false);
    expect(atExpiry).toEqual({ allowed: true, remaining: 2, resetAt: at(179_900) });
  });

  test("never allows more than the limit in any window", async () => {
    // Gaps from a fixed linear congruential sequence: mostly under 1.5 s, one in eight 20–29 s.
    let seed = 12_345;
    let time = 0;
    const allowed: number[] = [];
    const rejected: number[] = [];
    for (let i = 0; i < 120; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const random = Math.floor(seed / 2 ** 16);
      time += random % 8 === 0 ? 20_000 + (random % 9_000) : random % 1_500;
      const decision = await count(time);
      (decision.allowed ? allowed : rejected).push(time);
    }

    const inWindowBefore = (end: number) =>
      allowed.filter((time) => time > end - LIMIT.windowMs && time <= end).length;
    for (const time of allowed) {
      expect(inWindowBefore(time), `window ending at ${time} ms`).toBeLessThanOrEqual(3);
    }
    for (const time of rejected) {
      expect(inWindowBefore(time), `rejected at ${time} ms`).toBe(3);
    }
    expect(rejected.length).toBeGreaterThan(10);
    expect(allowed.length).toBeGreaterThan(10);
  });

  test("counts each token apart", async () => {
    for (let i = 0; i < 3; i++) {
      await count(i);
    }

    const other = await count(3, LIMIT, "token-b");

    expect(other.allowed).toBe(true);
    expect(other.remaining).toBe(2);
  });

  test("retries at the right time after the limit was lowered", async () => {
    const higher = { ...LIMIT, requests: 5 };
    for (let i = 0; i < 5; i++) {
      await count(i * 1000, higher);
    }

    const rejected = await count(10_000);
    const allowed = await count(62_000);

    // Requests at 0, 1 and 2 s must leave the window before the 3rd may join those at 3 and 4 s.
    expect(rejected).toEqual({ allowed: false, remaining: 0, resetAt: at(62_000) });
    expect(allowed.allowed).toBe(true);
  });

  test("counts concurrent requests once each", async () => {
    const decisions = await Promise.all(Array.from({ length: 10 }, () => count(5)));

    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
    expect(await testDatabase.db.apiRequest.count({ where: { tokenId: "token-a" } })).toBe(3);
  });

  test("deletes requests older than the window", async () => {
    await count(0);
    await count(1_000);

    await count(60_500);

    const stored = await testDatabase.db.apiRequest.findMany({ select: { at: true } });
    expect(stored.map((row) => row.at).sort((a, b) => a.getTime() - b.getTime())).toEqual([
      at(1_000),
      at(60_500),
    ]);
  });
});
