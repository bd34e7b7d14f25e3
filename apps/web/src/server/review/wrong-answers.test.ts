import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { MISTAKE_KEY_VERSION, type Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { createCourseFixture, FIXTURE, readExerciseFile } from "@/testing/course-fixture";

import { submitAttempt } from "../submissions";
import { loadWrongAnswers, VARIANTS_PER_GROUP } from "./wrong-answers";

let testDatabase: TestDatabase;
let db: Database;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  db = testDatabase.db;
  await createCourseFixture(db);
  await db.exercise.create({
    data: {
      courseId: FIXTURE.course,
      slug: "sawtooth-f2",
      title: "Two folds",
      position: 2,
      versions: { create: { version: 1, definition: readExerciseFile("sawtooth-f2") } },
    },
  });
});

afterEach(async () => {
  await testDatabase.remove();
});

/** h2 = 2φ(x) − 4φ(x − 1/2) with the second output weight and the output bias replaced. */
function tent(secondWeight: number | string, outputBias: number | string = 0) {
  return {
    layers: [
      { weights: [[1], [1]], biases: [0, "-1/2"] },
      { weights: [[2, secondWeight]], biases: [outputBias] },
    ],
  };
}

/** Submits a network as a student through the submit path and checks that it was stored. */
async function submit(userId: string, exercise: string, network: unknown): Promise<string> {
  const result = await submitAttempt(
    { db, userId, now: new Date("2027-01-15T12:00:00Z") },
    { courseSlug: FIXTURE.courseSlug, exerciseId: exercise, submission: JSON.stringify(network) },
  );
  if (result.status !== "graded") {
    throw new Error(`Expected a graded attempt at ${exercise}, got ${result.status}.`);
  }
  return result.attempt.id;
}

const SLOPE_KEY = `${MISTAKE_KEY_VERSION} function.slope wrong slope on an interval`;
const OFFSET_KEY = `${MISTAKE_KEY_VERSION} function.offset output shifted by a constant`;

describe("loadWrongAnswers", () => {
  test("groups sawtooth-f2 slopes with different numbers", async () => {
    // One tent, one fold short of f², shifted up by i/7: the first wrong piece starts with
    // slope 2 on an interval that depends on the shift.
    for (let index = 0; index <= 12; index++) {
      const student = index % 2 === 0 ? FIXTURE.student : FIXTURE.otherStudent;
      await submit(student, "sawtooth-f2", tent(-4, `${index}/7`));
    }

    const page = await loadWrongAnswers(db, FIXTURE.course, { exercise: "sawtooth-f2" });

    expect(page.problems).toEqual([]);
    expect(page.groups.map((group) => [group.key, group.attemptCount, group.students])).toEqual([
      [SLOPE_KEY, 13, 2],
    ]);
    const group = page.groups[0];
    expect(group?.label).toBe("wrong slope on an interval");
    expect(group?.variantCount).toBe(5);
    expect(group?.variants[0]).toEqual({
      message: "On [0, 1] the first wrong piece starts with slope 2 instead of 4.",
      attemptCount: 9,
      students: 2,
    });
    expect(group?.variants.map((variant) => variant.message).sort()).toEqual([
      "On (0, 1/3) the first wrong piece starts with slope 2 instead of 4.",
      "On [0, 1/14) the first wrong piece starts with slope 2 instead of 4.",
      "On [0, 1/7) the first wrong piece starts with slope 2 instead of 4.",
      "On [0, 1] the first wrong piece starts with slope 2 instead of 4.",
      "On [0, 3/14) the first wrong piece starts with slope 2 instead of 4.",
    ]);
    expect(group?.attempts).toHaveLength(10);
    expect(page.openGroup).toBeNull();
  });

  test("groups tent-h2 slopes and offsets by kind", async () => {
    for (const weight of [-2, -3, -5]) {
      await submit(FIXTURE.student, "tent-h2", tent(weight));
    }
    for (const bias of [1, 2, "-3/7"]) {
      await submit(FIXTURE.otherStudent, "tent-h2", tent(-4, bias));
    }

    const page = await loadWrongAnswers(db, FIXTURE.course, { exercise: "tent-h2" });

    expect(page.groups.map((group) => [group.key, group.attemptCount, group.variantCount])).toEqual(
      [
        [OFFSET_KEY, 3, 3],
        [SLOPE_KEY, 3, 3],
      ],
    );
    expect(page.groups[1]?.variants.map((variant) => variant.message).sort()).toEqual([
      "On (1/2, ∞) the first wrong piece starts with slope -1 instead of -2.",
      "On (1/2, ∞) the first wrong piece starts with slope -3 instead of -2.",
      "On (1/2, ∞) the first wrong piece starts with slope 0 instead of -2.",
    ]);
  });

  test("re-keys attempts stored with a v2 key", async () => {
    const ids = [];
    for (const weight of [-2, -3]) {
      ids.push(await submit(FIXTURE.student, "tent-h2", tent(weight)));
    }
    // As stored by v2, which kept a wrong slope's whole sentence in the key.
    for (const id of ids) {
      const { mistakeLabel } = await db.attempt.findUniqueOrThrow({ where: { id } });
      await db.attempt.update({
        where: { id },
        data: { mistakeKey: `v2 function.slope ${mistakeLabel}` },
      });
    }

    const page = await loadWrongAnswers(db, FIXTURE.course, { exercise: "tent-h2" });

    expect(page.groups.map((group) => [group.key, group.attemptCount, group.variantCount])).toEqual(
      [[SLOPE_KEY, 2, 2]],
    );
    for (const id of ids) {
      const row = await db.attempt.findUniqueOrThrow({ where: { id } });
      expect(row.mistakeKey).toBe(SLOPE_KEY);
    }
  });

  test("opens one group with every attempt and message", async () => {
    const weights = [-2, -3, -5, -6, -7, -8, -9];
    for (const weight of weights) {
      await submit(FIXTURE.student, "tent-h2", tent(weight));
    }
    const closed = await loadWrongAnswers(db, FIXTURE.course, { exercise: "tent-h2" });

    const page = await loadWrongAnswers(db, FIXTURE.course, {
      exercise: "tent-h2",
      group: SLOPE_KEY,
    });

    expect(closed.groups[0]?.variants).toHaveLength(VARIANTS_PER_GROUP);
    expect(closed.groups[0]?.variantCount).toBe(weights.length);
    expect(page.openGroup?.key).toBe(SLOPE_KEY);
    expect(page.openGroup?.variants).toHaveLength(weights.length);
    expect(page.openGroup?.attempts).toHaveLength(weights.length);
  });

  test("opens no group for an unknown key", async () => {
    await submit(FIXTURE.student, "tent-h2", tent(-2));

    const page = await loadWrongAnswers(db, FIXTURE.course, {
      exercise: "tent-h2",
      group: "v2 function.slope On (1/2, ∞) the first wrong piece starts with slope 0.",
    });

    expect(page.groups).toHaveLength(1);
    expect(page.openGroup).toBeNull();
  });

  test("reports an exercise the course does not have", async () => {
    const page = await loadWrongAnswers(db, FIXTURE.course, { exercise: "nope" });

    expect(page.exercise).toBeUndefined();
    expect(page.groups).toEqual([]);
    expect(page.problems).toEqual([expect.stringContaining('no exercise "nope" in this course')]);
  });

  test("shows the first exercise without a choice", async () => {
    await submit(FIXTURE.student, "tent-h2", tent(-2));

    const page = await loadWrongAnswers(db, FIXTURE.course, {});

    expect(page.exercise?.slug).toBe("tent-h2");
    expect(page.groups.map((group) => group.key)).toEqual([SLOPE_KEY]);
  });
});
