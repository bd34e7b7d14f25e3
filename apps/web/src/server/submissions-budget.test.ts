import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";

import { countAttempts } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { createCourseFixture, FIXTURE } from "@/testing/course-fixture";
import { deepSawtoothDefinition, sawtoothSubmission } from "@/testing/deep-sawtooth";

import { closeGradingPool } from "./grading-pool";
import { submitAttempt } from "./submissions";

let testDatabase: TestDatabase | undefined;

beforeAll(() => {
  // Read when the first submission creates the process's pool. f^20 takes seconds to grade.
  process.env.SAWTOOTH_GRADING_TIMEOUT_MS = "500";
});

afterEach(async () => {
  await testDatabase?.remove();
  testDatabase = undefined;
});

afterAll(async () => {
  await closeGradingPool();
  delete process.env.SAWTOOTH_GRADING_TIMEOUT_MS;
});

describe("submitAttempt over the grading budget", () => {
  test("stores nothing and uses no attempt", async () => {
    testDatabase = createTestDatabase();
    const { db } = testDatabase;
    await createCourseFixture(db);
    await db.exercise.create({
      data: {
        id: "exercise-deep",
        courseId: FIXTURE.course,
        slug: "deep-sawtooth",
        title: "A sawtooth of any depth",
        position: 2,
        attemptLimit: 1,
        versions: { create: { version: 1, definition: deepSawtoothDefinition() } },
      },
    });
    const submit = (submission: string) =>
      submitAttempt(
        { db, userId: FIXTURE.student, now: new Date("2027-01-15T12:00:00Z") },
        { courseSlug: FIXTURE.courseSlug, exerciseId: "deep-sawtooth", submission },
      );

    const tooComplex = await submit(sawtoothSubmission(20));
    const stored = await countAttempts(db, FIXTURE.student, "exercise-deep");
    const graded = await submit(sawtoothSubmission(2));

    expect(tooComplex.status).toBe("too-complex");
    expect(tooComplex.status === "too-complex" && tooComplex.message).toMatch(
      /time limit.*No attempt was used/,
    );
    expect(stored).toBe(0);
    expect(graded).toMatchObject({ status: "graded", duplicate: false, attemptsLeft: 0 });
    expect(graded.status === "graded" && graded.feedback.verdict).toBe("correct");
  }, 60_000);
});
