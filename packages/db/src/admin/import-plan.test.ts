import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { Database } from "../client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { applyCourseImport, planCourseImport } from "./course-import";
import { saveExerciseVersion } from "./exercises";
import type { CourseImport, ImportedExercise } from "./import-plan";

let testDatabase: TestDatabase;
let db: Database;

const DUE = new Date("2027-02-01T09:00:00Z");
const LATER = new Date("2027-03-01T09:00:00Z");

/** Returns an exercise file without settings fields, as the database stores a definition. */
function definition(slug: string, changes: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: slug,
    title: slug.toUpperCase(),
    statement: "Build h2.",
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    reference: { layers: [{ weights: [[1]], biases: ["-1/2"] }] },
    ...changes,
  });
}

/** The columns and definition of `slug`'s file, as stored unless `changes` sets them. */
function file(slug: string, changes: Partial<ImportedExercise> = {}): ImportedExercise {
  return {
    slug,
    title: slug.toUpperCase(),
    attemptLimit: null,
    showTarget: true,
    definition: definition(slug),
    ...changes,
  };
}

beforeEach(async () => {
  testDatabase = createTestDatabase();
  db = testDatabase.db;
  const exercises = ["same", "graded", "worded", "dated", "kept"].map((slug, position) => ({
    id: slug,
    slug,
    title: slug.toUpperCase(),
    position,
    showTarget: true,
    visibility: slug === "dated" ? "hidden" : "visible",
    dueDate: DUE,
    versions: { create: [{ id: `${slug}-v1`, version: 1, definition: definition(slug) }] },
  }));
  await db.course.create({
    data: {
      id: "c1",
      slug: "c1",
      title: "Course",
      description: "About",
      exercises: { create: exercises },
    },
  });
});

afterEach(async () => {
  await testDatabase.remove();
});

/** Everything an import can write, to compare before and after. */
async function snapshot() {
  const course = await db.course.findUniqueOrThrow({ where: { id: "c1" } });
  const exercises = await db.exercise.findMany({
    where: { courseId: "c1" },
    include: { versions: { orderBy: { version: "asc" } } },
    orderBy: { slug: "asc" },
  });
  return { course, exercises };
}

/** Files that make every kind of change, and course.json that reorders and renames. */
const MIXED: CourseImport = {
  exercises: [
    file("same"),
    file("graded", { definition: definition("graded", { domain: [0, 1] }) }),
    file("worded", {
      title: "Worded anew",
      definition: definition("worded", { title: "Worded anew", statement: "Build a tent." }),
      dueDate: LATER,
    }),
    file("dated", { dueDate: LATER, visibility: "visible" }),
    file("fresh"),
  ],
  course: {
    title: "Renamed",
    description: "About",
    order: ["fresh", "graded", "same", "worded", "dated"],
  },
};

describe("planCourseImport", () => {
  test("plans each kind of exercise change", async () => {
    const plan = await planCourseImport(db, "c1", MIXED);

    expect(plan.exercises).toEqual([
      {
        slug: "same",
        change: "none",
        version: 1,
        wording: [],
        settings: [],
        visibility: "visible",
      },
      {
        slug: "graded",
        change: "version",
        version: 2,
        wording: [],
        settings: [],
        visibility: "visible",
      },
      {
        slug: "worded",
        change: "wording",
        version: 1,
        wording: ["title", "statement"],
        settings: ["dueDate"],
        visibility: "visible",
      },
      {
        slug: "dated",
        change: "settings",
        version: 1,
        wording: [],
        settings: ["dueDate", "visibility"],
        visibility: "visible",
      },
      {
        slug: "fresh",
        change: "created",
        version: 1,
        wording: [],
        settings: [],
        visibility: "hidden",
      },
    ]);
    expect(plan.kept).toEqual(["kept"]);
  });

  test("plans course.json's settings and order", async () => {
    const plan = await planCourseImport(db, "c1", MIXED);

    expect(plan.course.changes).toEqual(["title", "order"]);
    expect(plan.course.before).toEqual({
      title: "Course",
      description: "About",
      acceptLate: false,
    });
    expect(plan.course.after).toEqual({
      title: "Renamed",
      description: "About",
      acceptLate: false,
    });
    expect(plan.course.order).toEqual(["fresh", "graded", "same", "worded", "dated", "kept"]);
  });

  test("names the settings the file changes", async () => {
    const plan = await planCourseImport(db, "c1", {
      exercises: [
        file("same", {
          attemptLimit: 3,
          showTarget: false,
          definition: definition("same", { attemptLimit: 3, reveal: { targetPlot: false } }),
        }),
        file("dated", { dueDate: null }),
      ],
      course: null,
    });

    expect(plan.exercises[0]).toMatchObject({
      change: "version",
      version: 2,
      settings: ["attemptLimit", "showTarget"],
    });
    expect(plan.exercises[1]).toMatchObject({ change: "settings", settings: ["dueDate"] });
    expect(plan.course.changes).toEqual([]);
    expect(plan.kept).toEqual(["graded", "worded", "kept"]);
  });

  test("writes nothing", async () => {
    const before = await snapshot();

    await planCourseImport(db, "c1", MIXED);

    expect(await snapshot()).toEqual(before);
  });
});

describe("applyCourseImport", () => {
  test("writes what the plan lists", async () => {
    const plan = await planCourseImport(db, "c1", MIXED);

    const applied = await applyCourseImport(db, "c1", MIXED, plan.revision);

    expect(applied).toEqual({ status: "imported", plan });
    const { course, exercises } = await snapshot();
    const bySlug = new Map(exercises.map((exercise) => [exercise.slug, exercise]));
    for (const planned of plan.exercises) {
      const stored = bySlug.get(planned.slug);
      const imported = MIXED.exercises.find((exercise) => exercise.slug === planned.slug);
      expect(stored?.versions.length, planned.slug).toBe(planned.version);
      expect(stored?.versions.at(-1)?.definition, planned.slug).toBe(imported?.definition);
      expect(stored?.visibility, planned.slug).toBe(planned.visibility);
      expect(stored?.title, planned.slug).toBe(imported?.title);
    }
    expect(bySlug.get("worded")?.dueDate).toEqual(LATER);
    expect(bySlug.get("worded")?.versions[0]?.id).toBe("worded-v1");
    expect(bySlug.get("kept")?.versions).toHaveLength(1);
    expect(course.title).toBe("Renamed");
    const order = [...exercises].sort((a, b) => a.position - b.position).map((row) => row.slug);
    expect(order).toEqual(plan.course.order);
  });

  test("leaves nothing to do on a second import", async () => {
    const plan = await planCourseImport(db, "c1", MIXED);
    await applyCourseImport(db, "c1", MIXED, plan.revision);

    const again = await planCourseImport(db, "c1", MIXED);

    expect(again.exercises.map((exercise) => exercise.change)).toEqual([
      "none",
      "none",
      "none",
      "none",
      "none",
    ]);
    expect(again.course.changes).toEqual([]);
    expect(again.revision).not.toBe(plan.revision);
  });

  test("rejects a plan older than an editor save", async () => {
    const plan = await planCourseImport(db, "c1", MIXED);
    const edited = definition("worded", { statement: "Edited in the browser." });
    const columns = { title: "WORDED", attemptLimit: null, dueDate: DUE, showTarget: true };
    await saveExerciseVersion(db, "worded", { ...columns, definition: edited });
    const before = await snapshot();

    const applied = await applyCourseImport(db, "c1", MIXED, plan.revision);

    expect(applied).toEqual({ status: "stale" });
    expect(await snapshot()).toEqual(before);
    const replanned = await planCourseImport(db, "c1", MIXED);
    expect(replanned.revision).not.toBe(plan.revision);
    expect(replanned.exercises[2]).toMatchObject({
      change: "wording",
      wording: ["title", "statement"],
    });
  });

  test("rejects a plan older than another import", async () => {
    const plan = await planCourseImport(db, "c1", MIXED);
    const other: CourseImport = { exercises: [file("other")], course: null };
    await applyCourseImport(db, "c1", other, null);
    const before = await snapshot();

    const applied = await applyCourseImport(db, "c1", MIXED, plan.revision);

    expect(applied).toEqual({ status: "stale" });
    expect(await snapshot()).toEqual(before);
  });

  test.each([
    ["course settings", { table: "course", data: { description: "Changed" } }],
    ["a visibility", { table: "exercise", data: { visibility: "hidden" } }],
    ["a position", { table: "exercise", data: { position: 9 } }],
  ] as const)("rejects a plan older than a change of %s", async (_name, { table, data }) => {
    const plan = await planCourseImport(db, "c1", MIXED);
    if (table === "course") await db.course.update({ where: { id: "c1" }, data });
    else await db.exercise.update({ where: { id: "kept" }, data });
    const before = await snapshot();

    const applied = await applyCourseImport(db, "c1", MIXED, plan.revision);

    expect(applied).toEqual({ status: "stale" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("applyCourseImport during a save", () => {
  test("waits for the save and rejects the plan", async () => {
    const plan = await planCourseImport(db, "c1", MIXED);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let markLocked = () => {};
    const locked = new Promise<void>((resolve) => (markLocked = resolve));
    const save = db.$transaction(async (tx) => {
      await tx.exercise.update({ where: { id: "kept" }, data: { title: "Saved meanwhile" } });
      markLocked();
      await released;
    });
    await locked;

    const applying = applyCourseImport(db, "c1", MIXED, plan.revision);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await save;

    expect(await applying).toEqual({ status: "stale" });
    expect((await snapshot()).course.title).toBe("Course");
  });
});
