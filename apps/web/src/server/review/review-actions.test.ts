import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { findAttempt, listAttemptComments, listScoreOverrides, type Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from "@/lib/password-rules";
import { createCourseFixture, FIXTURE, TENT_H2_WRONG } from "@/testing/course-fixture";

import { submitAttempt } from "../submissions";
import {
  addCommentRequest,
  deleteCommentRequest,
  editCommentRequest,
  overrideScoreRequest,
} from "./attempt-review";
import { gradebookCsvResponse } from "./gradebook-csv";

let testDatabase: TestDatabase;
let db: Database;
let attemptId: string;

/** A tutor of the other course, who must not reach this course's attempts. */
const OTHER_TUTOR = "tutor-2";
/** A second tutor of the course, who may review its attempts but not edit the first's comments. */
const SECOND_TUTOR = "tutor-3";
/** An admin of the course, who may delete any comment of it. */
const ADMIN = FIXTURE.admin;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  db = testDatabase.db;
  await createCourseFixture(db);
  await db.user.create({
    data: { id: OTHER_TUTOR, name: "Other Tutor", email: "tutor-2@example.com" },
  });
  const other = await db.course.findUniqueOrThrow({ where: { slug: FIXTURE.otherCourseSlug } });
  await db.membership.create({
    data: { userId: OTHER_TUTOR, courseId: other.id, role: "tutor" },
  });
  await db.user.create({
    data: { id: SECOND_TUTOR, name: SECOND_TUTOR, email: `${SECOND_TUTOR}@example.com` },
  });
  await db.membership.create({
    data: { userId: SECOND_TUTOR, courseId: FIXTURE.course, role: "tutor" },
  });
  const result = await submitAttempt(
    { db, userId: FIXTURE.student, now: new Date("2027-01-15T12:00:00Z") },
    {
      courseSlug: FIXTURE.courseSlug,
      exerciseId: "tent-h2",
      submission: JSON.stringify(TENT_H2_WRONG),
    },
  );
  if (result.status !== "graded")
    throw new Error(`Expected a graded attempt, got ${result.status}.`);
  attemptId = result.attempt.id;
});

afterEach(async () => {
  await testDatabase.remove();
});

const REFUSED = [
  ["a signed-out visitor", null],
  ["the student who made the attempt", FIXTURE.student],
  ["another student", FIXTURE.otherStudent],
  ["a tutor of another course", OTHER_TUTOR],
  ["an admin of another course", FIXTURE.otherCourseAdmin],
] as const;

/** The course's staff, who may review its attempts. */
const STAFF = [
  ["a tutor", FIXTURE.tutor],
  ["an admin", FIXTURE.admin],
] as const;

function commentAs(userId: string | null, request: Record<string, unknown> = {}) {
  return addCommentRequest(
    { db, userId },
    { courseSlug: FIXTURE.courseSlug, attemptId, body: "Check x = 1.", ...request },
  );
}

function overrideAs(userId: string | null, request: Record<string, unknown> = {}) {
  return overrideScoreRequest(
    { db, userId },
    { courseSlug: FIXTURE.courseSlug, attemptId, percent: "50", reason: "Idea right", ...request },
  );
}

describe("addCommentRequest", () => {
  test.each(STAFF)("stores the comment of %s", async (_name, userId) => {
    expect(await commentAs(userId)).toEqual({ status: "saved" });

    const comments = await listAttemptComments(db, attemptId);
    expect(comments.map((comment) => comment.body)).toEqual(["Check x = 1."]);
    expect(comments[0]?.author.id).toBe(userId);
  });

  test.each(REFUSED)("rejects %s", async (_name, userId) => {
    expect(await commentAs(userId)).toEqual({ status: "not-found" });
    expect(await listAttemptComments(db, attemptId)).toEqual([]);
  });

  test("rejects an empty comment", async () => {
    const result = await commentAs(FIXTURE.tutor, { body: "   " });

    expect(result.status).toBe("invalid");
    expect(await listAttemptComments(db, attemptId)).toEqual([]);
  });

  test("keeps its message for an empty comment", async () => {
    const result = await commentAs(FIXTURE.tutor, { body: "   " });

    expect(result).toEqual({
      status: "invalid",
      message: "The comment is empty: write what the student should read.",
    });
  });

  test.each([
    ["a body that is not a string", { body: { text: "Hi" } }, "body must be a string"],
    ["an empty attempt id", { attemptId: "" }, "attemptId must not be empty"],
  ])("describes %s for a person", async (_name, request, problem) => {
    const result = await commentAs(FIXTURE.tutor, request);

    expect(result).toEqual({
      status: "invalid",
      message: `Invalid request: ${problem}. Reload the page and try again.`,
    });
    expect(await listAttemptComments(db, attemptId)).toEqual([]);
  });

  test("describes a request that is not an object", async () => {
    const result = await addCommentRequest({ db, userId: FIXTURE.tutor }, null);

    expect(result).toEqual({
      status: "invalid",
      message: "Invalid request: the request must be an object. Reload the page and try again.",
    });
  });

  test("rejects an attempt outside the named course", async () => {
    const result = await addCommentRequest(
      { db, userId: OTHER_TUTOR },
      { courseSlug: FIXTURE.otherCourseSlug, attemptId, body: "Hello" },
    );

    expect(result).toEqual({ status: "not-found" });
  });
});

/** Adds a comment of the course's tutor and returns its id. */
async function tutorComment(): Promise<string> {
  await commentAs(FIXTURE.tutor);
  const [comment] = await listAttemptComments(db, attemptId);
  if (!comment) throw new Error("The tutor's comment was not stored.");
  return comment.id;
}

/** Everyone but the comment's author who must not edit it; the admin deletes but never edits. */
const NOT_AUTHOR = [
  ...REFUSED,
  ["another tutor of the course", SECOND_TUTOR],
  ["an admin of the course", ADMIN],
] as const;

describe("editCommentRequest", () => {
  const editedAt = new Date("2027-01-16T08:30:00Z");

  function editAs(userId: string | null, commentId: string, request: Record<string, unknown> = {}) {
    const edit = { courseSlug: FIXTURE.courseSlug, attemptId, commentId, body: "Check x = 2." };
    return editCommentRequest({ db, userId }, { ...edit, ...request }, editedAt);
  }

  test("replaces the author's text and marks it edited", async () => {
    const commentId = await tutorComment();

    expect(await editAs(FIXTURE.tutor, commentId)).toEqual({ status: "saved" });

    const [comment] = await listAttemptComments(db, attemptId);
    expect(comment?.body).toBe("Check x = 2.");
    expect(comment?.editedAt).toEqual(editedAt);
  });

  test.each(NOT_AUTHOR)("rejects %s", async (_name, userId) => {
    const commentId = await tutorComment();

    expect(await editAs(userId, commentId)).toEqual({ status: "not-found" });

    const [comment] = await listAttemptComments(db, attemptId);
    expect(comment?.body).toBe("Check x = 1.");
    expect(comment?.editedAt).toBeNull();
  });

  test("rejects the author once they are no longer staff", async () => {
    const commentId = await tutorComment();
    await db.membership.updateMany({
      where: { userId: FIXTURE.tutor, courseId: FIXTURE.course },
      data: { role: "student" },
    });

    expect(await editAs(FIXTURE.tutor, commentId)).toEqual({ status: "not-found" });
    expect((await listAttemptComments(db, attemptId))[0]?.body).toBe("Check x = 1.");
  });

  test("rejects a comment named with another course", async () => {
    const commentId = await tutorComment();

    const result = await editAs(FIXTURE.tutor, commentId, { courseSlug: FIXTURE.otherCourseSlug });

    expect(result).toEqual({ status: "not-found" });
    expect((await listAttemptComments(db, attemptId))[0]?.body).toBe("Check x = 1.");
  });

  test("rejects an empty text", async () => {
    const commentId = await tutorComment();

    const result = await editAs(FIXTURE.tutor, commentId, { body: "  " });

    expect(result.status).toBe("invalid");
    expect((await listAttemptComments(db, attemptId))[0]?.body).toBe("Check x = 1.");
  });
});

describe("deleteCommentRequest", () => {
  function deleteAs(
    userId: string | null,
    commentId: string,
    courseSlug: string = FIXTURE.courseSlug,
  ) {
    return deleteCommentRequest({ db, userId }, { courseSlug, attemptId, commentId });
  }

  test.each([
    ["its author", FIXTURE.tutor],
    ["an admin of the course", ADMIN],
  ])("lets %s delete a comment", async (_name, userId) => {
    const commentId = await tutorComment();

    expect(await deleteAs(userId, commentId)).toEqual({ status: "saved" });
    expect(await listAttemptComments(db, attemptId)).toEqual([]);
  });

  test.each([...REFUSED, ["another tutor of the course", SECOND_TUTOR] as const])(
    "rejects %s",
    async (_name, userId) => {
      const commentId = await tutorComment();

      expect(await deleteAs(userId, commentId)).toEqual({ status: "not-found" });
      expect(await listAttemptComments(db, attemptId)).toHaveLength(1);
    },
  );

  test("rejects a comment named with another course", async () => {
    const commentId = await tutorComment();

    const result = await deleteAs(FIXTURE.tutor, commentId, FIXTURE.otherCourseSlug);

    expect(result).toEqual({ status: "not-found" });
    expect(await listAttemptComments(db, attemptId)).toHaveLength(1);
  });
});

describe("overrideScoreRequest", () => {
  test.each(STAFF)(
    "lets %s set the score with the reason in the audit trail",
    async (_name, userId) => {
      expect(await overrideAs(userId)).toEqual({ status: "saved" });

      expect((await findAttempt(db, attemptId))?.score).toBe(0.5);
      const trail = await listScoreOverrides(db, attemptId);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ oldScore: 0, newScore: 0.5, reason: "Idea right" });
      expect(trail[0]?.tutor.id).toBe(userId);
    },
  );

  test("removes the override with an empty score", async () => {
    await overrideAs(FIXTURE.tutor);

    expect(await overrideAs(FIXTURE.tutor, { percent: "", reason: "Undo" })).toEqual({
      status: "saved",
    });
    expect((await findAttempt(db, attemptId))?.overrideScore).toBeNull();
  });

  test.each(REFUSED)("rejects %s", async (_name, userId) => {
    expect(await overrideAs(userId)).toEqual({ status: "not-found" });
    expect((await findAttempt(db, attemptId))?.overrideScore).toBeNull();
    expect(await listScoreOverrides(db, attemptId)).toEqual([]);
  });

  test.each([
    ["a missing reason", { reason: " " }],
    ["a score above 100", { percent: "101" }],
    ["a negative score", { percent: "-5" }],
    ["a score that is not a number", { percent: "half" }],
    ["removing an override that does not exist", { percent: "" }],
  ])("rejects %s", async (_name, request) => {
    const result = await overrideAs(FIXTURE.tutor, request);

    expect(result.status).toBe("invalid");
    expect(await listScoreOverrides(db, attemptId)).toEqual([]);
  });
});

describe("overrideScoreRequest messages", () => {
  test.each([
    ["33.3333", "Enter the score with at most two decimals, such as 33.33."],
    ["33,5", "Use a point, not a comma, as the decimal separator: 33.5."],
    ["-5", "The score cannot be negative: enter a percentage from 0 to 100."],
    ["101", "The score is above 100%: enter at most 100."],
    ["half", "Enter the score as a percentage from 0 to 100, such as 75 or 33.33."],
  ])("explains %s", async (percent, message) => {
    const result = await overrideScoreRequest(
      { db, userId: FIXTURE.tutor },
      { courseSlug: FIXTURE.courseSlug, attemptId, percent, reason: "Idea right" },
    );

    expect(result).toEqual({ status: "invalid", message });
  });

  test("accepts two decimals", async () => {
    const result = await overrideScoreRequest(
      { db, userId: FIXTURE.tutor },
      { courseSlug: FIXTURE.courseSlug, attemptId, percent: "33.33", reason: "Idea right" },
    );

    expect(result).toEqual({ status: "saved" });
    expect((await findAttempt(db, attemptId))?.overrideScore).toBeCloseTo(0.3333, 10);
  });
});

describe("user with a one-time password", () => {
  beforeEach(async () => {
    await db.user.updateMany({
      where: { id: { in: [FIXTURE.student, FIXTURE.tutor] } },
      data: { passwordChangeRequired: true },
    });
  });

  test("cannot submit an attempt", async () => {
    const result = await submitAttempt(
      { db, userId: FIXTURE.student, now: new Date("2027-01-15T12:00:00Z") },
      {
        courseSlug: FIXTURE.courseSlug,
        exerciseId: "tent-h2",
        submission: JSON.stringify(TENT_H2_WRONG),
      },
    );

    expect(result).toEqual({
      status: "rejected",
      reason: "password-change-required",
      message: PASSWORD_CHANGE_REQUIRED_MESSAGE,
    });
    expect(await db.attempt.count({ where: { userId: FIXTURE.student } })).toBe(1);
  });

  test("cannot comment or override a score", async () => {
    const context = { db, userId: FIXTURE.tutor };
    const target = { courseSlug: FIXTURE.courseSlug, attemptId };

    const comment = await addCommentRequest(context, { ...target, body: "Hello" });
    const override = await overrideScoreRequest(context, {
      ...target,
      percent: "50",
      reason: "Idea right",
    });

    expect(comment).toEqual({ status: "not-found" });
    expect(override).toEqual({ status: "not-found" });
    expect(await listAttemptComments(db, attemptId)).toEqual([]);
    expect(await listScoreOverrides(db, attemptId)).toEqual([]);
  });
});

describe("gradebookCsvResponse", () => {
  test("sends the gradebook to a tutor as a download", async () => {
    await overrideAs(FIXTURE.tutor, { percent: "62.5" });

    const response = await gradebookCsvResponse({ db, userId: FIXTURE.tutor }, FIXTURE.courseSlug);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="deep-learning-theory-gradebook.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The UTF-8 byte order mark, which text() would drop.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe(
      "Name,Email,The tent map h2 [tent-h2] (%)," +
        '"The clipped tent h3 [tent-h3] (%, hidden, not in total)",' +
        "Points earned,Points possible,Total (% of points possible),Solved",
    );
    // A cell without an attempt is empty, so it differs from an attempt that scored 0.
    expect(lines).toContain("student-1,student-1@example.com,62.5,,0.625,1,62.5,0");
    expect(lines).toContain("student-2,student-2@example.com,,,0,1,0,0");
  });

  test.each(STAFF)("sends the gradebook to %s", async (_name, userId) => {
    const response = await gradebookCsvResponse({ db, userId }, FIXTURE.courseSlug);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("student-1,student-1@example.com,0,,0,1,0,0");
  });

  test.each(REFUSED)("rejects %s", async (_name, userId) => {
    const response = await gradebookCsvResponse({ db, userId }, FIXTURE.courseSlug);

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("student-1");
  });
});
