import { afterEach, beforeEach, describe, expect, test } from "vitest";

import {
  countAttempts,
  hashSubmission,
  recordAttempt,
  recordAttemptWithinLimit,
  type NewAttempt,
} from "./attempts";
import { createDatabase } from "./client";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  for (const id of ["alice", "bob"]) {
    await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  }
  await db.course.create({
    data: {
      id: "course",
      slug: "course",
      title: "Course",
      exercises: {
        create: [
          { id: "tent", slug: "tent", title: "Tent", position: 0 },
          { id: "saw", slug: "saw", title: "Saw", position: 1 },
        ],
      },
    },
  });
  await db.exerciseVersion.create({
    data: { id: "tent-1", exerciseId: "tent", version: 1, definition: "{}" },
  });
  await db.exerciseVersion.create({
    data: { id: "tent-2", exerciseId: "tent", version: 2, definition: "{}" },
  });
  await db.exerciseVersion.create({
    data: { id: "saw-1", exerciseId: "saw", version: 1, definition: "{}" },
  });
});

afterEach(async () => {
  await testDatabase.remove();
});

function attempt(overrides: Partial<NewAttempt> = {}): NewAttempt {
  return {
    userId: "alice",
    exerciseId: "tent",
    exerciseVersionId: "tent-1",
    raw: '{ "layers": [] }',
    network: '{"layers":[]}',
    verdict: "incorrect",
    score: 0,
    feedback: "{}",
    gradingMs: 3,
    ...overrides,
  };
}

describe("recordAttempt", () => {
  test("stores every field as given", async () => {
    const db = testDatabase.db;
    const before = Date.now();
    const { attempt: returned, duplicate } = await recordAttempt(db, attempt());
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: returned.id } });

    expect(duplicate).toBe(false);
    expect(stored.attemptNumber).toBe(1);
    expect(stored.createdAt.getTime()).toBe(returned.createdAt.getTime());
    expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(stored.score).toBe(0);
    expect(stored.feedback).toBe("{}");
    expect(stored.raw).toBe('{ "layers": [] }');
    expect(stored.network).toBe('{"layers":[]}');
    expect(stored.verdict).toBe("incorrect");
    expect(stored.gradingMs).toBe(3);
    expect(stored.submissionHash).toBe(hashSubmission('{"layers":[]}'));
  });

  test("returns the earlier attempt for the same network", async () => {
    const db = testDatabase.db;
    const first = await recordAttempt(db, attempt());

    const second = await recordAttempt(db, attempt({ raw: '{"layers":[]}' }));

    expect(second.duplicate).toBe(true);
    expect(second.attempt.id).toBe(first.attempt.id);
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: second.attempt.id } });
    expect(stored.raw).toBe('{ "layers": [] }');
    expect(await countAttempts(db, "alice", "tent")).toBe(1);
  });

  test("dedups across exercise versions", async () => {
    const db = testDatabase.db;
    await recordAttempt(db, attempt({ exerciseVersionId: "tent-1" }));

    const second = await recordAttempt(db, attempt({ exerciseVersionId: "tent-2" }));

    expect(second.duplicate).toBe(true);
    expect(await countAttempts(db, "alice", "tent")).toBe(1);
  });

  test("stores one attempt for concurrent identical requests", async () => {
    const db = testDatabase.db;

    const results = await Promise.all([1, 2, 3].map(() => recordAttempt(db, attempt())));

    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(new Set(results.map((result) => result.attempt.id)).size).toBe(1);
    expect(await countAttempts(db, "alice", "tent")).toBe(1);
  });

  test("stores a different network separately", async () => {
    const db = testDatabase.db;
    await recordAttempt(db, attempt());

    const other = await recordAttempt(db, attempt({ network: '{"layers":[1]}' }));

    expect(other.duplicate).toBe(false);
    expect(await countAttempts(db, "alice", "tent")).toBe(2);
  });

  test("keeps users and exercises apart", async () => {
    const db = testDatabase.db;
    await recordAttempt(db, attempt());

    const bob = await recordAttempt(db, attempt({ userId: "bob" }));
    const saw = await recordAttempt(db, attempt({ exerciseId: "saw", exerciseVersionId: "saw-1" }));

    expect(bob.duplicate).toBe(false);
    expect(saw.duplicate).toBe(false);
    expect(await db.attempt.count()).toBe(3);
  });

  test("rejects a second row with the same hash", async () => {
    const db = testDatabase.db;
    await recordAttempt(db, attempt());
    const copy = db.attempt.create({
      data: {
        ...attempt({ raw: "another layout" }),
        submissionHash: hashSubmission('{"layers":[]}'),
        attemptNumber: 2,
      },
    });

    await expect(copy).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("recordAttemptWithinLimit", () => {
  test("stores attempts up to the limit", async () => {
    const db = testDatabase.db;

    const first = await recordAttemptWithinLimit(db, attempt({ network: "a" }), 2);
    const second = await recordAttemptWithinLimit(db, attempt({ network: "b" }), 2);
    const third = await recordAttemptWithinLimit(db, attempt({ network: "c" }), 2);

    expect(first).toMatchObject({ status: "recorded", duplicate: false, attemptCount: 1 });
    expect(second).toMatchObject({ status: "recorded", duplicate: false, attemptCount: 2 });
    expect(third).toEqual({ status: "limit-reached", attemptCount: 2 });
    expect(await countAttempts(db, "alice", "tent")).toBe(2);
  });

  test("returns a duplicate at the limit", async () => {
    const db = testDatabase.db;
    const first = await recordAttemptWithinLimit(db, attempt(), 1);

    const again = await recordAttemptWithinLimit(db, attempt(), 1);

    expect(again).toMatchObject({ status: "recorded", duplicate: true, attemptCount: 1 });
    expect(again).toMatchObject({
      attempt: { id: first.status === "recorded" ? first.attempt.id : "" },
    });
  });

  test("counts only the user's own attempts", async () => {
    const db = testDatabase.db;
    await recordAttemptWithinLimit(db, attempt({ userId: "bob" }), 1);

    const alice = await recordAttemptWithinLimit(db, attempt(), 1);

    expect(alice).toMatchObject({ status: "recorded", duplicate: false, attemptCount: 1 });
  });

  test("stores one of two racing different networks", async () => {
    const db = testDatabase.db;
    await recordAttemptWithinLimit(db, attempt({ network: "a" }), 2);

    const results = await Promise.all(
      ["b", "c"].map((network) => recordAttemptWithinLimit(db, attempt({ network }), 2)),
    );

    expect(results.filter((result) => result.status === "recorded")).toHaveLength(1);
    expect(results.filter((result) => result.status === "limit-reached")).toHaveLength(1);
    expect(await countAttempts(db, "alice", "tent")).toBe(2);
  });

  test("stores one of two racing identical networks", async () => {
    const db = testDatabase.db;
    await recordAttemptWithinLimit(db, attempt({ network: "a" }), 2);

    const results = await Promise.all(
      [1, 2].map(() => recordAttemptWithinLimit(db, attempt({ network: "b" }), 2)),
    );

    const recorded = results.filter((result) => result.status === "recorded");
    expect(recorded).toHaveLength(2);
    expect(recorded.filter((result) => result.duplicate)).toHaveLength(1);
    expect(new Set(recorded.map((result) => result.attempt.id)).size).toBe(1);
    expect(await countAttempts(db, "alice", "tent")).toBe(2);
  });
});

describe("recordAttemptWithinLimit on two connections", () => {
  test("holds the limit when two clients race, as two app processes would", async () => {
    const other = createDatabase(testDatabase.url);
    try {
      const clients = [testDatabase.db, other];
      const networks = Array.from({ length: 12 }, (_, index) => `n${index}`);

      const results = await Promise.all(
        networks.map((network, index) =>
          recordAttemptWithinLimit(clients[index % 2]!, attempt({ network }), 5),
        ),
      );

      expect(results.filter((result) => result.status === "recorded")).toHaveLength(5);
      const rows = await testDatabase.db.attempt.findMany({ orderBy: { attemptNumber: "asc" } });
      expect(rows.map((row) => row.attemptNumber)).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await other.$disconnect();
    }
  });
});
