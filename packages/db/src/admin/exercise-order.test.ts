import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { deleteExercise, moveExercise } from "./exercise-order";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  await db.course.create({ data: { id: "c1", slug: "c1", title: "Course" } });
  await db.course.create({ data: { id: "c2", slug: "c2", title: "Other course" } });
  await db.user.create({ data: { id: "sam", name: "Sam", email: "sam@example.com" } });
  // Positions with a gap and a tie, as imports can leave them: the order is a, b, c, d.
  const positions = { a: 0, b: 3, c: 3, d: 7 };
  for (const [slug, position] of Object.entries(positions)) {
    await db.exercise.create({
      data: {
        id: slug,
        courseId: "c1",
        slug,
        title: slug.toUpperCase(),
        position,
        versions: { create: { id: `${slug}-v1`, version: 1, definition: "{}" } },
      },
    });
  }
});

afterEach(async () => {
  await testDatabase.remove();
});

async function order(): Promise<string[]> {
  const rows = await testDatabase.db.exercise.findMany({
    where: { courseId: "c1" },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
  return rows.map((row) => `${row.slug}${row.position}`);
}

async function addAttempt(exerciseId: string): Promise<void> {
  await testDatabase.db.attempt.create({
    data: {
      userId: "sam",
      exerciseId,
      exerciseVersionId: `${exerciseId}-v1`,
      raw: "{}",
      network: "{}",
      feedback: "{}",
      verdict: "incorrect",
      score: 0,
      submissionHash: `hash-${exerciseId}`,
      attemptNumber: 1,
      gradingMs: 1,
    },
  });
}

/**
 * Runs `work` while another transaction keeps the course row locked, as an import's does, and
 * returns whether `work` had finished before that transaction ended, and its result.
 */
async function whileCourseLocked<T>(
  work: () => Promise<T>,
): Promise<{ early: boolean; result: T }> {
  const { db } = testDatabase;
  let finished = false;
  let running: Promise<T> | undefined;
  let early = false;
  await db.$transaction(async (tx) => {
    // The same statement on both databases: on SQLite it takes the database's write lock.
    await tx.course.update({ where: { id: "c1" }, data: { title: "Course" } });
    running = work().then((result) => {
      finished = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    early = finished;
  });
  if (running === undefined) throw new Error("The work did not start.");
  return { early, result: await running };
}

describe("moveExercise", () => {
  test("swaps with the neighbour and renumbers", async () => {
    const { db } = testDatabase;

    expect(await moveExercise(db, "c1", "c", "up")).toEqual({ status: "moved" });
    expect(await order()).toEqual(["a0", "c1", "b2", "d3"]);

    expect(await moveExercise(db, "c1", "c", "down")).toEqual({ status: "moved" });
    expect(await order()).toEqual(["a0", "b1", "c2", "d3"]);
  });

  test("moves a tied exercise down", async () => {
    expect(await moveExercise(testDatabase.db, "c1", "b", "down")).toEqual({ status: "moved" });
    expect(await order()).toEqual(["a0", "c1", "b2", "d3"]);
  });

  test("keeps the ends in place", async () => {
    const { db } = testDatabase;

    expect(await moveExercise(db, "c1", "a", "up")).toEqual({ status: "at-end" });
    expect(await moveExercise(db, "c1", "d", "down")).toEqual({ status: "at-end" });
    expect(await order()).toEqual(["a0", "b3", "c3", "d7"]);
  });

  test("finds no exercise of another course", async () => {
    expect(await moveExercise(testDatabase.db, "c2", "b", "up")).toEqual({ status: "not-found" });
    expect(await order()).toEqual(["a0", "b3", "c3", "d7"]);
  });
});

describe("deleteExercise", () => {
  test("deletes an exercise without attempts", async () => {
    const { db } = testDatabase;

    expect(await deleteExercise(db, "c1", "b")).toEqual({ status: "deleted" });
    expect(await order()).toEqual(["a0", "c1", "d2"]);
    expect(await db.exerciseVersion.count({ where: { exerciseId: "b" } })).toBe(0);
  });

  test("keeps an exercise with attempts", async () => {
    const { db } = testDatabase;
    await addAttempt("b");

    expect(await deleteExercise(db, "c1", "b")).toEqual({ status: "has-attempts", attempts: 1 });
    expect(await db.attempt.count({ where: { exerciseId: "b" } })).toBe(1);
    expect(await order()).toEqual(["a0", "b3", "c3", "d7"]);
  });

  test("finds no exercise of another course", async () => {
    expect(await deleteExercise(testDatabase.db, "c2", "b")).toEqual({ status: "not-found" });
    expect(await order()).toEqual(["a0", "b3", "c3", "d7"]);
  });

  test("counts an attempt stored meanwhile", async () => {
    const { db } = testDatabase;
    let deletion: ReturnType<typeof deleteExercise> | undefined;

    // A submission's insert is in flight when the admin deletes: the deletion must wait for it
    // and then keep the exercise, rather than delete the new attempt with it.
    await db.$transaction(async (tx) => {
      await tx.attempt.create({
        data: {
          userId: "sam",
          exerciseId: "b",
          exerciseVersionId: "b-v1",
          raw: "{}",
          network: "{}",
          feedback: "{}",
          verdict: "incorrect",
          score: 0,
          submissionHash: "in-flight",
          attemptNumber: 1,
          gradingMs: 1,
        },
      });
      deletion = deleteExercise(db, "c1", "b");
      await new Promise((resolve) => setTimeout(resolve, 300));
    });

    expect(await deletion).toEqual({ status: "has-attempts", attempts: 1 });
    expect(await db.attempt.count({ where: { exerciseId: "b" } })).toBe(1);
  });
});

describe("moving and deleting while an import runs", () => {
  test("waits for the course lock", async () => {
    const moved = await whileCourseLocked(() => moveExercise(testDatabase.db, "c1", "b", "down"));
    const deleted = await whileCourseLocked(() => deleteExercise(testDatabase.db, "c1", "a"));

    expect(moved).toEqual({ early: false, result: { status: "moved" } });
    expect(deleted).toEqual({ early: false, result: { status: "deleted" } });
    expect(await order()).toEqual(["c0", "b1", "d2"]);
  });
});
