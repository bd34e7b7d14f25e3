import { describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";

import type { PreviewResult } from "@/lib/submission-contract";
import { MAX_SUBMISSION_BYTES } from "@/lib/submission-limits";
import {
  FIXTURE,
  readExerciseFile,
  TENT_H2_WEIGHTS,
  TENT_H2_WRONG,
} from "@/testing/course-fixture";
import { setUpFixtureDatabases } from "@/testing/fixture-hooks";

import { submitAttempt } from "../submissions";
import { NOT_ADMIN_MESSAGE } from "./admin-access";
import { previewSubmission } from "./preview-grading";

const setUp = setUpFixtureDatabases();

const NOW = new Date("2027-01-15T12:00:00Z");

function previewAs(
  db: Database,
  userId: string | null,
  submission: unknown,
  exerciseSlug = "tent-h2",
): Promise<PreviewResult> {
  return previewSubmission(
    { db, userId, now: NOW },
    { courseSlug: FIXTURE.courseSlug, exerciseSlug, submission },
  );
}

/** Returns the rows a grading could write, so a test can show that a preview wrote none. */
async function storedRows(db: Database) {
  return {
    attempts: await db.attempt.findMany({ orderBy: { id: "asc" } }),
    exercises: await db.exercise.findMany({ orderBy: { id: "asc" } }),
    versions: await db.exerciseVersion.count(),
  };
}

/** Adds a newer version of tent-h2 that hides the target's plot and expected values. */
async function addVersionHidingExpectedValues(db: Database): Promise<void> {
  const definition = JSON.parse(readExerciseFile("tent-h2")) as Record<string, unknown>;
  definition["reveal"] = { targetPlot: false, expectedValues: false };
  await db.exerciseVersion.create({
    data: { exerciseId: FIXTURE.tent, version: 2, definition: JSON.stringify(definition) },
  });
}

describe("previewSubmission grades without storing", () => {
  test("grades the reference as correct and stores nothing", async () => {
    const db = await setUp({ attemptLimit: 1 });
    const before = await storedRows(db);

    const result = await previewAs(db, FIXTURE.admin, JSON.stringify(TENT_H2_WEIGHTS));

    expect(result.status).toBe("previewed");
    expect(result).toMatchObject({ feedback: { verdict: "correct", score: 1 } });
    expect(await storedRows(db)).toEqual(before);
  });

  test("uses no attempt of an exhausted limit", async () => {
    const db = await setUp({ attemptLimit: 1 });
    const stored = await submitAttempt(
      { db, userId: FIXTURE.admin, now: NOW },
      {
        courseSlug: FIXTURE.courseSlug,
        exerciseId: "tent-h2",
        submission: JSON.stringify(TENT_H2_WRONG),
      },
    );
    expect(stored).toMatchObject({ status: "graded", attemptsLeft: 0 });

    const first = await previewAs(db, FIXTURE.admin, JSON.stringify(TENT_H2_WEIGHTS));
    const second = await previewAs(db, FIXTURE.admin, JSON.stringify(TENT_H2_WEIGHTS));

    expect(first.status).toBe("previewed");
    expect(second.status).toBe("previewed");
    expect(await db.attempt.count()).toBe(1);
  });

  test("grades a hidden exercise past its due date", async () => {
    const db = await setUp({ dueDate: new Date("2026-12-01T10:00:00Z") });
    const h3 = { ...TENT_H2_WEIGHTS, outputActivation: "relu" };

    const result = await previewAs(db, FIXTURE.admin, JSON.stringify(h3), "tent-h3");

    expect(result).toMatchObject({ status: "previewed", feedback: { verdict: "correct" } });
    expect(await db.attempt.count()).toBe(0);
  });

  test("returns invalid feedback for an unreadable network", async () => {
    const db = await setUp();

    const result = await previewAs(db, FIXTURE.admin, '{"layers": [ ');

    expect(result).toMatchObject({ status: "invalid", feedback: { verdict: "invalid" } });
    expect(await db.attempt.count()).toBe(0);
  });
});

describe("previewSubmission cuts feedback as for a student", () => {
  test("keeps the expected value the exercise reveals", async () => {
    const db = await setUp();

    const result = await previewAs(db, FIXTURE.admin, JSON.stringify(TENT_H2_WRONG));

    expect(result.status).toBe("previewed");
    expect(result).toMatchObject({
      feedback: { verdict: "incorrect", counterexample: { x: "1", expected: "0", actual: "1" } },
    });
  });

  test("grades the newest version and hides what it hides", async () => {
    const db = await setUp();
    await addVersionHidingExpectedValues(db);

    const result = await previewAs(db, FIXTURE.admin, JSON.stringify(TENT_H2_WRONG));

    expect(result.status).toBe("previewed");
    const feedback = result.status === "previewed" ? result.feedback : null;
    expect(feedback?.counterexample).toEqual({ x: "1", actual: "1" });
    expect(feedback?.plots.target).toBeNull();
    expect(feedback?.pieces.target).toBeNull();
  });

  test("returns the feedback a student's attempt stores", async () => {
    const db = await setUp();
    await addVersionHidingExpectedValues(db);
    const submission = JSON.stringify(TENT_H2_WRONG);

    const preview = await previewAs(db, FIXTURE.admin, submission);
    const student = await submitAttempt(
      { db, userId: FIXTURE.student, now: NOW },
      { courseSlug: FIXTURE.courseSlug, exerciseId: "tent-h2", submission },
    );

    expect(preview.status).toBe("previewed");
    expect(student.status).toBe("graded");
    const previewFeedback = preview.status === "previewed" ? preview.feedback : null;
    const studentFeedback = student.status === "graded" ? student.feedback : null;
    expect(previewFeedback).toEqual(studentFeedback);
    expect(await db.attempt.count()).toBe(1);
  });
});

describe("previewSubmission rejects", () => {
  test.each([
    ["a signed-out visitor", null],
    ["a student", FIXTURE.student],
    ["a tutor", FIXTURE.tutor],
    ["a student of another course", FIXTURE.outsider],
    ["an admin of another course", FIXTURE.otherCourseAdmin],
  ])("%s and stores nothing", async (_name, userId) => {
    const db = await setUp();
    const before = await storedRows(db);

    const result = await previewAs(db, userId, JSON.stringify(TENT_H2_WEIGHTS));

    expect(result).toEqual({ status: "rejected", message: NOT_ADMIN_MESSAGE });
    expect(await storedRows(db)).toEqual(before);
  });

  test("an admin whose password must be changed", async () => {
    const db = await setUp();

    const result = await previewSubmission(
      { db, userId: null, passwordChangeRequired: true, now: NOW },
      { courseSlug: FIXTURE.courseSlug, exerciseSlug: "tent-h2", submission: "{}" },
    );

    expect(result.status).toBe("rejected");
    expect(result).toMatchObject({ message: expect.stringMatching(/password/) });
  });

  test("a missing exercise with its id", async () => {
    const db = await setUp();

    const result = await previewAs(db, FIXTURE.admin, "{}", "no-such-exercise");

    expect(result).toEqual({
      status: "rejected",
      message:
        'Exercise "no-such-exercise" not found: it may have been deleted. Open it from the exercise list.',
    });
  });

  test("a submission over the size limit", async () => {
    const db = await setUp();
    const submission = " ".repeat(MAX_SUBMISSION_BYTES + 1);

    const result = await previewAs(db, FIXTURE.admin, submission);

    expect(result.status).toBe("rejected");
    expect(result).toMatchObject({ message: expect.stringMatching(/larger than the maximum/) });
  });

  test("a submission that is not text", async () => {
    const db = await setUp();

    const result = await previewAs(db, FIXTURE.admin, { layers: [] });

    expect(result).toEqual({
      status: "rejected",
      message: "Invalid request: check submission and try again.",
    });
  });
});
