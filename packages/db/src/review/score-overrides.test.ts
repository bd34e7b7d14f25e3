import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { findAttempt, listAttempts, summarizeProgress } from "../attempt-history";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import {
  createReviewFixture,
  gradeAndRecord,
  REVIEW,
  tentNetwork,
} from "../testing/review-fixture";
import { findReviewAttemptDetail } from "./attempt-detail";
import { gradebookKey, loadGradebook } from "./gradebook";
import {
  addAttemptComment,
  deleteAttemptComment,
  editAttemptComment,
  listAttemptComments,
} from "./comments";
import { listScoreOverrides, overrideAttemptScore } from "./score-overrides";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  await createReviewFixture(testDatabase.db);
});

afterEach(async () => {
  await testDatabase.remove();
});

describe("overrideAttemptScore", () => {
  test("sets the score students read", async () => {
    const db = testDatabase.db;
    const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));

    const result = await overrideAttemptScore(db, {
      attemptId: wrong.id,
      tutorId: REVIEW.tutor,
      newScore: 0.5,
      reason: "Right idea",
    });

    expect(result.status).toBe("changed");
    const detail = await findAttempt(db, wrong.id);
    expect(detail?.score).toBe(0.5);
    expect(detail?.gradedScore).toBe(0);
    expect(detail?.overrideScore).toBe(0.5);
    expect((await listAttempts(db, "alice", REVIEW.tent))[0]?.score).toBe(0.5);
    const progress = await summarizeProgress(db, "alice", REVIEW.course);
    expect(progress.get(REVIEW.tent)).toEqual({ attempts: 1, bestScore: 0.5, solved: false });
  });

  test("counts a full-score override as solved", async () => {
    const db = testDatabase.db;
    const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));

    await overrideAttemptScore(db, {
      attemptId: wrong.id,
      tutorId: REVIEW.tutor,
      newScore: 1,
      reason: "Only the sign convention differs",
    });

    const progress = await summarizeProgress(db, "alice", REVIEW.course);
    expect(progress.get(REVIEW.tent)).toEqual({ attempts: 1, bestScore: 1, solved: true });
    const gradebook = await loadGradebook(db, REVIEW.course);
    const cell = gradebook.cells.get(gradebookKey("alice", REVIEW.tent));
    expect(cell).toEqual({ attempts: 1, bestScore: 1, solved: true });
  });

  test("counts a lowered correct attempt as not solved", async () => {
    const db = testDatabase.db;
    const right = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-4));

    await overrideAttemptScore(db, {
      attemptId: right.id,
      tutorId: REVIEW.tutor,
      newScore: 0.5,
      reason: "Copied from the lecture notes",
    });

    const progress = await summarizeProgress(db, "alice", REVIEW.course);
    expect(progress.get(REVIEW.tent)).toEqual({ attempts: 1, bestScore: 0.5, solved: false });
    const gradebook = await loadGradebook(db, REVIEW.course);
    const cell = gradebook.cells.get(gradebookKey("alice", REVIEW.tent));
    expect(cell).toEqual({ attempts: 1, bestScore: 0.5, solved: false });
  });

  test("keeps every change in the audit trail, oldest first", async () => {
    const db = testDatabase.db;
    const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    const change = { attemptId: wrong.id, tutorId: REVIEW.tutor };

    await overrideAttemptScore(db, { ...change, newScore: 0.5, reason: "first" });
    await overrideAttemptScore(db, { ...change, newScore: 0.25, reason: "second" });
    await overrideAttemptScore(db, { ...change, newScore: null, reason: "back to graded" });

    const trail = await listScoreOverrides(db, wrong.id);
    expect(trail.map(({ oldScore, newScore, reason }) => ({ oldScore, newScore, reason }))).toEqual(
      [
        { oldScore: 0, newScore: 0.5, reason: "first" },
        { oldScore: 0.5, newScore: 0.25, reason: "second" },
        { oldScore: 0.25, newScore: null, reason: "back to graded" },
      ],
    );
    expect(trail[0]?.tutor).toEqual({ id: "tina", name: "Tina", email: "tina@example.com" });
    expect((await findAttempt(db, wrong.id))?.score).toBe(0);
  });

  test("concurrent change gets a conflict", async () => {
    const db = testDatabase.db;
    const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    const change = { attemptId: wrong.id, tutorId: REVIEW.tutor, reason: "race" };

    // Both changes read the attempt before either writes.
    const results = await Promise.all([
      overrideAttemptScore(db, { ...change, newScore: 0.5 }),
      overrideAttemptScore(db, { ...change, newScore: 0.75 }),
    ]);

    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual(["changed", "conflict"]);
    expect(await listScoreOverrides(db, wrong.id)).toHaveLength(1);
  });

  test("returns not-found for an unknown attempt", async () => {
    const result = await overrideAttemptScore(testDatabase.db, {
      attemptId: "missing",
      tutorId: REVIEW.tutor,
      newScore: 1,
      reason: "none",
    });

    expect(result).toEqual({ status: "not-found" });
  });
});

describe("addAttemptComment", () => {
  test("stores comments listed oldest first with their author", async () => {
    const db = testDatabase.db;
    const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));

    await addAttemptComment(db, {
      attemptId: wrong.id,
      authorId: REVIEW.tutor,
      body: "Look at x = 1.",
    });
    await addAttemptComment(db, {
      attemptId: wrong.id,
      authorId: REVIEW.tutor,
      body: "Then the slope.",
    });

    const comments = await listAttemptComments(db, wrong.id);
    expect(comments.map((comment) => comment.body)).toEqual(["Look at x = 1.", "Then the slope."]);
    expect(comments[0]?.author).toEqual({ id: "tina", name: "Tina" });
  });
});

/** Stores a wrong attempt of alice's with one comment of the tutor's on it. */
async function commentByTutor() {
  const db = testDatabase.db;
  const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
  const comment = await addAttemptComment(db, {
    attemptId: wrong.id,
    authorId: REVIEW.tutor,
    body: "Look at x = 1.",
  });
  return { attemptId: wrong.id, commentId: comment.id };
}

describe("editAttemptComment", () => {
  const editedAt = new Date("2027-02-01T10:00:00Z");

  test("replaces the author's text and records the time", async () => {
    const { attemptId, commentId } = await commentByTutor();

    const edit = { attemptId, commentId, authorId: REVIEW.tutor, body: "Look at x = 2.", editedAt };
    expect(await editAttemptComment(testDatabase.db, edit)).toBe(true);

    const [comment] = await listAttemptComments(testDatabase.db, attemptId);
    expect(comment?.body).toBe("Look at x = 2.");
    expect(comment?.editedAt).toEqual(editedAt);
  });

  test("leaves another user's comment unchanged", async () => {
    const { attemptId, commentId } = await commentByTutor();

    const edit = { attemptId, commentId, authorId: "alice", body: "Mine now.", editedAt };
    expect(await editAttemptComment(testDatabase.db, edit)).toBe(false);

    const [comment] = await listAttemptComments(testDatabase.db, attemptId);
    expect(comment?.body).toBe("Look at x = 1.");
    expect(comment?.editedAt).toBeNull();
  });

  test("leaves a comment of another attempt unchanged", async () => {
    const { attemptId, commentId } = await commentByTutor();
    const other = await gradeAndRecord(testDatabase.db, "bob", REVIEW.tent, tentNetwork(-2));

    const edit = { attemptId: other.id, commentId, authorId: REVIEW.tutor, body: "x", editedAt };
    expect(await editAttemptComment(testDatabase.db, edit)).toBe(false);
    expect((await listAttemptComments(testDatabase.db, attemptId))[0]?.body).toBe("Look at x = 1.");
  });
});

describe("deleteAttemptComment", () => {
  test("deletes the author's comment", async () => {
    const { attemptId, commentId } = await commentByTutor();

    const target = { attemptId, commentId, authorId: REVIEW.tutor };
    expect(await deleteAttemptComment(testDatabase.db, target)).toBe(true);
    expect(await listAttemptComments(testDatabase.db, attemptId)).toEqual([]);
  });

  test("keeps a comment of another author", async () => {
    const { attemptId, commentId } = await commentByTutor();

    const target = { attemptId, commentId, authorId: "alice" };
    expect(await deleteAttemptComment(testDatabase.db, target)).toBe(false);
    expect(await listAttemptComments(testDatabase.db, attemptId)).toHaveLength(1);
  });

  test("deletes any author's comment without an author", async () => {
    const { attemptId, commentId } = await commentByTutor();

    const target = { attemptId, commentId, authorId: null };
    expect(await deleteAttemptComment(testDatabase.db, target)).toBe(true);
    expect(await listAttemptComments(testDatabase.db, attemptId)).toEqual([]);
  });
});

describe("findReviewAttemptDetail", () => {
  test("returns the parsed network, student and exercise", async () => {
    const db = testDatabase.db;
    const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));

    const detail = await findReviewAttemptDetail(db, wrong.id);

    expect(detail?.network).toBe(JSON.stringify(tentNetwork(-2)));
    expect(detail?.attemptNumber).toBe(1);
    expect(detail?.student).toEqual({
      id: "alice",
      name: "Alice",
      email: "alice@example.com",
      isMember: true,
    });
    expect(detail?.exercise).toEqual({
      id: REVIEW.tent,
      slug: REVIEW.tent,
      title: "Exercise tent",
      dueDate: null,
      hidden: false,
    });
    expect(detail?.late).toBe(false);
    expect(await findReviewAttemptDetail(db, "missing")).toBeNull();
  });

  test("marks a student removed from the course", async () => {
    const db = testDatabase.db;
    const attempt = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    await db.membership.deleteMany({ where: { userId: "alice", courseId: REVIEW.course } });

    const detail = await findReviewAttemptDetail(db, attempt.id);

    expect(detail?.student.isMember).toBe(false);
  });
});
