import { describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";

import type { SubmitResult } from "@/lib/submission-contract";
import { MAX_SUBMISSION_BYTES } from "@/lib/submission-limits";
import { FIXTURE, TENT_H2_WEIGHTS, TENT_H2_WRONG } from "@/testing/course-fixture";
import { setUpFixtureDatabases } from "@/testing/fixture-hooks";

import { closedForLateMessage, submitAttempt, type SubmissionRequest } from "./submissions";

const setUp = setUpFixtureDatabases();

const NOW = new Date("2027-01-15T12:00:00Z");

function submitAs(
  db: Database,
  userId: string | null,
  submission: unknown,
  request: Partial<SubmissionRequest> = {},
): Promise<SubmitResult> {
  return submitAttempt(
    { db, userId, now: NOW },
    { courseSlug: FIXTURE.courseSlug, exerciseId: "tent-h2", submission, ...request },
  );
}

/** Returns h2's network with another second output weight, to make distinct submissions. */
function tentWithWeight(weight: number): string {
  return JSON.stringify({
    layers: [TENT_H2_WEIGHTS.layers[0], { weights: [[2, weight]], biases: [0] }],
  });
}

type Graded = Extract<SubmitResult, { status: "graded" }>;

/** Asserts that a result is graded and returns it narrowed. */
function expectGraded(result: SubmitResult): Graded {
  expect(result.status).toBe("graded");
  if (result.status !== "graded") {
    throw new Error(`Expected a graded result, got ${JSON.stringify(result)}`);
  }
  return result;
}

function expectRejected(result: SubmitResult, message: RegExp): void {
  expect(result.status).toBe("rejected");
  expect(result.status === "rejected" ? result.message : "").toMatch(message);
}

describe("submitAttempt stores graded attempts", () => {
  test("stores a correct attempt with every field", async () => {
    const db = await setUp({ attemptLimit: 3 });
    const raw = `  ${JSON.stringify(TENT_H2_WEIGHTS, null, 1)}\n`;

    const result = await submitAs(db, FIXTURE.student, raw);

    expect(result).toMatchObject({ status: "graded", duplicate: false, attemptsLeft: 2 });
    const { attemptId, feedback } = expectGraded(result);
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(stored.raw).toBe(raw);
    expect(stored.userId).toBe(FIXTURE.student);
    expect(stored.exerciseId).toBe(FIXTURE.tent);
    expect(stored.exerciseVersionId).toBe(FIXTURE.tentVersion);
    expect(stored.verdict).toBe("correct");
    expect(stored.score).toBe(1);
    expect(stored.gradingMs).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(stored.network)).toMatchObject({ activation: { name: "relu" } });
    expect(JSON.parse(stored.feedback)).toEqual(feedback);
  });

  test("stores an incorrect attempt with its counterexample", async () => {
    const db = await setUp();

    const result = await submitAs(db, FIXTURE.student, JSON.stringify(TENT_H2_WRONG));

    expect(result).toMatchObject({ status: "graded", attemptsLeft: null });
    const { feedback } = expectGraded(result);
    expect(feedback.verdict).toBe("incorrect");
    expect(feedback.counterexample).toEqual({ x: "1", expected: "0", actual: "1" });
    const stored = await db.attempt.findFirstOrThrow();
    expect(stored.verdict).toBe("incorrect");
    expect(stored.score).toBe(0);
    expect(JSON.parse(stored.feedback).counterexample.x).toBe("1");
  });

  test.each([
    ["a tutor", FIXTURE.tutor],
    ["an admin", FIXTURE.admin],
  ])("lets %s submit a hidden exercise", async (_name, userId) => {
    const db = await setUp();
    const h3 = { ...TENT_H2_WEIGHTS, outputActivation: "relu" };

    const result = await submitAs(db, userId, JSON.stringify(h3), { exerciseId: "tent-h3" });

    expect(result).toMatchObject({ status: "graded", feedback: { verdict: "correct" } });
    const stored = await db.attempt.findFirstOrThrow();
    expect(stored.userId).toBe(userId);
    expect(stored.exerciseId).toBe(FIXTURE.hidden);
  });
});

describe("submitAttempt stores nothing for invalid input", () => {
  test.each([
    ["malformed JSON", '{"layers": [ '],
    ["transposed weights", '{"layers":[{"weights":[[1,1]],"biases":[0,0]},{"weights":[[1]]}]}'],
    ["NaN", '{"layers":[{"weights":[[NaN]],"biases":[0]}]}'],
    ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["a number too big", `{"layers":[{"weights":[[1e999999]],"biases":[0]}]}`],
    [
      "three layers",
      JSON.stringify({ layers: [...TENT_H2_WEIGHTS.layers, { weights: [[1]], biases: [0] }] }),
    ],
    ["an empty object", "{}"],
    ["an empty string", ""],
  ])("%s is invalid", async (_name, text) => {
    const db = await setUp({ attemptLimit: 1 });

    const result = await submitAs(db, FIXTURE.student, text);

    expect(result.status).toBe("invalid");
    const messages = result.status === "invalid" ? result.feedback.messages : [];
    expect(messages.length).toBeGreaterThan(0);
    expect(await db.attempt.count()).toBe(0);
  });
});

describe("submitAttempt dedups", () => {
  test("returns the stored attempt for the same network", async () => {
    const db = await setUp({ attemptLimit: 3 });
    const first = await submitAs(db, FIXTURE.student, JSON.stringify(TENT_H2_WRONG));

    const again = await submitAs(db, FIXTURE.student, JSON.stringify(TENT_H2_WRONG, null, 4));

    expect(again).toMatchObject({ status: "graded", duplicate: true, attemptsLeft: 2 });
    expect(expectGraded(again).attemptId).toBe(expectGraded(first).attemptId);
    expect(await db.attempt.count()).toBe(1);
  });

  test("stores one attempt for a double click", async () => {
    const db = await setUp({ attemptLimit: 3 });
    const text = JSON.stringify(TENT_H2_WEIGHTS);

    const results = await Promise.all([1, 2].map(() => submitAs(db, FIXTURE.student, text)));

    expect(results.map((result) => result.status)).toEqual(["graded", "graded"]);
    expect(results.filter((result) => result.status === "graded" && result.duplicate)).toHaveLength(
      1,
    );
    expect(await db.attempt.count()).toBe(1);
  });
});

describe("submitAttempt enforces the attempt limit", () => {
  test("rejects a new network at the limit", async () => {
    const db = await setUp({ attemptLimit: 2 });
    await submitAs(db, FIXTURE.student, tentWithWeight(-1));
    await submitAs(db, FIXTURE.student, tentWithWeight(-2));

    const third = await submitAs(db, FIXTURE.student, tentWithWeight(-3));

    expectRejected(third, /no attempts left/i);
    expect(await db.attempt.count()).toBe(2);
  });

  test("returns a duplicate at the limit", async () => {
    const db = await setUp({ attemptLimit: 1 });
    await submitAs(db, FIXTURE.student, tentWithWeight(-1));

    const again = await submitAs(db, FIXTURE.student, tentWithWeight(-1));

    expect(again).toMatchObject({ status: "graded", duplicate: true, attemptsLeft: 0 });
  });

  test("counts each student's attempts apart", async () => {
    const db = await setUp({ attemptLimit: 1 });
    await submitAs(db, FIXTURE.otherStudent, tentWithWeight(-1));

    const result = await submitAs(db, FIXTURE.student, tentWithWeight(-2));

    expect(result).toMatchObject({ status: "graded", attemptsLeft: 0 });
  });

  test("stores one of two racing different networks", async () => {
    const db = await setUp({ attemptLimit: 2 });
    await submitAs(db, FIXTURE.student, tentWithWeight(-1));

    const results = await Promise.all(
      [-2, -3].map((weight) => submitAs(db, FIXTURE.student, tentWithWeight(weight))),
    );

    expect(results.filter((result) => result.status === "graded")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
    expect(await db.attempt.count()).toBe(2);
  });

  test("stores one of two racing identical networks", async () => {
    const db = await setUp({ attemptLimit: 2 });
    await submitAs(db, FIXTURE.student, tentWithWeight(-1));

    const results = await Promise.all(
      [1, 2].map(() => submitAs(db, FIXTURE.student, tentWithWeight(-2))),
    );

    expect(results.map((result) => result.status)).toEqual(["graded", "graded"]);
    expect(results.filter((result) => result.status === "graded" && result.duplicate)).toHaveLength(
      1,
    );
    expect(await db.attempt.count()).toBe(2);
  });
});

describe("submitAttempt rejects", () => {
  test("a submission over the size limit", async () => {
    const db = await setUp();
    const padding = " ".repeat(MAX_SUBMISSION_BYTES);

    const result = await submitAs(
      db,
      FIXTURE.student,
      `${JSON.stringify(TENT_H2_WEIGHTS)}${padding}`,
    );

    expectRejected(result, /larger than the maximum of 256 KiB/);
    expect(await db.attempt.count()).toBe(0);
  });

  test("a submission at the size limit is graded", async () => {
    const db = await setUp();
    const text = JSON.stringify(TENT_H2_WEIGHTS);
    const padded = text + " ".repeat(MAX_SUBMISSION_BYTES - text.length);

    const result = await submitAs(db, FIXTURE.student, padded);

    expect(result.status).toBe("graded");
  });

  test.each([
    ["a number", 42],
    ["an object", { layers: [] }],
    ["null", null],
  ])("a submission that is %s", async (_name, submission) => {
    const db = await setUp();

    expectRejected(
      await submitAs(db, FIXTURE.student, submission),
      /Invalid request: check submission/,
    );
  });

  test("a course slug that is not a string", async () => {
    const db = await setUp();

    const result = await submitAs(db, FIXTURE.student, "{}", { courseSlug: ["x"] });

    expectRejected(result, /check courseSlug/);
  });

  test("a signed-out user", async () => {
    const db = await setUp();

    const result = await submitAs(db, null, JSON.stringify(TENT_H2_WEIGHTS));

    expectRejected(result, /signed out/);
    expect(await db.attempt.count()).toBe(0);
  });

  test.each([
    ["a student", FIXTURE.outsider],
    ["an admin", FIXTURE.otherCourseAdmin],
  ])("%s of another course", async (_name, userId) => {
    const db = await setUp();

    const result = await submitAs(db, userId, JSON.stringify(TENT_H2_WEIGHTS));

    expectRejected(result, /not found, or you are not a member/);
    expect(await db.attempt.count()).toBe(0);
  });

  test("an unknown course", async () => {
    const db = await setUp();

    const result = await submitAs(db, FIXTURE.student, "{}", { courseSlug: "no-such-course" });

    expectRejected(result, /not found, or you are not a member/);
  });

  test("an unknown exercise", async () => {
    const db = await setUp();

    const result = await submitAs(db, FIXTURE.student, "{}", { exerciseId: "no-such-exercise" });

    expectRejected(result, /Exercise "no-such-exercise" not found/);
  });

  test("a hidden exercise for a student", async () => {
    const db = await setUp();

    const result = await submitAs(db, FIXTURE.student, "{}", { exerciseId: "tent-h3" });

    expectRejected(result, /Exercise "tent-h3" not found/);
  });
});

describe("submitAttempt checks the due date", () => {
  const past = new Date("2027-01-01T00:00:00Z");
  const future = new Date("2027-02-01T00:00:00Z");
  const text = JSON.stringify(TENT_H2_WEIGHTS);

  test("rejects a late attempt", async () => {
    const db = await setUp({ dueDate: past });

    const result = await submitAs(db, FIXTURE.student, text);

    expectRejected(result, /due date \(1 Jan 2027, 00:00 UTC\) has passed/);
    expect(await db.attempt.count()).toBe(0);
  });

  test("accepts a late attempt when the course allows", async () => {
    const db = await setUp({ dueDate: past });
    await db.course.update({ where: { id: FIXTURE.course }, data: { acceptLate: true } });

    expect((await submitAs(db, FIXTURE.student, text)).status).toBe("graded");
  });

  test("accepts an attempt before the due date", async () => {
    const db = await setUp({ dueDate: future });

    expect((await submitAs(db, FIXTURE.student, text)).status).toBe("graded");
  });
});

describe("closedForLateMessage", () => {
  const due = new Date("2027-01-01T00:00:00Z");
  const after = new Date("2027-01-01T00:00:01Z");

  test("closes after the due date without late attempts", () => {
    expect(closedForLateMessage(due, false, after)).toBe(
      "The due date (1 Jan 2027, 00:00 UTC) has passed and this course does not accept late " +
        "attempts, so attempts are closed.",
    );
  });

  test.each([
    ["at the due date", due, false, due],
    ["with late attempts accepted", due, true, after],
    ["without a due date", null, false, after],
  ])("stays open %s", (_case, dueDate, acceptLate, now) => {
    expect(closedForLateMessage(dueDate, acceptLate, now)).toBeNull();
  });
});
