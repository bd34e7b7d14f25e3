import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { prepareExercise } from "@sawtooth/theory";

import type { Database } from "../client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { importCourse, readExerciseColumns } from "./course-import";
import type { ImportedExercise } from "./import-plan";

let testDatabase: TestDatabase;
let db: Database;

const DUE = new Date("2027-02-01T09:00:00Z");

beforeEach(async () => {
  testDatabase = createTestDatabase();
  db = testDatabase.db;
  await db.course.create({
    data: {
      id: "c1",
      slug: "c1",
      title: "Course",
      description: "About",
      exercises: {
        create: [
          {
            id: "e1",
            slug: "e1",
            title: "E1",
            position: 0,
            visibility: "visible",
            dueDate: DUE,
            versions: { create: [{ version: 1, definition: '{"id":"e1","n":1}' }] },
          },
          {
            id: "e2",
            slug: "e2",
            title: "E2",
            position: 1,
            versions: { create: [{ version: 1, definition: '{"id":"e2"}' }] },
          },
        ],
      },
    },
  });
});

afterEach(async () => {
  await testDatabase.remove();
});

function file(slug: string, changes: Partial<ImportedExercise> = {}): ImportedExercise {
  const definition = slug === "e1" ? '{"id":"e1","n":1}' : `{"id":"${slug}"}`;
  const title = slug.toUpperCase();
  return { slug, title, attemptLimit: null, showTarget: false, definition, ...changes };
}

async function exercise(slug: string) {
  return db.exercise.findUniqueOrThrow({
    where: { courseId_slug: { courseId: "c1", slug } },
    include: { versions: { orderBy: { version: "asc" } } },
  });
}

async function courseOrder(): Promise<string[]> {
  const rows = await db.exercise.findMany({
    where: { courseId: "c1" },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
  return rows.map((row) => row.slug);
}

describe("importCourse exercises", () => {
  test("creates, versions and leaves unchanged", async () => {
    const report = await importCourse(db, "c1", {
      exercises: [file("e1"), file("e2", { definition: '{"id":"e2","n":2}' }), file("new")],
      course: null,
    });

    expect(report).toEqual({
      created: ["new"],
      updated: ["e2"],
      wordingChanged: [],
      settingsChanged: [],
      unchanged: ["e1"],
      courseChanges: [],
    });
    expect((await exercise("e1")).versions).toHaveLength(1);
    expect((await exercise("e2")).versions.map((version) => version.definition)).toEqual([
      '{"id":"e2"}',
      '{"id":"e2","n":2}',
    ]);
    expect(await exercise("new")).toMatchObject({ visibility: "hidden", position: 2 });
  });

  test("keeps due date and visibility that a file leaves out", async () => {
    await importCourse(db, "c1", { exercises: [file("e1")], course: null });

    expect(await exercise("e1")).toMatchObject({ visibility: "visible", dueDate: DUE });
  });

  test("sets due date and visibility without a new version", async () => {
    const report = await importCourse(db, "c1", {
      exercises: [
        file("e1", { dueDate: null, visibility: "hidden" }),
        file("e2", { dueDate: DUE }),
        file("new", { dueDate: DUE, visibility: "visible" }),
      ],
      course: null,
    });

    expect(report.settingsChanged).toEqual(["e1", "e2"]);
    expect(report.unchanged).toEqual([]);
    expect(await exercise("e1")).toMatchObject({ visibility: "hidden", dueDate: null });
    expect((await exercise("e1")).versions).toHaveLength(1);
    expect(await exercise("e2")).toMatchObject({ visibility: "visible", dueDate: DUE });
    expect(await exercise("new")).toMatchObject({ visibility: "visible", dueDate: DUE });
  });

  test("counts equal settings as unchanged", async () => {
    const report = await importCourse(db, "c1", {
      exercises: [file("e1", { dueDate: new Date(DUE), visibility: "visible" })],
      course: null,
    });

    expect(report.unchanged).toEqual(["e1"]);
    expect(report.settingsChanged).toEqual([]);
  });

  test("compares definitions without their settings fields", async () => {
    await db.exerciseVersion.create({
      data: { exerciseId: "e2", version: 2, definition: '{"id":"e2","visibility":"hidden"}' },
    });

    const report = await importCourse(db, "c1", { exercises: [file("e2")], course: null });

    expect(report.unchanged).toEqual(["e2"]);
    expect((await exercise("e2")).versions).toHaveLength(2);
  });

  test("compares definitions by meaning", async () => {
    const tent = {
      id: "e2",
      title: "E2",
      statement: "Build h2.",
      domain: "R",
      target: { kind: "tent", variant: "h2" },
      reference: { layers: [{ weights: [[1]], biases: ["-1/2"] }] },
    };
    await db.exerciseVersion.create({
      data: { exerciseId: "e2", version: 2, definition: JSON.stringify(tent) },
    });
    const reformatted = { ...tent, domain: [null, null], scoring: { mode: "all-or-nothing" } };

    const report = await importCourse(db, "c1", {
      exercises: [file("e2", { definition: JSON.stringify(reformatted, null, 2), dueDate: DUE })],
      course: null,
    });

    expect(report.settingsChanged).toEqual(["e2"]);
    expect((await exercise("e2")).versions).toHaveLength(2);
  });

  test("stores new wording in the newest version", async () => {
    const tent = {
      id: "e2",
      title: "E2",
      statement: "Build h2.",
      domain: "R",
      target: { kind: "tent", variant: "h2" },
      reference: { layers: [{ weights: [[1]], biases: ["-1/2"] }] },
    };
    await db.exerciseVersion.create({
      data: { exerciseId: "e2", version: 2, definition: JSON.stringify(tent) },
    });
    const reworded = JSON.stringify({ ...tent, title: "Tent", statement: "Build a tent." });

    const report = await importCourse(db, "c1", {
      exercises: [file("e2", { title: "Tent", definition: reworded })],
      course: null,
    });

    expect(report.wordingChanged).toEqual(["e2"]);
    expect(report.updated).toEqual([]);
    const stored = await exercise("e2");
    expect(stored.title).toBe("Tent");
    expect(stored.versions.map((version) => version.definition)).toEqual(['{"id":"e2"}', reworded]);
  });
});

describe("importCourse course.json", () => {
  const info = { title: "Course", description: "About" };

  test("reports no change for equal settings", async () => {
    const report = await importCourse(db, "c1", {
      exercises: [file("e1"), file("e2")],
      course: { ...info, acceptLate: false, order: ["e1", "e2"] },
    });

    expect(report.courseChanges).toEqual([]);
    expect(report.unchanged).toEqual(["e1", "e2"]);
  });

  test("stores and reports each changed setting", async () => {
    const report = await importCourse(db, "c1", {
      exercises: [file("e2"), file("e1")],
      course: { title: "New", description: "Other", acceptLate: true, order: ["e2", "e1"] },
    });

    expect(report.courseChanges).toEqual(["title", "description", "acceptLate", "order"]);
    const course = await db.course.findUniqueOrThrow({ where: { id: "c1" } });
    expect(course).toMatchObject({ title: "New", description: "Other", acceptLate: true });
    expect(await courseOrder()).toEqual(["e2", "e1"]);
  });

  test("keeps the late rule when course.json leaves it out", async () => {
    await db.course.update({ where: { id: "c1" }, data: { acceptLate: true } });

    const report = await importCourse(db, "c1", { exercises: [], course: info });

    expect(report.courseChanges).toEqual([]);
    expect((await db.course.findUniqueOrThrow({ where: { id: "c1" } })).acceptLate).toBe(true);
  });

  test("puts listed exercises first and the others after", async () => {
    const report = await importCourse(db, "c1", {
      exercises: [file("new"), file("e2")],
      course: { ...info, order: ["new", "e2"] },
    });

    expect(await courseOrder()).toEqual(["new", "e2", "e1"]);
    expect(report.courseChanges).toEqual(["order"]);
  });

  test("places new exercises without reporting an order change", async () => {
    const report = await importCourse(db, "c1", {
      exercises: [file("e1"), file("new"), file("e2")],
      course: { ...info, order: ["e1", "new", "e2"] },
    });

    expect(await courseOrder()).toEqual(["e1", "new", "e2"]);
    expect(report.courseChanges).toEqual([]);
  });
});

describe("readExerciseColumns", () => {
  const tent = {
    id: "tent",
    title: "Tent",
    statement: "Build h2.",
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    reference: {
      layers: [
        { weights: [[1], [1]], biases: [0, "-1/2"] },
        { weights: [[2, -4]], biases: [0] },
      ],
    },
    attemptLimit: 3,
    reveal: { targetPlot: false },
  };

  function columnsOf(value: Record<string, unknown>) {
    const prepared = prepareExercise(value);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    return readExerciseColumns(prepared.prepared.exercise, JSON.stringify(value, null, 2));
  }

  test("reads settings and removes them from the definition", () => {
    const columns = columnsOf({
      ...tent,
      visibility: "visible",
      dueDate: "2027-02-01T10:00:00+01:00",
    });

    expect(columns).toMatchObject({
      slug: "tent",
      title: "Tent",
      attemptLimit: 3,
      showTarget: false,
    });
    expect(columns.visibility).toBe("visible");
    expect(columns.dueDate).toEqual(DUE);
    expect(columns.definition).toBe(JSON.stringify(tent, null, 2));
  });

  test("keeps a null due date apart from a missing one", () => {
    expect(columnsOf({ ...tent, dueDate: null }).dueDate).toBeNull();
    expect(columnsOf(tent)).not.toHaveProperty("dueDate");
    expect(columnsOf(tent)).not.toHaveProperty("visibility");
  });
});
