import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { applyRegrade, listAttemptsForRegrade, listRegradeRuns } from "./regrade";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  for (const id of ["ada", "sam"]) {
    await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  }
  await db.course.create({
    data: {
      id: "c1",
      slug: "c1",
      title: "Course",
      exercises: {
        create: {
          id: "e1",
          slug: "e1",
          title: "E",
          position: 0,
          versions: {
            create: [
              { id: "v1", version: 1, definition: "one" },
              { id: "v2", version: 2, definition: "two" },
            ],
          },
        },
      },
    },
  });
  const attempt = {
    userId: "sam",
    exerciseId: "e1",
    exerciseVersionId: "v1",
    network: "{}",
    feedback: "{}",
    gradingMs: 1,
  };
  await db.attempt.create({
    data: {
      ...attempt,
      id: "a1",
      raw: "r1",
      verdict: "correct",
      score: 1,
      submissionHash: "h1",
      attemptNumber: 1,
    },
  });
  await db.attempt.create({
    data: {
      ...attempt,
      id: "a2",
      raw: "r2",
      verdict: "incorrect",
      score: 0,
      overrideScore: 0.5,
      submissionHash: "h2",
      attemptNumber: 2,
    },
  });
});

afterEach(async () => {
  await testDatabase.remove();
});

const regraded = [
  { attemptId: "a1", verdict: "incorrect" as const, score: 0, feedback: '{"new":1}' },
  { attemptId: "a2", verdict: "incorrect" as const, score: 0, feedback: '{"new":2}' },
];

const input = {
  exerciseId: "e1",
  versionId: "v2",
  versionNumber: 2,
  adminId: "ada",
  attempts: regraded,
  changedIds: ["a1"],
};

describe("applyRegrade", () => {
  test("stores new grades against the chosen version", async () => {
    const { db } = testDatabase;
    const summary = await applyRegrade(db, { ...input, keepOverrides: true });

    expect(summary).toMatchObject({ attemptCount: 2, changedCount: 1, clearedOverrides: 0 });
    const a1 = await db.attempt.findUniqueOrThrow({ where: { id: "a1" } });
    expect(a1).toMatchObject({ verdict: "incorrect", score: 0, feedback: '{"new":1}' });
    expect(a1.exerciseVersionId).toBe("v2");
    const a2 = await db.attempt.findUniqueOrThrow({ where: { id: "a2" } });
    expect(a2.overrideScore).toBe(0.5);
    expect(await db.scoreOverride.count()).toBe(0);
  });

  test("clears overrides with an audit row when asked", async () => {
    const { db } = testDatabase;
    const summary = await applyRegrade(db, { ...input, keepOverrides: false });

    expect(summary.clearedOverrides).toBe(1);
    const a2 = await db.attempt.findUniqueOrThrow({ where: { id: "a2" } });
    expect(a2.overrideScore).toBeNull();
    const audit = await db.scoreOverride.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      attemptId: "a2",
      tutorId: "ada",
      oldScore: 0.5,
      newScore: null,
      reason: "cleared by regrade against version 2",
    });
  });

  test("logs the run", async () => {
    const { db } = testDatabase;
    await applyRegrade(db, { ...input, keepOverrides: false });
    const runs = await listRegradeRuns(db, "e1");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      versionNumber: 2,
      adminName: "ada",
      attemptCount: 2,
      changedCount: 1,
      clearedOverrides: 1,
      keptOverrides: false,
    });
  });

  test("leaves attempts not listed unchanged", async () => {
    const { db } = testDatabase;
    const onlyFirst = { ...input, attempts: [regraded[0]!], changedIds: ["a1"] };

    const summary = await applyRegrade(db, { ...onlyFirst, keepOverrides: false });

    expect(summary).toMatchObject({ attemptCount: 1, clearedOverrides: 0 });
    const a2 = await db.attempt.findUniqueOrThrow({ where: { id: "a2" } });
    expect(a2).toMatchObject({ verdict: "incorrect", score: 0, feedback: "{}" });
    expect(a2.exerciseVersionId).toBe("v1");
    expect(a2.overrideScore).toBe(0.5);
    expect(await db.scoreOverride.count()).toBe(0);
  });

  test("rolls back every change when one attempt is not the exercise's", async () => {
    const { db } = testDatabase;
    const foreign = [...regraded, { ...regraded[0]!, attemptId: "missing" }];
    await expect(
      applyRegrade(db, { ...input, attempts: foreign, keepOverrides: false }),
    ).rejects.toThrow();
    const a1 = await db.attempt.findUniqueOrThrow({ where: { id: "a1" } });
    expect(a1.verdict).toBe("correct");
    expect(await db.regradeRun.count()).toBe(0);
    expect(await db.scoreOverride.count()).toBe(0);
  });
});

describe("listAttemptsForRegrade", () => {
  test("lists attempts with version and student", async () => {
    const rows = await listAttemptsForRegrade(testDatabase.db, "e1");
    expect(rows.map((row) => [row.id, row.raw, row.versionNumber, row.student.email])).toEqual([
      ["a1", "r1", 1, "sam@example.com"],
      ["a2", "r2", 1, "sam@example.com"],
    ]);
  });
});
