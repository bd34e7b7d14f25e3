import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import {
  createExercise,
  exerciseRevision,
  findExerciseForAdmin,
  findExerciseVersion,
  listExerciseDefinitions,
  listExercisesForAdmin,
  saveExerciseVersion,
  setExerciseVisibility,
} from "./exercises";
import { courseSettingsRevision, updateCourseSettings } from "./settings";

let testDatabase: TestDatabase;

const columns = { title: "Tent", attemptLimit: null, dueDate: null, showTarget: true };

beforeEach(async () => {
  testDatabase = createTestDatabase();
  await testDatabase.db.course.create({ data: { id: "c1", slug: "c1", title: "Course" } });
});

afterEach(async () => {
  await testDatabase.remove();
});

describe("createExercise", () => {
  test("creates a hidden exercise with version 1 at the end", async () => {
    const { db } = testDatabase;
    await createExercise(db, "c1", { ...columns, slug: "a", definition: '{"id":"a"}' });
    const result = await createExercise(db, "c1", { ...columns, slug: "b", definition: "{}" });

    expect(result.status).toBe("created");
    const rows = await listExercisesForAdmin(db, "c1");
    expect(rows.map((row) => [row.slug, row.position, row.visibility, row.newestVersion])).toEqual([
      ["a", 0, "hidden", 1],
      ["b", 1, "hidden", 1],
    ]);
  });

  test("reports a duplicate id", async () => {
    const { db } = testDatabase;
    await createExercise(db, "c1", { ...columns, slug: "a", definition: "{}" });
    const result = await createExercise(db, "c1", { ...columns, slug: "a", definition: "{}" });
    expect(result).toEqual({ status: "duplicate-slug" });
  });
});

describe("saveExerciseVersion", () => {
  test("adds a version only when the definition changes", async () => {
    const { db } = testDatabase;
    await createExercise(db, "c1", { ...columns, slug: "a", definition: "v1" });
    const exercise = await findExerciseForAdmin(db, "c1", "a");
    const id = exercise!.id;

    const same = await saveExerciseVersion(db, id, { ...columns, title: "New", definition: "v1" });
    const changed = await saveExerciseVersion(db, id, { ...columns, definition: "v2" });

    expect(same).toMatchObject({ number: 1, created: false, columnsChanged: true });
    expect(changed).toMatchObject({ number: 2, created: true, columnsChanged: true });
    const stored = await findExerciseForAdmin(db, "c1", "a");
    expect(stored?.definition).toBe("v2");
    expect(stored?.versions.map((version) => version.number)).toEqual([2, 1]);
    expect((await findExerciseVersion(db, id, 1))?.definition).toBe("v1");
    expect(await findExerciseVersion(db, id, 3)).toBeNull();
  });

  test("keeps the version for equal meaning", async () => {
    const { db } = testDatabase;
    const file = {
      id: "a",
      title: "Tent",
      statement: "Build h2.",
      domain: "R",
      target: { kind: "tent", variant: "h2" },
      reference: { layers: [{ weights: [[1]], biases: ["-1/2"] }] },
    };
    const reformatted = { ...file, domain: [null, null], constraints: { inputs: 1 }, tags: [] };
    await createExercise(db, "c1", { ...columns, slug: "a", definition: JSON.stringify(file) });
    const { id } = (await findExerciseForAdmin(db, "c1", "a"))!;
    const dueDate = new Date("2027-02-01T10:00:00Z");

    const saved = await saveExerciseVersion(db, id, {
      ...columns,
      dueDate,
      definition: JSON.stringify(reformatted, null, 2),
    });
    const again = await saveExerciseVersion(db, id, { ...columns, dueDate, definition: "{}" });

    expect(saved).toMatchObject({ number: 1, created: false, columnsChanged: true });
    expect(again).toMatchObject({ number: 2, created: true, columnsChanged: false });
    expect((await findExerciseForAdmin(db, "c1", "a"))?.dueDate).toEqual(dueDate);
    expect((await findExerciseVersion(db, id, 1))?.definition).toBe(JSON.stringify(file));
  });

  test("stores the columns", async () => {
    const { db } = testDatabase;
    await createExercise(db, "c1", { ...columns, slug: "a", definition: "v1" });
    const { id } = (await findExerciseForAdmin(db, "c1", "a"))!;
    const dueDate = new Date("2027-02-01T10:00:00Z");

    await saveExerciseVersion(db, id, {
      title: "Renamed",
      attemptLimit: 3,
      dueDate,
      showTarget: false,
      definition: "v1",
    });

    const stored = await findExerciseForAdmin(db, "c1", "a");
    expect(stored).toMatchObject({ title: "Renamed", attemptLimit: 3, dueDate, showTarget: false });
  });
});

describe("saveExerciseVersion wording and revisions", () => {
  const tent = {
    id: "a",
    title: "Tent",
    statement: "Build h2.",
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    reference: { layers: [{ weights: [[1]], biases: ["-1/2"] }] },
  };
  const text = (changes: Record<string, unknown> = {}) => JSON.stringify({ ...tent, ...changes });

  async function createTent() {
    const { db } = testDatabase;
    await createExercise(db, "c1", { ...columns, slug: "a", definition: text() });
    return (await findExerciseForAdmin(db, "c1", "a"))!;
  }

  test("stores a wording change in place", async () => {
    const { db } = testDatabase;
    const { id, revision } = await createTent();
    const reworded = text({ title: "Renamed", statement: "Build a tent.", tags: ["x"] });

    const saved = await saveExerciseVersion(db, id, {
      ...columns,
      title: "Renamed",
      definition: reworded,
      revision,
    });

    expect(saved).toMatchObject({ status: "saved", number: 1, created: false });
    expect(saved).toMatchObject({ wordingChanged: true, columnsChanged: true });
    const stored = await findExerciseForAdmin(db, "c1", "a");
    expect(stored?.versions).toHaveLength(1);
    expect(stored?.definition).toBe(reworded);
    expect(stored?.title).toBe("Renamed");
    expect(saved.status === "saved" && saved.revision).toBe(stored?.revision);
  });

  test("adds a version for a grading change", async () => {
    const { db } = testDatabase;
    const { id } = await createTent();

    const saved = await saveExerciseVersion(db, id, {
      ...columns,
      definition: text({ statement: "Wider.", domain: [0, 2] }),
    });

    expect(saved).toMatchObject({ number: 2, created: true, wordingChanged: false });
    expect((await findExerciseVersion(db, id, 1))?.definition).toBe(text());
  });

  test("marks a version that repeats an earlier one", async () => {
    const { db } = testDatabase;
    const { id } = await createTent();
    const wider = await saveExerciseVersion(db, id, {
      ...columns,
      definition: text({ domain: [0, 2] }),
    });

    const restored = await saveExerciseVersion(db, id, {
      ...columns,
      definition: text({ statement: "Build h2 again.", tags: ["restored"] }),
    });
    const again = await saveExerciseVersion(db, id, {
      ...columns,
      definition: text({ domain: [0, 2], title: "Wider" }),
    });

    expect(wider).toMatchObject({ number: 2, created: true, sameDefinitionAs: null });
    expect(restored).toMatchObject({ number: 3, created: true, sameDefinitionAs: 1 });
    expect(again).toMatchObject({ number: 4, created: true, sameDefinitionAs: 2 });
    const stored = await findExerciseForAdmin(db, "c1", "a");
    expect(stored?.versions.map((version) => [version.number, version.sameDefinitionAs])).toEqual([
      [4, 2],
      [3, 1],
      [2, null],
      [1, null],
    ]);
  });

  test("marks no repeat for a wording change", async () => {
    const { db } = testDatabase;
    const { id } = await createTent();

    const saved = await saveExerciseVersion(db, id, {
      ...columns,
      definition: text({ statement: "Reworded." }),
    });

    expect(saved).toMatchObject({ number: 1, created: false, sameDefinitionAs: null });
  });

  test("rejects a save from a stale revision", async () => {
    const { db } = testDatabase;
    const { id, revision } = await createTent();
    const first = await saveExerciseVersion(db, id, {
      ...columns,
      definition: text({ statement: "First edit." }),
      revision,
    });

    const second = await saveExerciseVersion(db, id, {
      ...columns,
      definition: text({ title: "Second edit" }),
      revision,
    });

    expect(first.status).toBe("saved");
    expect(second).toMatchObject({ status: "conflict" });
    expect(second.status === "conflict" && second.changedAt).toBeInstanceOf(Date);
    const stored = await findExerciseForAdmin(db, "c1", "a");
    expect(stored?.definition).toBe(text({ statement: "First edit." }));
  });

  test("revision changes with columns and wording only", async () => {
    const newest = { id: "v1", definition: text() };
    const base = exerciseRevision({ ...columns, newest });

    expect(exerciseRevision({ ...columns, newest })).toBe(base);
    expect(exerciseRevision({ ...columns, dueDate: new Date(0), newest })).not.toBe(base);
    const reworded = { ...newest, definition: text({ statement: "New." }) };
    expect(exerciseRevision({ ...columns, newest: reworded })).not.toBe(base);
  });
});

describe("admin exercise queries", () => {
  test("setExerciseVisibility publishes and hides", async () => {
    const { db } = testDatabase;
    await createExercise(db, "c1", { ...columns, slug: "a", definition: "v1" });
    const { id } = (await findExerciseForAdmin(db, "c1", "a"))!;

    await setExerciseVisibility(db, id, "visible");
    expect((await findExerciseForAdmin(db, "c1", "a"))?.visibility).toBe("visible");
    await setExerciseVisibility(db, id, "hidden");
    expect((await findExerciseForAdmin(db, "c1", "a"))?.visibility).toBe("hidden");
  });

  test("findExerciseForAdmin stays inside its course", async () => {
    const { db } = testDatabase;
    await db.course.create({ data: { id: "c2", slug: "c2", title: "Other" } });
    await createExercise(db, "c2", { ...columns, slug: "a", definition: "v1" });
    expect(await findExerciseForAdmin(db, "c1", "a")).toBeNull();
  });

  test("listExerciseDefinitions returns newest definitions", async () => {
    const { db } = testDatabase;
    await createExercise(db, "c1", { ...columns, slug: "a", definition: "v1" });
    const { id } = (await findExerciseForAdmin(db, "c1", "a"))!;
    await saveExerciseVersion(db, id, { ...columns, definition: "v2" });
    expect(await listExerciseDefinitions(db, "c1")).toEqual([
      { slug: "a", definition: "v2", visibility: "hidden", dueDate: null },
    ]);
  });

  test("updateCourseSettings stores the settings", async () => {
    const { db } = testDatabase;
    const revision = courseSettingsRevision(
      await db.course.findUniqueOrThrow({ where: { id: "c1" } }),
    );
    const settings = { title: "T", description: "D", acceptLate: true };

    const result = await updateCourseSettings(db, "c1", settings, revision);

    const course = await db.course.findUniqueOrThrow({ where: { id: "c1" } });
    expect(course).toMatchObject(settings);
    expect(result).toEqual({ status: "saved", revision: courseSettingsRevision(settings) });
  });

  test("updateCourseSettings rejects a stale revision", async () => {
    const { db } = testDatabase;
    const stale = courseSettingsRevision(
      await db.course.findUniqueOrThrow({ where: { id: "c1" } }),
    );
    const first = await updateCourseSettings(
      db,
      "c1",
      { title: "From tab 2", description: "", acceptLate: false },
      stale,
    );
    const storedAfterFirst = await db.course.findUniqueOrThrow({ where: { id: "c1" } });

    const second = await updateCourseSettings(
      db,
      "c1",
      { title: "C1", description: "From tab 1", acceptLate: false },
      stale,
    );

    expect(first.status).toBe("saved");
    expect(second).toEqual({ status: "conflict", changedAt: storedAfterFirst.updatedAt });
    const course = await db.course.findUniqueOrThrow({ where: { id: "c1" } });
    expect(course.title).toBe("From tab 2");
    expect(course.description).toBe("");
  });

  test("updateCourseSettings saves one of four concurrent saves", async () => {
    const { db } = testDatabase;
    const revision = courseSettingsRevision(
      await db.course.findUniqueOrThrow({ where: { id: "c1" } }),
    );
    const save = (title: string) =>
      updateCourseSettings(db, "c1", { title, description: "", acceptLate: false }, revision);

    const results = await Promise.all([save("A"), save("B"), save("C"), save("D")]);

    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual(["conflict", "conflict", "conflict", "saved"]);
  });
});
