import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import {
  createReviewFixture,
  gradeAndRecord,
  REVIEW,
  tentNetwork,
} from "../testing/review-fixture";
import { findReviewAttemptDetail } from "./attempt-detail";
import { overrideAttemptScore } from "./score-overrides";
import {
  decodeAttemptCursor,
  encodeAttemptCursor,
  listCourseAttempts,
  type AttemptListFilter,
} from "./attempt-list";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  await createReviewFixture(testDatabase.db);
});

afterEach(async () => {
  await testDatabase.remove();
});

const course: AttemptListFilter = { courseId: REVIEW.course };

/** Reads every page of a filter and returns the ids in order. */
async function readAllPages(filter: AttemptListFilter, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listCourseAttempts(testDatabase.db, filter, cursor, pageSize);
    ids.push(...page.entries.map((entry) => entry.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return ids;
}

describe("listCourseAttempts", () => {
  test("pages without gaps at equal times", async () => {
    const db = testDatabase.db;
    const sameTime = new Date("2027-01-10T10:00:00Z");
    const created = [];
    for (let weight = -9; weight <= -1; weight++) {
      // Three attempts share each instant, so the id alone orders them.
      const time = new Date(sameTime.getTime() + Math.floor((weight + 9) / 3) * 60_000);
      created.push(await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(weight), time));
    }
    const expected = [...created]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1))
      .map((attempt) => attempt.id);

    expect(await readAllPages(course, 2)).toEqual(expected);
    expect(await readAllPages(course, 4)).toEqual(expected);
    const first = await listCourseAttempts(db, course, null, 9);
    expect(first.nextCursor).toBeNull();
  });

  test("filters by exercise, student, verdict and date range", async () => {
    const db = testDatabase.db;
    const day = (n: number) => new Date(Date.UTC(2027, 0, n));
    const aliceRight = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-4), day(1));
    const aliceWrong = await gradeAndRecord(
      db,
      "alice",
      REVIEW.tent,
      tentNetwork(-2),
      new Date("2027-01-02T00:00:00Z"),
    );
    const bobSaw = await gradeAndRecord(db, "bob", REVIEW.saw, tentNetwork(-2), day(3));
    await gradeAndRecord(db, REVIEW.otherStudent, REVIEW.otherExercise, tentNetwork(-4), day(2));
    const ids = async (filter: Partial<AttemptListFilter>) =>
      (await listCourseAttempts(db, { ...course, ...filter })).entries.map((entry) => entry.id);

    expect(await ids({})).toEqual([bobSaw.id, aliceWrong.id, aliceRight.id]);
    expect(await ids({ exerciseId: REVIEW.tent })).toEqual([aliceWrong.id, aliceRight.id]);
    expect(await ids({ exerciseId: REVIEW.otherExercise })).toEqual([]);
    expect(await ids({ userId: "bob" })).toEqual([bobSaw.id]);
    expect(await ids({ verdict: "correct" })).toEqual([aliceRight.id]);
    expect(await ids({ from: day(2), to: day(3) })).toEqual([aliceWrong.id]);
  });

  test("shows the overridden score", async () => {
    const db = testDatabase.db;
    const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    await overrideAttemptScore(db, {
      attemptId: wrong.id,
      tutorId: REVIEW.tutor,
      newScore: 0.75,
      reason: "Close enough",
    });

    const [entry] = (await listCourseAttempts(db, course)).entries;

    expect(entry?.score).toBe(0.75);
    expect(entry?.overridden).toBe(true);
    expect(entry?.student).toEqual({
      id: "alice",
      name: "Alice",
      email: "alice@example.com",
      isMember: true,
    });
    expect(entry?.exercise).toEqual({
      id: REVIEW.tent,
      slug: REVIEW.tent,
      title: "Exercise tent",
      dueDate: null,
      hidden: false,
    });
    expect(entry?.late).toBe(false);
    expect(entry?.attemptNumber).toBe(1);
  });

  test("marks a removed student as no member", async () => {
    const db = testDatabase.db;
    await gradeAndRecord(
      db,
      "alice",
      REVIEW.tent,
      tentNetwork(-2),
      new Date("2027-01-01T00:00:00Z"),
    );
    await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-2), new Date("2027-01-02T00:00:00Z"));
    await db.membership.deleteMany({ where: { userId: "alice", courseId: REVIEW.course } });

    const { entries } = await listCourseAttempts(db, course);

    const members = entries.map((entry) => [entry.student.id, entry.student.isMember]);
    expect(members).toEqual([
      ["bob", true],
      ["alice", false],
    ]);
  });

  test("marks attempts after the due date as late", async () => {
    const db = testDatabase.db;
    const due = new Date("2027-01-10T12:00:00Z");
    await db.exercise.update({ where: { id: REVIEW.tent }, data: { dueDate: due } });
    const onTime = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2), due);
    const after = new Date(due.getTime() + 1000);
    const late = await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-2), after);

    const entries = (await listCourseAttempts(db, course)).entries;
    const detail = await findReviewAttemptDetail(db, late.id);

    expect(entries.map((entry) => [entry.id, entry.late])).toEqual([
      [late.id, true],
      [onTime.id, false],
    ]);
    expect(detail?.late).toBe(true);
    expect((await findReviewAttemptDetail(db, onTime.id))?.late).toBe(false);
  });

  test("marks attempts at a hidden exercise", async () => {
    const db = testDatabase.db;
    const visible = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    const later = new Date(visible.createdAt.getTime() + 1000);
    const hidden = await gradeAndRecord(db, "alice", REVIEW.saw, tentNetwork(-2), later);

    const entries = (await listCourseAttempts(db, course)).entries;

    expect(entries.map((entry) => [entry.id, entry.exercise.hidden])).toEqual([
      [hidden.id, true],
      [visible.id, false],
    ]);
    expect((await findReviewAttemptDetail(db, hidden.id))?.exercise.hidden).toBe(true);
    expect((await findReviewAttemptDetail(db, visible.id))?.exercise.hidden).toBe(false);
  });

  test("starts from the newest attempt for an invalid cursor", async () => {
    const db = testDatabase.db;
    const only = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));

    const page = await listCourseAttempts(db, course, "not a cursor");

    expect(page.entries.map((entry) => entry.id)).toEqual([only.id]);
  });
});

describe("decodeAttemptCursor", () => {
  test("reverses encodeAttemptCursor", () => {
    const position = { createdAt: new Date("2027-01-02T03:04:05.006Z"), id: "c1" };

    expect(decodeAttemptCursor(encodeAttemptCursor(position))).toEqual(position);
  });

  test.each(["", "e30", Buffer.from('["yesterday","x"]').toString("base64url")])(
    "rejects %j",
    (cursor) => {
      expect(decodeAttemptCursor(cursor)).toBeNull();
    },
  );
});
