import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { findAttempt, listAttempts, summarizeProgress } from "./attempt-history";
import { recordAttempt, type NewAttempt } from "./attempts";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  for (const id of ["alice", "bob"]) {
    await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  }
  for (const course of ["one", "two"]) {
    await db.course.create({ data: { id: course, slug: course, title: course } });
  }
  for (const [id, courseId] of [
    ["tent", "one"],
    ["saw", "one"],
    ["other", "two"],
  ] as const) {
    await db.exercise.create({
      data: {
        id,
        courseId,
        slug: id,
        title: id,
        position: 0,
        versions: { create: { id: `${id}-1`, version: 1, definition: "{}" } },
      },
    });
  }
});

afterEach(async () => {
  await testDatabase.remove();
});

function attempt(overrides: Partial<NewAttempt>): NewAttempt {
  const exerciseId = overrides.exerciseId ?? "tent";
  return {
    userId: "alice",
    exerciseId,
    exerciseVersionId: `${exerciseId}-1`,
    raw: "raw",
    network: "network",
    verdict: "incorrect",
    score: 0,
    feedback: '{"verdict":"incorrect"}',
    gradingMs: 2,
    ...overrides,
  };
}

describe("listAttempts", () => {
  test("lists the user's attempts newest first", async () => {
    const db = testDatabase.db;
    const first = await recordAttempt(db, attempt({ network: "a" }));
    const second = await recordAttempt(db, attempt({ network: "b", verdict: "correct", score: 1 }));
    await recordAttempt(db, attempt({ network: "c", userId: "bob" }));

    const list = await listAttempts(db, "alice", "tent");

    expect(list.map((entry) => entry.id)).toEqual([second.attempt.id, first.attempt.id]);
    expect(list[0]).toMatchObject({ verdict: "correct", score: 1 });
    expect(list[0]?.createdAt).toBeInstanceOf(Date);
  });

  test("numbers attempts and counts comments", async () => {
    const db = testDatabase.db;
    const first = await recordAttempt(db, attempt({ network: "a" }));
    await recordAttempt(db, attempt({ network: "b" }));
    await db.attemptComment.create({
      data: { attemptId: first.attempt.id, authorId: "bob", body: "Look at x = 1." },
    });
    await db.attempt.update({ where: { id: first.attempt.id }, data: { overrideScore: 0.5 } });

    const [second, commented] = await listAttempts(db, "alice", "tent");

    expect(second).toMatchObject({ attemptNumber: 2, commentCount: 0, overrideScore: null });
    expect(commented).toMatchObject({ attemptNumber: 1, commentCount: 1, overrideScore: 0.5 });
    expect(commented?.score).toBe(0.5);
  });

  test("returns a resent attempt with its comments", async () => {
    const db = testDatabase.db;
    const first = await recordAttempt(db, attempt({ network: "a" }));
    await db.attemptComment.create({
      data: { attemptId: first.attempt.id, authorId: "bob", body: "Look at x = 1." },
    });

    const again = await recordAttempt(db, attempt({ network: "a" }));

    expect(again.duplicate).toBe(true);
    expect(again.attempt).toMatchObject({ attemptNumber: 1, commentCount: 1 });
  });
});

describe("findAttempt", () => {
  test("returns the attempt with its exercise", async () => {
    const db = testDatabase.db;
    const { attempt: stored } = await recordAttempt(db, attempt({ raw: " { raw } " }));

    const found = await findAttempt(db, stored.id);

    expect(found?.raw).toBe(" { raw } ");
    expect(found?.userId).toBe("alice");
    expect(found?.exercise).toEqual({
      id: "tent",
      slug: "tent",
      courseId: "one",
      visibility: "visible",
    });
    expect(found?.exerciseVersion).toEqual({ id: "tent-1", number: 1, definition: "{}" });
  });

  test("returns null for an unknown id", async () => {
    expect(await findAttempt(testDatabase.db, "missing")).toBeNull();
  });
});

describe("summarizeProgress", () => {
  test("sums attempts per exercise of the course", async () => {
    const db = testDatabase.db;
    await recordAttempt(db, attempt({ network: "a", score: 0.25 }));
    await recordAttempt(db, attempt({ network: "b", verdict: "correct", score: 1 }));
    await recordAttempt(db, attempt({ network: "c", exerciseId: "saw", score: 0.5 }));
    await recordAttempt(db, attempt({ network: "d", exerciseId: "other" }));
    await recordAttempt(db, attempt({ network: "e", userId: "bob", exerciseId: "saw" }));

    const progress = await summarizeProgress(db, "alice", "one");

    expect(progress.get("tent")).toEqual({ attempts: 2, bestScore: 1, solved: true });
    expect(progress.get("saw")).toEqual({ attempts: 1, bestScore: 0.5, solved: false });
    expect(progress.has("other")).toBe(false);
  });
});
