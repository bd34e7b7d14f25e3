import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { overrideAttemptScore } from "./score-overrides";
import type { ExerciseSummary } from "../exercises";
import {
  buildDashboard,
  dashboardOptionsSchema,
  gradebookTotal,
  median,
  toPercent,
} from "./dashboard";
import { gradebookKey, loadGradebook } from "./gradebook";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import {
  createReviewFixture,
  gradeAndRecord,
  REVIEW,
  tentNetwork,
} from "../testing/review-fixture";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  await createReviewFixture(testDatabase.db);
});

afterEach(async () => {
  await testDatabase.remove();
});

/** alice: wrong then right at tent; bob: wrong twice at tent, overridden to 0.5, one at saw. */
async function recordScenario(): Promise<void> {
  const db = testDatabase.db;
  await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
  await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-4));
  const bobWrong = await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-2));
  await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-3));
  await gradeAndRecord(db, "bob", REVIEW.saw, tentNetwork(-3));
  // Attempts of the tutor and of another course's student stay out of the gradebook.
  await gradeAndRecord(db, REVIEW.tutor, REVIEW.tent, tentNetwork(-4));
  await gradeAndRecord(db, REVIEW.otherStudent, REVIEW.otherExercise, tentNetwork(-4));
  const reason = "Partial credit for the right breakpoint";
  await overrideAttemptScore(db, {
    attemptId: bobWrong.id,
    tutorId: REVIEW.tutor,
    newScore: 0.5,
    reason,
  });
}

const defaults = dashboardOptionsSchema.parse({});

describe("loadGradebook", () => {
  test("sums each student's attempts with the score that counts", async () => {
    await recordScenario();

    const gradebook = await loadGradebook(testDatabase.db, REVIEW.course);

    expect(gradebook.exercises.map((exercise) => exercise.id)).toEqual([REVIEW.tent, REVIEW.saw]);
    expect(gradebook.students.map((student) => student.id)).toEqual(["alice", "bob", "carol"]);
    expect(gradebook.cells.get(gradebookKey("alice", REVIEW.tent))).toEqual({
      attempts: 2,
      bestScore: 1,
      solved: true,
    });
    expect(gradebook.cells.get(gradebookKey("bob", REVIEW.tent))).toEqual({
      attempts: 2,
      bestScore: 0.5,
      solved: false,
    });
    expect(gradebook.cells.get(gradebookKey("bob", REVIEW.saw))?.attempts).toBe(1);
    expect(gradebook.cells.has(gradebookKey("carol", REVIEW.tent))).toBe(false);
    expect(gradebook.cells.has(gradebookKey(REVIEW.tutor, REVIEW.tent))).toBe(false);
    expect(gradebook.cells.size).toBe(3);
  });
});

describe("loadGradebook order", () => {
  test("puts hidden exercises after visible ones", async () => {
    const db = testDatabase.db;
    // The hidden saw comes first in course order.
    await db.exercise.update({ where: { id: REVIEW.saw }, data: { position: -1 } });

    const gradebook = await loadGradebook(db, REVIEW.course);

    expect(gradebook.exercises.map((exercise) => exercise.id)).toEqual([REVIEW.tent, REVIEW.saw]);
  });
});

describe("buildDashboard", () => {
  test("gives statuses and totals per exercise", async () => {
    await recordScenario();
    const gradebook = await loadGradebook(testDatabase.db, REVIEW.course);

    const dashboard = buildDashboard(gradebook, defaults);

    const statuses = dashboard.rows.map((row) => row.cells.map((cell) => cell.status));
    expect(statuses).toEqual([
      ["solved", "not-tried"],
      ["tried", "tried"],
      ["not-tried", "not-tried"],
    ]);
    // Only tent is visible, so it is the one point possible; bob's attempt at the hidden saw
    // does not count.
    expect(dashboard.rows.map((row) => row.total)).toEqual([
      { earned: 1, possible: 1, percent: 100 },
      { earned: 0.5, possible: 1, percent: 50 },
      { earned: 0, possible: 1, percent: 0 },
    ]);
    expect(dashboard.totals).toEqual([
      // alice solved tent and counts there as solved only.
      { tried: 1, solved: 1, medianAttempts: 2 },
      { tried: 1, solved: 0, medianAttempts: 1 },
    ]);
  });

  test("totals points earned over visible exercises", async () => {
    await recordScenario();
    await testDatabase.db.exercise.update({
      where: { id: REVIEW.saw },
      data: { visibility: "visible" },
    });
    const gradebook = await loadGradebook(testDatabase.db, REVIEW.course);

    const dashboard = buildDashboard(gradebook, defaults);

    // alice: 1 at tent, nothing at saw; bob: 0.5 (override) at tent, 0 at saw.
    expect(dashboard.rows.map((row) => row.total)).toEqual([
      { earned: 1, possible: 2, percent: 50 },
      { earned: 0.5, possible: 2, percent: 25 },
      { earned: 0, possible: 2, percent: 0 },
    ]);
    const onlySaw = buildDashboard(gradebook, { ...defaults, exercise: REVIEW.saw });
    expect(onlySaw.rows.map((row) => row.total.percent)).toEqual([0, 0, 0]);
  });

  test("filters by student text, exercise and status", async () => {
    await recordScenario();
    const gradebook = await loadGradebook(testDatabase.db, REVIEW.course);

    const byText = buildDashboard(gradebook, { ...defaults, student: "BOB@" });
    expect(byText.rows.map((row) => row.student.id)).toEqual(["bob"]);

    const byExercise = buildDashboard(gradebook, { ...defaults, exercise: REVIEW.saw });
    expect(byExercise.exercises.map((exercise) => exercise.id)).toEqual([REVIEW.saw]);
    expect(byExercise.rows[1]?.cells).toHaveLength(1);

    const notTried = buildDashboard(gradebook, {
      ...defaults,
      exercise: REVIEW.tent,
      status: "not-tried",
    });
    expect(notTried.rows.map((row) => row.student.id)).toEqual(["carol"]);
    expect(notTried.totals).toEqual([{ tried: 0, solved: 0, medianAttempts: null }]);

    const solvedAnywhere = buildDashboard(gradebook, { ...defaults, status: "solved" });
    expect(solvedAnywhere.rows.map((row) => row.student.id)).toEqual(["alice"]);
  });

  test("sorts by a column in either direction", async () => {
    await recordScenario();
    const gradebook = await loadGradebook(testDatabase.db, REVIEW.course);
    const order = (sort: string, direction: "asc" | "desc") =>
      buildDashboard(gradebook, { ...defaults, sort, direction }).rows.map((row) => row.student.id);

    expect(order("name", "desc")).toEqual(["carol", "bob", "alice"]);
    expect(order("total", "desc")).toEqual(["alice", "bob", "carol"]);
    expect(order(REVIEW.saw, "desc")).toEqual(["bob", "alice", "carol"]);
    expect(order(REVIEW.saw, "asc")).toEqual(["alice", "carol", "bob"]);
    expect(order("email", "asc")).toEqual(["alice", "bob", "carol"]);
  });
});

describe("dashboardOptionsSchema", () => {
  test("falls back to defaults for invalid values", () => {
    const options = dashboardOptionsSchema.parse({ status: "lost", direction: "up", sort: 3 });

    expect(options).toEqual({
      student: "",
      exercise: "",
      status: "",
      sort: "name",
      direction: "asc",
    });
  });
});

describe("gradebookTotal", () => {
  const exercise = (id: string, visibility: "visible" | "hidden"): ExerciseSummary => ({
    id,
    slug: id,
    title: id,
    position: 0,
    dueDate: null,
    attemptLimit: null,
    visibility,
    showTarget: false,
  });
  const cell = (bestScore: number) => ({ attempts: 1, bestScore, solved: bestScore >= 1 });

  test.each([
    ["all full", [1, 1, 1], { earned: 3, possible: 3, percent: 100 }],
    ["thirds", [1, 1 / 3, 0], { earned: 1.3333, possible: 3, percent: 44.44 }],
    ["one of three", [0, 0, 1], { earned: 1, possible: 3, percent: 33.33 }],
    ["nothing", [0, 0, 0], { earned: 0, possible: 3, percent: 0 }],
  ])("totals %s with a hidden exercise left out", (_name, scores, expected) => {
    const exercises = [
      exercise("a", "visible"),
      exercise("b", "visible"),
      exercise("hidden", "hidden"),
      exercise("c", "visible"),
    ];
    const [a, b, c] = scores as [number, number, number];
    const cells = [cell(a), cell(b), cell(1), cell(c)];

    expect(gradebookTotal(exercises, cells)).toEqual(expected);
  });

  test("has no percentage without a visible exercise", () => {
    const total = gradebookTotal([exercise("hidden", "hidden")], [cell(1)]);

    expect(total).toEqual({ earned: 0, possible: 0, percent: null });
  });
});

describe("toPercent", () => {
  test.each([
    [1, 100],
    [1 / 3, 33.33],
    [2 / 3, 66.67],
    [0.625, 62.5],
    [0, 0],
  ])("writes %d as %d", (fraction, expected) => {
    expect(toPercent(fraction)).toBe(expected);
  });
});

describe("median", () => {
  test.each([
    [[3], 3],
    [[4, 1, 2], 2],
    [[1, 2, 3, 10], 2.5],
  ])("median of %j is %d", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
