import { readFileSync } from "node:fs";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { checkExerciseForm } from "@/lib/exercise-check";
import { definitionToForm } from "@/lib/exercise-form";
import {
  createCourseFixture,
  FIXTURE,
  readExerciseFile,
  storedRevision,
  TENT_H2_WEIGHTS,
  TENT_H2_WRONG,
} from "@/testing/course-fixture";
import { checkThenImport } from "@/testing/import-steps";

import { overrideScoreRequest } from "../review/attempt-review";
import { submitAttempt } from "../submissions";
import type { AdminContext } from "./admin-access";
import { saveExercise, setVisibility } from "./exercise-editor";
import { applyRegradeRequest, previewRegrade } from "./regrade";

let testDatabase: TestDatabase;
let db: Database;
let admin: AdminContext;

const ADMIN = FIXTURE.admin;
const courseSlug = FIXTURE.courseSlug;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  db = testDatabase.db;
  await createCourseFixture(db);
  admin = { db, userId: ADMIN, now: new Date("2027-01-15T12:00:00Z") };
});

afterEach(async () => {
  await testDatabase.remove();
});

/** Returns the parsed exercise file `id` with `changes` merged into its top level. */
function exerciseJson(id: string, changes: Record<string, unknown> = {}): string {
  const file = JSON.parse(readExerciseFile(id)) as Record<string, unknown>;
  return JSON.stringify({ ...file, ...changes });
}

/** The tent-h2 file whose reference is the known-wrong network, so its self-test fails. */
const FAILING_TENT = exerciseJson("tent-h2", { id: "tent-bad", reference: TENT_H2_WRONG });

/** {@link FAILING_TENT} set to be visible to students. */
const PUBLISHED_FAILING_TENT = exerciseJson("tent-h2", {
  id: "tent-bad",
  reference: TENT_H2_WRONG,
  visibility: "visible",
});

async function versionsOf(slug: string): Promise<string[]> {
  const exercise = await db.exercise.findUniqueOrThrow({
    where: { courseId_slug: { courseId: FIXTURE.course, slug } },
    select: { versions: { orderBy: { version: "asc" }, select: { definition: true } } },
  });
  return exercise.versions.map((version) => version.definition);
}

async function visibilityOf(slug: string): Promise<string> {
  const exercise = await db.exercise.findUniqueOrThrow({
    where: { courseId_slug: { courseId: FIXTURE.course, slug } },
  });
  return exercise.visibility;
}

describe("saveExercise", () => {
  test("creates a hidden exercise at version 1", async () => {
    const definition = exerciseJson("tent-h2", { id: "tent-copy", title: "Copy" });

    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition,
      dueDate: "2027-02-01T09:00:00Z",
    });

    expect(result.status).toBe("saved");
    expect(result).toMatchObject({ slug: "tent-copy", version: 1, createdVersion: true });
    const stored = await db.exercise.findUniqueOrThrow({
      where: { courseId_slug: { courseId: FIXTURE.course, slug: "tent-copy" } },
    });
    expect(stored.title).toBe("Copy");
    expect(stored.visibility).toBe("hidden");
    expect(stored.dueDate?.toISOString()).toBe("2027-02-01T09:00:00.000Z");
    const text = `${JSON.stringify(JSON.parse(definition), null, 2)}\n`;
    expect(await versionsOf("tent-copy")).toEqual([text]);
  });

  test("adds a version only when the file changes", async () => {
    const edited = exerciseJson("tent-h2", { attemptLimit: 7 });
    const request = { courseSlug, exerciseSlug: "tent-h2", definition: edited, dueDate: "" };

    const first = await saveExercise(admin, {
      ...request,
      revision: await storedRevision(db, "tent-h2"),
    });
    const again = await saveExercise(admin, {
      ...request,
      revision: await storedRevision(db, "tent-h2"),
    });

    expect(first).toMatchObject({ status: "saved", version: 2, createdVersion: true });
    expect(again).toMatchObject({ status: "saved", version: 2, createdVersion: false });
    expect(await versionsOf("tent-h2")).toHaveLength(2);
  });

  test("keeps the version for a due date change", async () => {
    const form = definitionToForm(JSON.parse(readExerciseFile("tent-h2")), null);
    const { definition, errors } = checkExerciseForm(form);
    const dueDate = "2027-02-01T09:00:00.000Z";
    const request = { courseSlug, exerciseSlug: "tent-h2", definition, dueDate };

    const dueDateSaved = await saveExercise(admin, {
      ...request,
      revision: await storedRevision(db, "tent-h2"),
    });
    const again = await saveExercise(admin, {
      ...request,
      revision: await storedRevision(db, "tent-h2"),
    });

    expect(errors).toEqual([]);
    expect(definition).not.toBe(readExerciseFile("tent-h2"));
    const sameVersion = { status: "saved", version: 1, createdVersion: false };
    expect(dueDateSaved).toMatchObject({ ...sameVersion, columnsChanged: true });
    expect(again).toMatchObject({ ...sameVersion, columnsChanged: false });
    expect(await versionsOf("tent-h2")).toEqual([readExerciseFile("tent-h2")]);
    const stored = await db.exercise.findUniqueOrThrow({ where: { id: FIXTURE.tent } });
    expect(stored.dueDate?.toISOString()).toBe(dueDate);
  });

  test("rejects a changed id and a bad due date together", async () => {
    const definition = exerciseJson("tent-h2", { id: "renamed" });

    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: "tent-h2",
      definition,
      dueDate: "next week",
      revision: await storedRevision(db, "tent-h2"),
    });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.map((problem) => problem.path)).toEqual(["dueDate", "id"]);
    expect(await versionsOf("tent-h2")).toHaveLength(1);
  });

  test("rejects invalid JSON", async () => {
    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition: '{"id": ',
      dueDate: "",
    });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/not valid JSON/);
    expect(await db.exercise.count()).toBe(2);
  });

  test("reports every problem of a definition in one pass", async () => {
    const definition = exerciseJson("tent-h2", {
      id: "square",
      title: "",
      domain: "R",
      target: { kind: "polynomial", coefficients: ["0", "0", "1"], tolerance: "1/256" },
      constraints: { minDepth: 0 },
      reference: undefined,
    });

    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition,
      dueDate: "",
    });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.map((problem) => `${problem.field}: ${problem.message}`).sort()).toEqual([
      "Domain: a polynomial target needs a closed domain [lo, hi]: enter both ends",
      "Minimum depth: must be a whole number from 1 to 1,000,000",
      "Reference solution: is missing",
      "Title: is empty: enter a title",
    ]);
    expect(await db.exercise.count()).toBe(2);
  });

  test.each([
    [
      "a negative maximum error",
      { kind: "classification", points: [["0", 0]], maxError: "-1" },
      "Maximum error",
      "must be from 0 to 1, such as 0 or 1/10",
    ],
    [
      "a negative tolerance",
      { kind: "polynomial", coefficients: ["0", "1"], tolerance: "-1/256" },
      "Tolerance",
      "must be more than 0, such as 1/256",
    ],
  ])("rejects %s", async (_case, target, field, message) => {
    const definition = exerciseJson("tent-h2", { id: "bounds", domain: ["0", "1"], target });

    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition,
      dueDate: "",
    });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([[field, message]]);
    expect(await db.exercise.count()).toBe(2);
  });

  test("rejects a definition over the size limit with its size", async () => {
    const definition = exerciseJson("tent-h2", { id: "long", statement: "x".repeat(600_000) });

    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition,
      dueDate: "",
    });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.map((problem) => problem.message)).toEqual([
      "is 588 KiB, larger than the maximum of 512 KiB: shorten the statement or the networks",
    ]);
    expect(await db.exercise.count()).toBe(2);
  });

  test("rejects a new exercise with a taken id", async () => {
    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition: exerciseJson("tent-h2"),
      dueDate: "",
    });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.map((problem) => problem.path)).toEqual(["id"]);
    expect(await versionsOf("tent-h2")).toHaveLength(1);
  });

  test("stores a failing self-test only while hidden", async () => {
    const hidden = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition: FAILING_TENT,
      dueDate: "",
    });
    const published = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: "tent-h2",
      definition: exerciseJson("tent-h2", { reference: TENT_H2_WRONG }),
      dueDate: "",
      revision: await storedRevision(db, "tent-h2"),
    });

    expect(hidden).toMatchObject({ status: "saved", selfTest: { passed: false } });
    expect(published).toMatchObject({ status: "invalid", selfTest: { passed: false } });
    expect(await versionsOf("tent-h2")).toEqual([readExerciseFile("tent-h2")]);
  });
});

describe("setVisibility", () => {
  test("publishes an exercise whose self-test passes", async () => {
    const result = await setVisibility(admin, {
      courseSlug,
      exerciseSlug: "tent-h3",
      visible: true,
    });

    expect(result).toMatchObject({ status: "done", selfTest: { passed: true } });
    expect(await visibilityOf("tent-h3")).toBe("visible");
  });

  test("keeps an exercise hidden when its self-test fails", async () => {
    await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition: FAILING_TENT,
      dueDate: "",
    });

    const result = await setVisibility(admin, {
      courseSlug,
      exerciseSlug: "tent-bad",
      visible: true,
    });

    expect(result.status).toBe("self-test-failed");
    const failed = result.status === "self-test-failed" ? result.selfTest.cases : [];
    expect(failed.filter((testCase) => !testCase.passed).map((c) => c.path)).toContain("reference");
    expect(await visibilityOf("tent-bad")).toBe("hidden");
  });

  test("hides a published exercise", async () => {
    const result = await setVisibility(admin, {
      courseSlug,
      exerciseSlug: "tent-h2",
      visible: false,
    });

    expect(result).toEqual({ status: "done", visibility: "hidden", selfTest: null });
    expect(await visibilityOf("tent-h2")).toBe("hidden");
  });

  test("rejects a missing exercise", async () => {
    const result = await setVisibility(admin, {
      courseSlug,
      exerciseSlug: "no-such-exercise",
      visible: true,
    });
    expect(result.status).toBe("rejected");
  });
});

describe("importCourseFiles", () => {
  test("lists every problem and writes nothing", async () => {
    const before = await db.exerciseVersion.count();
    const files = [
      { name: "notes.txt", text: "hello" },
      { name: "exercises/broken.json", text: "{" },
      { name: "exercises/wrong-name.json", text: exerciseJson("tent-h2", { id: "tent-x" }) },
      { name: "exercises/tent-bad.json", text: PUBLISHED_FAILING_TENT },
      { name: "exercises/tent-h2.json", text: exerciseJson("tent-h2", { title: "A" }) },
      { name: "other/tent-h2.json", text: exerciseJson("tent-h2", { title: "B" }) },
      { name: "course.json", text: JSON.stringify({ slug: "elsewhere", title: "T" }) },
    ];

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    const places = problems.map((problem) => `${problem.file}:${problem.path}`);
    expect(places).toContain("notes.txt:");
    expect(places).toContain("exercises/broken.json:");
    expect(places).toContain("exercises/wrong-name.json:id");
    expect(places).toContain("exercises/tent-bad.json:reference");
    expect(places).toContain("exercises/tent-bad.json:visibility");
    expect(places).toContain("other/tent-h2.json:id");
    expect(places.filter((place) => place.startsWith("course.json:")).length).toBeGreaterThan(0);
    expect(places.some((place) => place.startsWith("exercises/tent-h2.json"))).toBe(false);
    expect(await db.exerciseVersion.count()).toBe(before);
    expect(await db.exercise.count()).toBe(2);
  });

  test("creates, updates and skips exercises", async () => {
    const course = JSON.parse(readCourseFile()) as Record<string, unknown>;
    const files = [
      { name: "tent-h2.json", text: readExerciseFile("tent-h2") },
      { name: "tent-h3.json", text: exerciseJson("tent-h3", { title: "Clipped, again" }) },
      { name: "tent-copy.json", text: exerciseJson("tent-h2", { id: "tent-copy" }) },
      {
        name: "course.json",
        text: JSON.stringify({
          ...course,
          slug: courseSlug,
          title: "Imported title",
          exercises: ["tent-h2", "tent-h3", "tent-copy"],
        }),
      },
    ];

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(result).toEqual({
      status: "imported",
      report: {
        created: ["tent-copy"],
        updated: [],
        wordingChanged: ["tent-h3"],
        settingsChanged: [],
        unchanged: ["tent-h2"],
        courseChanges: ["title", "description"],
      },
      plan: expect.objectContaining({ kept: [] }) as unknown,
      drafts: [],
    });
    expect(await versionsOf("tent-h3")).toHaveLength(1);
    expect(await visibilityOf("tent-copy")).toBe("hidden");
    const stored = await db.course.findUniqueOrThrow({ where: { id: FIXTURE.course } });
    expect(stored.title).toBe("Imported title");
  });

  test("applies visibility, due date, late rule and order", async () => {
    const files = [
      {
        name: "course/exercises/tent-h2.json",
        text: exerciseJson("tent-h2", { visibility: "hidden", dueDate: "2027-03-01T12:00:00Z" }),
      },
      {
        name: "course/exercises/tent-h3.json",
        text: exerciseJson("tent-h3", { visibility: "visible", dueDate: null }),
      },
      {
        name: "course/course.json",
        text: JSON.stringify({
          slug: courseSlug,
          title: "Theories of Deep Learning",
          description: "",
          acceptLate: true,
          exercises: ["tent-h3", "tent-h2"],
        }),
      },
    ];

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(result.status).toBe("imported");
    const report = result.status === "imported" ? result.report : null;
    expect(report?.courseChanges).toEqual(["acceptLate", "order"]);
    const rows = await db.exercise.findMany({
      where: { courseId: FIXTURE.course },
      orderBy: { position: "asc" },
    });
    expect(rows.map((row) => row.slug)).toEqual(["tent-h3", "tent-h2"]);
    expect(rows.map((row) => row.visibility)).toEqual(["visible", "hidden"]);
    expect(rows.map((row) => row.dueDate)).toEqual([null, new Date("2027-03-01T12:00:00Z")]);
    const stored = await db.course.findUniqueOrThrow({ where: { id: FIXTURE.course } });
    expect(stored.acceptLate).toBe(true);
  });

  test("reports an exercises list that misses files", async () => {
    const before = await db.exercise.findMany({ orderBy: { position: "asc" } });
    const files = [
      { name: "a.tar/exercises/tent-h2.json", text: exerciseJson("tent-h2", { title: "New" }) },
      { name: "a.tar/exercises/tent-h3.json", text: "{" },
      {
        name: "a.tar/exercises/tent-copy.json",
        text: exerciseJson("tent-h2", { id: "tent-copy" }),
      },
      {
        name: "a.tar/course.json",
        text: JSON.stringify({
          slug: courseSlug,
          title: "T",
          description: "",
          exercises: ["tent-h3", "sawtooth-f3", "tent-h2", "tent-h2"],
        }),
      },
    ];

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    const orderProblems = problems.filter((problem) => problem.file === "a.tar/course.json");
    expect(orderProblems).toEqual([
      {
        file: "a.tar/course.json",
        path: "exercises.1",
        message:
          'lists "sawtooth-f3", which has no exercise file sawtooth-f3.json: add the file or remove the id',
      },
      {
        file: "a.tar/course.json",
        path: "exercises.3",
        message: 'lists "tent-h2" twice: keep one of them',
      },
      {
        file: "a.tar/course.json",
        path: "exercises",
        message: 'does not list "tent-copy": add it where it belongs in the course',
      },
    ]);
    expect(await db.exercise.findMany({ orderBy: { position: "asc" } })).toEqual(before);
    expect((await db.course.findUniqueOrThrow({ where: { id: FIXTURE.course } })).title).toBe(
      "Theories of Deep Learning",
    );
  });

  test("reports the exercises list with the other problems of course.json", async () => {
    const files = [
      { name: "b.tar/exercises/tent-h2.json", text: "{" },
      {
        name: "b.tar/course.json",
        text: JSON.stringify({
          slug: courseSlug,
          title: "T",
          description: "",
          acceptLate: "yes",
          exercises: ["tent-h2", "tent-h2", "missing-one"],
        }),
      },
    ];

    const result = await checkThenImport(admin, { courseSlug, files });

    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.map((problem) => `${problem.file}:${problem.path}`)).toEqual([
      "b.tar/exercises/tent-h2.json:",
      "b.tar/course.json:acceptLate",
      "b.tar/course.json:exercises.1",
      "b.tar/course.json:exercises.2",
    ]);
  });

  test("reports a second course.json", async () => {
    const info = JSON.stringify({ slug: courseSlug, title: "T", description: "" });
    const files = [
      { name: "a/course.json", text: info },
      { name: "b/course.json", text: info },
    ];

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(result).toEqual({
      status: "invalid",
      problems: [
        {
          file: "b/course.json",
          path: "",
          message: "repeats a/course.json: import one course.json",
        },
      ],
    });
  });

  test("imports a hidden exercise whose self-test fails as a draft", async () => {
    const files = [{ name: "tent-bad.json", text: FAILING_TENT }];

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(result).toMatchObject({
      status: "imported",
      report: { created: ["tent-bad"] },
      drafts: [{ slug: "tent-bad", failing: ["reference"] }],
    });
    expect(await visibilityOf("tent-bad")).toBe("hidden");
  });

  test("rejects a failing self-test of a published exercise", async () => {
    const failing = exerciseJson("tent-h2", { reference: TENT_H2_WRONG });
    const files = [{ name: "tent-h2.json", text: failing }];

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.map((problem) => problem.path)).toEqual(["reference", "visibility"]);
    expect(problems[1]?.message).toBe(
      "is missing, so the exercise stays published, but its self-test fails: fix the failing " +
        'cases, or set "visibility": "hidden" to import it as a draft',
    );
    expect(await versionsOf("tent-h2")).toHaveLength(1);
  });

  test("hides a published exercise as a draft when its file says hidden", async () => {
    const failing = exerciseJson("tent-h2", { reference: TENT_H2_WRONG, visibility: "hidden" });
    const files = [{ name: "tent-h2.json", text: failing }];

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(result).toMatchObject({
      status: "imported",
      report: { updated: ["tent-h2"] },
      drafts: [{ slug: "tent-h2", failing: ["reference"] }],
    });
    expect(await visibilityOf("tent-h2")).toBe("hidden");
  });

  test("rejects an invalid due date with its place", async () => {
    const files = [
      { name: "tent-h2.json", text: exerciseJson("tent-h2", { dueDate: "tomorrow" }) },
    ];

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(result.status).toBe("invalid");
    const places =
      result.status === "invalid" ? result.problems.map((p) => `${p.file}:${p.path}`) : [];
    expect(places).toEqual(["tent-h2.json:dueDate"]);
  });
});

describe("previewRegrade and applyRegradeRequest", () => {
  let correctId: string;
  let wrongId: string;

  beforeEach(async () => {
    correctId = await submit(TENT_H2_WEIGHTS);
    wrongId = await submit(TENT_H2_WRONG);
    const override = await overrideScoreRequest(
      { db, userId: FIXTURE.tutor },
      { courseSlug, attemptId: wrongId, percent: "50", reason: "Right idea" },
    );
    expect(override.status).toBe("saved");
    // Version 2 targets h3 under the id tent-h2, so the correct h2 network becomes wrong.
    const saved = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: "tent-h2",
      definition: exerciseJson("tent-h3", { id: "tent-h2" }),
      dueDate: "",
      revision: await storedRevision(db, "tent-h2"),
    });
    expect(saved).toMatchObject({ status: "saved", version: 2 });
  });

  async function submit(network: unknown): Promise<string> {
    const result = await submitAttempt(
      { db, userId: FIXTURE.student, now: admin.now },
      { courseSlug, exerciseId: "tent-h2", submission: JSON.stringify(network) },
    );
    if (result.status !== "graded") throw new Error(`Expected a grade, got ${result.status}.`);
    return result.attempt.id;
  }

  const request = { courseSlug, exerciseSlug: "tent-h2", version: 2 };

  test("preview shows changes and stores nothing", async () => {
    const before = await db.attempt.findMany({ orderBy: { id: "asc" } });

    const result = await previewRegrade(admin, request);

    expect(result.status).toBe("preview");
    const preview = result.status === "preview" ? result.preview : null;
    const correctRow = preview?.rows.find((row) => row.attemptId === correctId);
    expect(correctRow).toMatchObject({
      oldVersion: 1,
      oldVerdict: "correct",
      oldScore: 1,
      newVerdict: "incorrect",
      changed: true,
    });
    const wrongRow = preview?.rows.find((row) => row.attemptId === wrongId);
    expect(wrongRow?.overrideScore).toBe(0.5);
    expect(preview?.overrideCount).toBe(1);
    expect(preview?.changedCount).toBe(preview?.rows.filter((row) => row.changed).length);
    expect(await db.attempt.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.regradeRun.count()).toBe(0);
  });

  test("apply stores grades and keeps overrides", async () => {
    const result = await applyRegradeRequest(admin, { ...request, keepOverrides: true });

    expect(result.status).toBe("applied");
    expect(result).toMatchObject({ summary: { attemptCount: 2, clearedOverrides: 0 } });
    const correct = await db.attempt.findUniqueOrThrow({
      where: { id: correctId },
      include: { exerciseVersion: true },
    });
    expect(correct.verdict).toBe("incorrect");
    expect(correct.exerciseVersion.version).toBe(2);
    const wrong = await db.attempt.findUniqueOrThrow({ where: { id: wrongId } });
    expect(wrong.overrideScore).toBe(0.5);
    const run = await db.regradeRun.findFirstOrThrow();
    expect(run.adminId).toBe(ADMIN);
    expect(run.keptOverrides).toBe(true);
  });

  test("apply clears overrides on request and logs each", async () => {
    const result = await applyRegradeRequest(admin, { ...request, keepOverrides: false });

    expect(result).toMatchObject({ status: "applied", summary: { clearedOverrides: 1 } });
    const wrong = await db.attempt.findUniqueOrThrow({ where: { id: wrongId } });
    expect(wrong.overrideScore).toBeNull();
    const log = await db.scoreOverride.findMany({
      where: { attemptId: wrongId },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((entry) => [entry.oldScore, entry.newScore, entry.tutorId])).toEqual([
      [wrong.score, 0.5, FIXTURE.tutor],
      [0.5, null, ADMIN],
    ]);
  });

  test("rejects a version that does not exist", async () => {
    const result = await previewRegrade(admin, { ...request, version: 9 });
    expect(result).toEqual({
      status: "rejected",
      message: "Version 9 not found: choose one of the listed versions.",
    });
  });
});

function readCourseFile(): string {
  const folder = path.join(
    import.meta.dirname,
    "../../../../../packages/courses/deep-learning-theory",
  );
  return readFileSync(path.join(folder, "course.json"), "utf8");
}
