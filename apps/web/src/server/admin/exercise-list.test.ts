import { describe, expect, test } from "vitest";

import { listExercisesForAdmin, type Database } from "@sawtooth/db";

import { FIXTURE } from "@/testing/course-fixture";
import { setUpAdminFixture } from "@/testing/fixture-hooks";

import type { AdminContext } from "./admin-access";
import { deleteExerciseRequest, moveExerciseRequest } from "./exercise-list";

let db: Database;
let admin: AdminContext;
setUpAdminFixture((fixture) => ({ db, admin } = fixture));

const courseSlug = FIXTURE.courseSlug;

async function slugs(): Promise<string[]> {
  return (await listExercisesForAdmin(db, FIXTURE.course)).map((row) => row.slug);
}

describe("moveExerciseRequest", () => {
  test("moves an exercise down", async () => {
    const result = await moveExerciseRequest(admin, {
      courseSlug,
      exerciseSlug: "tent-h2",
      direction: "down",
    });

    expect(result).toEqual({ status: "done", message: 'Moved "tent-h2" down.' });
    expect(await slugs()).toEqual(["tent-h3", "tent-h2"]);
  });

  test("explains the first exercise", async () => {
    const result = await moveExerciseRequest(admin, {
      courseSlug,
      exerciseSlug: "tent-h2",
      direction: "up",
    });

    expect(result).toEqual({ status: "rejected", message: '"tent-h2" is first already.' });
  });

  test("rejects an unknown direction", async () => {
    const result = await moveExerciseRequest(admin, {
      courseSlug,
      exerciseSlug: "tent-h2",
      direction: "left",
    });

    expect(result.status).toBe("rejected");
    expect(await slugs()).toEqual(["tent-h2", "tent-h3"]);
  });
});

describe("deleteExerciseRequest", () => {
  test("deletes an exercise without attempts", async () => {
    const result = await deleteExerciseRequest(admin, { courseSlug, exerciseSlug: "tent-h3" });

    expect(result).toEqual({ status: "done", message: 'Deleted "tent-h3" and its versions.' });
    expect(await slugs()).toEqual(["tent-h2"]);
  });

  test("keeps an exercise with attempts", async () => {
    await db.attempt.create({
      data: {
        userId: FIXTURE.student,
        exerciseId: FIXTURE.tent,
        exerciseVersionId: FIXTURE.tentVersion,
        raw: "{}",
        network: "{}",
        feedback: "{}",
        verdict: "incorrect",
        score: 0,
        submissionHash: "h1",
        attemptNumber: 1,
        gradingMs: 1,
      },
    });

    const result = await deleteExerciseRequest(admin, { courseSlug, exerciseSlug: "tent-h2" });

    expect(result).toEqual({
      status: "rejected",
      message:
        '"tent-h2" has 1 attempt, which deleting would delete too: hide the exercise instead.',
    });
    expect(await slugs()).toEqual(["tent-h2", "tent-h3"]);
  });

  test("explains an unknown exercise", async () => {
    const result = await deleteExerciseRequest(admin, { courseSlug, exerciseSlug: "nope" });

    expect(result).toEqual({
      status: "rejected",
      message: 'Exercise "nope" not found in this course: reload the page.',
    });
  });
});
