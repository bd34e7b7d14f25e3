import { afterEach, describe, expect, test } from "vitest";

import { createDatabase } from "@sawtooth/db";

import { MAX_SUBMISSION_BYTES } from "@/lib/submission-limits";
import {
  FIXTURE,
  readExerciseFile,
  TENT_H2_WEIGHTS,
  TENT_H2_WRONG,
} from "@/testing/course-fixture";

import { readAttemptHandler, submitAttemptHandler } from "./attempts";
import { MAX_API_BODY_BYTES } from "./body";
import { listCoursesHandler, listExercisesHandler } from "./courses";
import { gradebookHandler } from "./gradebook";
import {
  attemptSchema,
  errorSchema,
  exerciseListSchema,
  gradebookSchema,
  invalidSubmissionSchema,
  submitResponseSchema,
} from "./schemas";
import { callApi, createApiFixture, readError, TEST_NOW, type ApiFixture } from "./testing";

let fixture: ApiFixture;

afterEach(async () => {
  await fixture.testDatabase.remove();
});

async function setUp(tent: Parameters<typeof createApiFixture>[0] = {}): Promise<ApiFixture> {
  fixture = await createApiFixture(tent);
  return fixture;
}

const TENT = { course: FIXTURE.courseSlug, exercise: "tent-h2" };

/** The course's staff, who see hidden exercises and every attempt of the course. */
const STAFF = [
  ["a tutor", "tutor"],
  ["an admin", "admin"],
] as const;

/** Members of another course only, to whom this course does not exist. */
const OTHER_COURSE = [
  ["a student of another course", "outsider"],
  ["an admin of another course", "otherCourseAdmin"],
] as const;

function submit(token: string, body: unknown, params: Record<string, string> = TENT) {
  return callApi(fixture.context, submitAttemptHandler, {
    method: "POST",
    token,
    body,
    params,
  });
}

async function submitGraded(token: string, submission: unknown) {
  const response = await submit(token, { submission });
  return submitResponseSchema.parse(await response.json());
}

describe("listCoursesHandler", () => {
  test.each([
    ["a student", "student", FIXTURE.courseSlug, "student"],
    ["a tutor", "tutor", FIXTURE.courseSlug, "tutor"],
    ["an admin", "admin", FIXTURE.courseSlug, "admin"],
    ["the other course's admin", "otherCourseAdmin", FIXTURE.otherCourseSlug, "admin"],
  ] as const)("lists only the course of %s", async (_name, user, slug, role) => {
    const { tokens } = await setUp();

    const response = await callApi(fixture.context, listCoursesHandler, { token: tokens[user] });

    expect(response.status).toBe(200);
    const body = (await response.json()) as { courses: { slug: string; role: string }[] };
    expect(body.courses.map((course) => course.slug)).toEqual([slug]);
    expect(body.courses[0]?.role).toBe(role);
  });
});

describe("listExercisesHandler", () => {
  test("lists visible exercises without the hidden parts", async () => {
    const { tokens } = await setUp();

    const response = await callApi(fixture.context, listExercisesHandler, {
      token: tokens.student,
      params: { course: FIXTURE.courseSlug },
    });

    expect(response.status).toBe(200);
    const text = await response.text();
    const { exercises } = exerciseListSchema.parse(JSON.parse(text));
    expect(exercises.map((exercise) => exercise.slug)).toEqual(["tent-h2"]);
    expect(exercises[0]).toMatchObject({
      domain: [null, null],
      constraints: { inputs: 1, outputs: 1 },
      progress: { attempts: 0, bestScore: null, solved: false },
    });
    for (const hidden of ["reference", "knownWrong", "target", "-4"]) {
      expect(text).not.toContain(hidden);
    }
  });

  test.each(STAFF)("includes hidden exercises for %s", async (_name, user) => {
    const { tokens } = await setUp();

    const response = await callApi(fixture.context, listExercisesHandler, {
      token: tokens[user],
      params: { course: FIXTURE.courseSlug },
    });

    const { exercises } = exerciseListSchema.parse(await response.json());
    expect(exercises.map((exercise) => [exercise.slug, exercise.visibility])).toEqual([
      ["tent-h2", "visible"],
      ["tent-h3", "hidden"],
    ]);
  });

  test.each(OTHER_COURSE)("returns 404 to %s", async (_name, user) => {
    const { tokens } = await setUp();

    const response = await callApi(fixture.context, listExercisesHandler, {
      token: tokens[user],
      params: { course: FIXTURE.courseSlug },
    });

    expect(response.status).toBe(404);
    expect(await readError(response)).toMatchObject({ code: "not_found" });
  });

  test("sends as many queries for 12 exercises as for 2", async () => {
    const { tokens, testDatabase } = await setUp();
    const queries: string[] = [];
    const db = createDatabase(testDatabase.url, { onQuery: (sql) => queries.push(sql) });
    const list = async () => {
      queries.length = 0;
      const response = await callApi({ ...fixture.context, db }, listExercisesHandler, {
        token: tokens.tutor,
        params: { course: FIXTURE.courseSlug },
      });
      const { exercises } = exerciseListSchema.parse(await response.json());
      return { exercises, queryCount: queries.length };
    };

    try {
      // The first request also records the token's first use, which later ones skip.
      await list();
      const few = await list();
      const definition = readExerciseFile("tent-h2");
      for (let index = 0; index < 10; index++) {
        await fixture.db.exercise.create({
          data: {
            courseId: FIXTURE.course,
            slug: `copy-${index}`,
            title: `Copy ${index}`,
            position: 10 + index,
            versions: { create: [1, 2].map((version) => ({ version, definition })) },
          },
        });
      }
      const many = await list();

      expect(few.exercises).toHaveLength(2);
      expect(many.exercises).toHaveLength(12);
      expect(many.queryCount).toBe(few.queryCount);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("submitAttemptHandler grades", () => {
  test("stores a correct attempt given as text", async () => {
    const { tokens, db } = await setUp({ attemptLimit: 3 });

    const response = await submit(tokens.student, { submission: JSON.stringify(TENT_H2_WEIGHTS) });

    expect(response.status).toBe(201);
    const body = submitResponseSchema.parse(await response.json());
    expect(body).toMatchObject({
      duplicate: false,
      attemptsLeft: 2,
      attempt: { verdict: "correct", score: 1 },
      feedback: { verdict: "correct" },
    });
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: body.attempt.id } });
    expect(stored.userId).toBe(FIXTURE.student);
  });

  test("accepts a state_dict given as an object", async () => {
    const { tokens } = await setUp();
    const stateDict = {
      "0.weight": [[1], [1]],
      "0.bias": [0, -0.5],
      "2.weight": [[2, -2]],
      "2.bias": [0],
    };

    const body = await submitGraded(tokens.student, stateDict);

    expect(body.feedback.verdict).toBe("incorrect");
    expect(body.feedback.counterexample).toEqual({ x: "1", expected: "0", actual: "1" });
  });

  test("returns the stored attempt for the same network with 200", async () => {
    const { tokens, db } = await setUp();
    const first = await submitGraded(tokens.student, TENT_H2_WRONG);

    const again = await submit(tokens.student, {
      submission: JSON.stringify(TENT_H2_WRONG, null, 2),
    });

    expect(again.status).toBe(200);
    const body = submitResponseSchema.parse(await again.json());
    expect(body.duplicate).toBe(true);
    expect(body.attempt.id).toBe(first.attempt.id);
    expect(await db.attempt.count()).toBe(1);
  });

  test.each(STAFF)("stores an attempt of %s at a hidden exercise", async (_name, user) => {
    const { tokens, db } = await setUp();
    const h3 = { ...TENT_H2_WEIGHTS, outputActivation: "relu" };
    const params = { course: FIXTURE.courseSlug, exercise: "tent-h3" };

    const response = await submit(tokens[user], { submission: h3 }, params);

    expect(response.status).toBe(201);
    const body = submitResponseSchema.parse(await response.json());
    expect(body.feedback.verdict).toBe("correct");
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: body.attempt.id } });
    expect(stored.userId).toBe(FIXTURE[user]);
    expect(stored.exerciseId).toBe(FIXTURE.hidden);
  });

  test("returns 422 for an invalid network", async () => {
    const { tokens, db } = await setUp();

    const response = await submit(tokens.student, { submission: '{"layers": []}' });

    expect(response.status).toBe(422);
    const body = invalidSubmissionSchema.parse(await response.json());
    expect(body.error.code).toBe("invalid_submission");
    expect(body.feedback.verdict).toBe("invalid");
    expect(body.feedback.messages.length).toBeGreaterThan(0);
    expect(await db.attempt.count()).toBe(0);
  });
});

describe("submitAttemptHandler rejects", () => {
  test("a submission past the attempt limit", async () => {
    const { tokens } = await setUp({ attemptLimit: 1 });
    await submitGraded(tokens.student, TENT_H2_WRONG);

    const response = await submit(tokens.student, { submission: TENT_H2_WEIGHTS });

    expect(response.status).toBe(403);
    expect(await readError(response)).toMatchObject({ code: "attempt_limit_reached" });
  });

  test("a submission past the due date", async () => {
    const { tokens } = await setUp({ dueDate: new Date(TEST_NOW.getTime() - 1000) });

    const response = await submit(tokens.student, { submission: TENT_H2_WEIGHTS });

    expect(response.status).toBe(403);
    expect(await readError(response)).toMatchObject({ code: "deadline_passed" });
  });

  test.each([
    ["a missing exercise", { course: FIXTURE.courseSlug, exercise: "no-such" }],
    ["a hidden exercise", { course: FIXTURE.courseSlug, exercise: "tent-h3" }],
    ["another course", { course: FIXTURE.otherCourseSlug, exercise: "tent-h2" }],
  ])("%s with 404", async (_name, params) => {
    const { tokens } = await setUp();

    const response = await submit(tokens.student, { submission: TENT_H2_WEIGHTS }, params);

    expect(response.status).toBe(404);
    expect(await readError(response)).toMatchObject({ code: "not_found" });
  });

  test.each(OTHER_COURSE)("%s with 404", async (_name, user) => {
    const { tokens, db } = await setUp();

    const response = await submit(tokens[user], { submission: TENT_H2_WEIGHTS });

    expect(response.status).toBe(404);
    expect(await readError(response)).toMatchObject({ code: "not_found" });
    expect(await db.attempt.count()).toBe(0);
  });

  test("a body that is not JSON with 400", async () => {
    const { tokens } = await setUp();

    const response = await submit(tokens.student, '{"submission": ');

    expect(response.status).toBe(400);
    expect(errorSchema.parse(await response.json()).error.code).toBe("malformed_json");
  });

  test.each([
    ["no submission", {}],
    ["a number", { submission: 3 }],
    ["an unknown field", { submission: "{}", exercise: "tent-h2" }],
    ["an array", [1, 2]],
  ])("a body with %s with 400", async (_name, body) => {
    const { tokens } = await setUp();

    const response = await submit(tokens.student, body);

    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe("invalid_request");
    expect(error.message).toMatch(/^Invalid request: body/);
  });

  test.each([
    ["no content type", {}],
    ["form data", { "content-type": "application/x-www-form-urlencoded" }],
    ["plain text", { "content-type": "text/plain" }],
  ])("a body with %s with 415", async (_name, headers) => {
    const { tokens } = await setUp();
    const request = {
      method: "POST",
      token: tokens.student,
      body: JSON.stringify({ submission: "{}" }),
      params: TENT,
      headers: { "content-type": "", ...headers },
    };

    const response = await callApi(fixture.context, submitAttemptHandler, request);

    expect(response.status).toBe(415);
    expect(await readError(response)).toMatchObject({ code: "unsupported_media_type" });
  });

  test("a body over the body limit with 413", async () => {
    const { tokens, db } = await setUp();
    const submission = " ".repeat(MAX_API_BODY_BYTES);

    const response = await submit(tokens.student, { submission });

    expect(response.status).toBe(413);
    expect((await readError(response)).code).toBe("payload_too_large");
    expect(await db.attempt.count()).toBe(0);
  });

  test("a submission over the web page's limit with 413", async () => {
    const { tokens } = await setUp();
    const submission = JSON.stringify(TENT_H2_WEIGHTS) + " ".repeat(MAX_SUBMISSION_BYTES);

    const response = await submit(tokens.student, { submission });

    expect(response.status).toBe(413);
    const error = await readError(response);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toMatch(/larger than the maximum of 256 KiB/);
  });
});

describe("readAttemptHandler", () => {
  async function readAttempt(token: string, attempt: string) {
    return callApi(fixture.context, readAttemptHandler, { token, params: { attempt } });
  }

  test("returns the owner's attempt with feedback and comments", async () => {
    const { tokens, db } = await setUp();
    const { attempt } = await submitGraded(tokens.student, TENT_H2_WRONG);
    await db.attemptComment.create({
      data: { attemptId: attempt.id, authorId: FIXTURE.tutor, body: "Check x = 1." },
    });

    const response = await readAttempt(tokens.student, attempt.id);

    expect(response.status).toBe(200);
    const body = attemptSchema.parse(await response.json());
    expect(body).toMatchObject({
      id: attempt.id,
      course: FIXTURE.courseSlug,
      exercise: "tent-h2",
      verdict: "incorrect",
      exerciseVersion: 1,
      submission: JSON.stringify(TENT_H2_WRONG),
      feedback: { verdict: "incorrect", counterexample: { x: "1" } },
      comments: [{ author: FIXTURE.tutor, body: "Check x = 1." }],
    });
  });

  test("shows a tutor's override as the score", async () => {
    const { tokens, db } = await setUp();
    const { attempt } = await submitGraded(tokens.student, TENT_H2_WRONG);
    await db.attempt.update({ where: { id: attempt.id }, data: { overrideScore: 0.5 } });

    const body = attemptSchema.parse(await (await readAttempt(tokens.student, attempt.id)).json());

    expect(body).toMatchObject({ score: 0.5, gradedScore: 0, overrideScore: 0.5 });
    expect(body.feedback.score).toBe(0.5);
  });

  test.each(STAFF)("lets %s of the course read a student's attempt", async (_name, user) => {
    const { tokens } = await setUp();
    const { attempt } = await submitGraded(tokens.student, TENT_H2_WRONG);

    const response = await readAttempt(tokens[user], attempt.id);

    expect(response.status).toBe(200);
    const body = attemptSchema.parse(await response.json());
    expect(body).toMatchObject({ id: attempt.id, userId: FIXTURE.student });
  });

  test.each([["another student", "otherStudent"], ...OTHER_COURSE] as const)(
    "hides the attempt from %s",
    async (_name, reader) => {
      const { tokens } = await setUp();
      const { attempt } = await submitGraded(tokens.student, TENT_H2_WRONG);

      const response = await readAttempt(tokens[reader], attempt.id);

      expect(response.status).toBe(404);
      expect(await readError(response)).toMatchObject({ code: "not_found" });
    },
  );

  test("hides an attempt at a hidden exercise from its student", async () => {
    const { tokens, db } = await setUp();
    const { attempt } = await submitGraded(tokens.student, TENT_H2_WRONG);
    await db.attemptComment.create({
      data: { attemptId: attempt.id, authorId: FIXTURE.tutor, body: "Check x = 1." },
    });
    await db.exercise.updateMany({ where: { slug: "tent-h2" }, data: { visibility: "hidden" } });

    const student = await readAttempt(tokens.student, attempt.id);
    const tutor = await readAttempt(tokens.tutor, attempt.id);
    await db.exercise.updateMany({ where: { slug: "tent-h2" }, data: { visibility: "visible" } });
    const visibleAgain = await readAttempt(tokens.student, attempt.id);

    expect(student.status).toBe(404);
    expect(await readError(student)).toEqual({
      code: "not_found",
      message: `Attempt "${attempt.id}" not found.`,
    });
    expect(tutor.status).toBe(200);
    expect(visibleAgain.status).toBe(200);
  });

  test("returns 404 for a missing attempt", async () => {
    const { tokens } = await setUp();

    const response = await readAttempt(tokens.student, "no-such-attempt");

    expect(response.status).toBe(404);
  });
});

describe("gradebookHandler", () => {
  function exportGradebook(token: string, query = "") {
    return callApi(fixture.context, gradebookHandler, {
      token,
      path: `/courses/${FIXTURE.courseSlug}/gradebook${query}`,
      params: { course: FIXTURE.courseSlug },
    });
  }

  test.each(STAFF)("exports JSON for %s", async (_name, user) => {
    const { tokens } = await setUp();
    await submitGraded(tokens.student, TENT_H2_WEIGHTS);

    const response = await exportGradebook(tokens[user]);

    expect(response.status).toBe(200);
    const body = gradebookSchema.parse(await response.json());
    expect(body.exercises.map((exercise) => exercise.slug)).toEqual(["tent-h2", "tent-h3"]);
    const student = body.students.find((row) => row.email === `${FIXTURE.student}@example.com`);
    expect(student).toMatchObject({ total: 1, possible: 1, percent: 100, solved: 1 });
    expect(student?.cells[0]).toEqual({ attempts: 1, bestScore: 1, solved: true });
    expect(body.students).toHaveLength(2);
  });

  test("exports the review page's CSV", async () => {
    const { tokens } = await setUp();
    await submitGraded(tokens.student, TENT_H2_WEIGHTS);

    const response = await exportGradebook(tokens.tutor, "?format=csv");

    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    // Decoded by hand because Response.text() drops the byte order mark.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFName,Email,The tent map h2 [tent-h2] (%)," +
        '"The clipped tent h3 [tent-h3] (%, hidden, not in total)",' +
        "Points earned,Points possible,Total (% of points possible),Solved",
    );
    expect(lines).toContain(`${FIXTURE.student},${FIXTURE.student}@example.com,100,,1,1,100,1`);
  });

  test("rejects a student with 403", async () => {
    const { tokens } = await setUp();

    const response = await exportGradebook(tokens.student);

    expect(response.status).toBe(403);
    expect(await readError(response)).toMatchObject({ code: "forbidden" });
  });

  test.each(OTHER_COURSE)("returns 404 to %s", async (_name, user) => {
    const { tokens } = await setUp();

    const response = await exportGradebook(tokens[user]);

    expect(response.status).toBe(404);
    expect(await readError(response)).toMatchObject({ code: "not_found" });
  });

  test("rejects an unknown format with 400", async () => {
    const { tokens } = await setUp();

    const response = await exportGradebook(tokens.tutor, "?format=xlsx");

    expect(response.status).toBe(400);
    expect((await readError(response)).message).toBe(
      "Invalid request: query.format must be json or csv.",
    );
  });
});
