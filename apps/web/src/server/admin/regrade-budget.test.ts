import path from "node:path";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { createCourseFixture, FIXTURE } from "@/testing/course-fixture";
import { deepSawtoothDefinition, sawtoothSubmission } from "@/testing/deep-sawtooth";

import { GradingPool } from "../grading-pool";
import type { AdminContext } from "./admin-access";
import { applyRegradeRequest, previewRegrade } from "./regrade";

const workerFile = path.join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "scripts",
  "grading-worker.mjs",
);
const DEEP = "attempt-deep";
const SMALL = "attempt-small";
const request = { courseSlug: FIXTURE.courseSlug, exerciseSlug: "deep-sawtooth", version: 2 };

let pool: GradingPool;
let testDatabase: TestDatabase;
let db: Database;
let admin: AdminContext;

beforeAll(() => {
  // Grading f^20 took 7.9 s on a 2-core test machine, far over 500 ms, and f^2 takes milliseconds.
  pool = new GradingPool({ workerFile, threads: 2, timeoutMs: 500, memoryMb: 512 });
});

afterAll(async () => {
  await pool.close();
});

beforeEach(async () => {
  testDatabase = createTestDatabase();
  db = testDatabase.db;
  await createCourseFixture(db);
  admin = { db, userId: FIXTURE.admin, now: new Date("2027-01-15T12:00:00Z") };
  await db.exercise.create({
    data: {
      id: "exercise-deep",
      courseId: FIXTURE.course,
      slug: "deep-sawtooth",
      title: "A sawtooth of any depth",
      position: 2,
      versions: {
        create: [
          { id: "deep-v1", version: 1, definition: deepSawtoothDefinition() },
          { id: "deep-v2", version: 2, definition: deepSawtoothDefinition() },
        ],
      },
    },
  });
  const stored = {
    userId: FIXTURE.student,
    exerciseId: "exercise-deep",
    exerciseVersionId: "deep-v1",
    network: "{}",
    verdict: "incorrect",
    score: 0,
    feedback: '{"stored":true}',
    gradingMs: 1,
  };
  await db.attempt.create({
    data: {
      ...stored,
      id: DEEP,
      raw: sawtoothSubmission(20),
      overrideScore: 0.5,
      submissionHash: "deep",
      attemptNumber: 1,
    },
  });
  await db.attempt.create({
    data: {
      ...stored,
      id: SMALL,
      raw: sawtoothSubmission(2),
      overrideScore: 0.25,
      submissionHash: "small",
      attemptNumber: 2,
    },
  });
});

afterEach(async () => {
  await testDatabase.remove();
});

describe("regrade over the grading budget", () => {
  test("preview reports the attempt as too complex", async () => {
    const result = await previewRegrade(admin, request, pool);

    expect(result.status).toBe("preview");
    const preview = result.status === "preview" ? result.preview : null;
    const deep = preview?.rows.find((row) => row.attemptId === DEEP);
    const small = preview?.rows.find((row) => row.attemptId === SMALL);
    expect(deep).toMatchObject({ status: "too-complex", reason: "time", changed: false });
    expect(small).toMatchObject({
      status: "graded",
      newVerdict: "correct",
      newScore: 1,
      changed: true,
    });
    expect(preview?.tooComplexCount).toBe(1);
    expect(preview?.changedCount).toBe(1);
  }, 60_000);

  test("apply leaves the attempt unchanged", async () => {
    const before = await db.attempt.findUniqueOrThrow({ where: { id: DEEP } });

    const result = await applyRegradeRequest(admin, { ...request, keepOverrides: false }, pool);

    expect(result).toMatchObject({
      status: "applied",
      tooComplexCount: 1,
      summary: { attemptCount: 1, changedCount: 1, clearedOverrides: 1 },
    });
    expect(await db.attempt.findUniqueOrThrow({ where: { id: DEEP } })).toEqual(before);
    const small = await db.attempt.findUniqueOrThrow({ where: { id: SMALL } });
    expect(small).toMatchObject({ verdict: "correct", score: 1, exerciseVersionId: "deep-v2" });
    expect(small.overrideScore).toBeNull();
    const cleared = await db.scoreOverride.findMany({ select: { attemptId: true } });
    expect(cleared).toEqual([{ attemptId: SMALL }]);
  }, 60_000);
});
