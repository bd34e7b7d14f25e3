import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";
import { loadCourse } from "@sawtooth/theory/course";

import { readTar } from "@/lib/tar";
import { FIXTURE, readExerciseFile } from "@/testing/course-fixture";

import type { AdminContext } from "./admin-access";
import { importCourseFiles, type ImportFile } from "./course-import";
import { exportCourseArchive, exportExerciseFile } from "./export";

const ADMIN = "admin-1";
const courseSlug = FIXTURE.courseSlug;
const NOW = new Date("2027-01-15T12:00:00Z");

let source: TestDatabase;
let target: TestDatabase;

beforeEach(async () => {
  source = createTestDatabase();
  target = createTestDatabase();
  await createSourceCourse(source.db);
  await addAdmin(
    target.db,
    (await target.db.course.create({ data: { slug: courseSlug, title: "New" } })).id,
  );
});

afterEach(async () => {
  await source.remove();
  await target.remove();
});

async function addAdmin(db: Database, courseId: string): Promise<void> {
  await db.user.create({ data: { id: ADMIN, name: "Admin", email: "admin@example.com" } });
  await db.membership.create({ data: { userId: ADMIN, courseId, role: "admin" } });
}

/**
 * Builds a course with a description, late attempts refused, a published exercise with a due
 * date, a hidden one with a due date, a hidden one without, and an order that is not the order
 * of the file names. The exercises come from the lecture's files, as an admin would import them.
 */
async function createSourceCourse(db: Database): Promise<void> {
  const course = await db.course.create({
    data: {
      slug: courseSlug,
      title: "Theories of Deep Learning",
      description: "Depth beats width.",
    },
  });
  await addAdmin(db, course.id);
  const ids = ["sawtooth-f3", "tent-h2", "abs-value", "tent-h3"];
  const files = ids.map((id) => ({ name: `${id}.json`, text: readExerciseFile(id) }));
  await importInto(db, files);

  const settings = [
    { visibility: "hidden", dueDate: null },
    { visibility: "visible", dueDate: new Date("2027-02-01T09:00:00Z") },
    { visibility: "visible", dueDate: new Date("2027-02-15T23:59:00Z") },
    { visibility: "hidden", dueDate: new Date("2027-03-01T17:30:00Z") },
  ];
  for (const [position, slug] of ids.entries()) {
    await db.exercise.update({
      where: { courseId_slug: { courseId: course.id, slug } },
      data: { position, ...settings[position] },
    });
  }
}

function adminOf(db: Database): AdminContext {
  return { db, userId: ADMIN, now: NOW };
}

/** Reads every course and exercise setting that an admin can change, in course order. */
async function settingsOf(db: Database) {
  const course = await db.course.findUniqueOrThrow({
    where: { slug: courseSlug },
    select: {
      title: true,
      description: true,
      acceptLate: true,
      exercises: {
        select: {
          slug: true,
          title: true,
          dueDate: true,
          visibility: true,
          attemptLimit: true,
          showTarget: true,
          versions: { select: { definition: true }, orderBy: { version: "desc" }, take: 1 },
        },
        orderBy: { position: "asc" },
      },
    },
  });
  return {
    ...course,
    exercises: course.exercises.map(({ versions, ...exercise }) => ({
      ...exercise,
      definition: versions[0]?.definition,
    })),
  };
}

/** Downloads the course archive and returns its files as the import form uploads them. */
async function exportArchive(db: Database): Promise<ImportFile[]> {
  const response = await exportCourseArchive(adminOf(db), courseSlug);
  expect(response.status).toBe(200);
  const decoder = new TextDecoder();
  return readTar(new Uint8Array(await response.arrayBuffer())).map((entry) => ({
    name: `${courseSlug}.tar/${entry.path}`,
    text: decoder.decode(entry.data),
  }));
}

async function importInto(db: Database, files: ImportFile[]) {
  const result = await importCourseFiles(adminOf(db), { courseSlug, files });
  if (result.status !== "imported") throw new Error(JSON.stringify(result));
  return result.report;
}

describe("course export and import", () => {
  test("carries every setting into an empty course", async () => {
    const files = await exportArchive(source.db);

    const report = await importInto(target.db, files);

    expect(report.created).toEqual(["sawtooth-f3", "tent-h2", "abs-value", "tent-h3"]);
    expect(report.courseChanges).toEqual(["title", "description"]);
    const expected = await settingsOf(source.db);
    expect(expected.exercises.map((exercise) => exercise.visibility)).toEqual([
      "hidden",
      "visible",
      "visible",
      "hidden",
    ]);
    expect(await settingsOf(target.db)).toEqual(expected);
  });

  test("carries accepted late attempts", async () => {
    await source.db.course.update({ where: { slug: courseSlug }, data: { acceptLate: true } });

    const report = await importInto(target.db, await exportArchive(source.db));

    expect(report.courseChanges).toEqual(["title", "description", "acceptLate"]);
    expect((await settingsOf(target.db)).acceptLate).toBe(true);
  });

  test("writes the settings into course.json and the exercise files", async () => {
    const files = await exportArchive(source.db);
    const text = (name: string) => files.find((file) => file.name.endsWith(name))?.text ?? "";

    expect(JSON.parse(text("/course.json"))).toEqual({
      slug: courseSlug,
      title: "Theories of Deep Learning",
      description: "Depth beats width.",
      acceptLate: false,
      exercises: ["sawtooth-f3", "tent-h2", "abs-value", "tent-h3"],
    });
    expect(JSON.parse(text("/tent-h3.json"))).toMatchObject({
      visibility: "hidden",
      dueDate: "2027-03-01T17:30:00.000Z",
    });
    expect(JSON.parse(text("/sawtooth-f3.json"))).toMatchObject({ dueDate: null });
  });

  test("re-imports an unchanged archive without changes", async () => {
    const files = await exportArchive(source.db);
    const versions = await source.db.exerciseVersion.count();

    const report = await importInto(source.db, files);

    expect(report).toEqual({
      created: [],
      updated: [],
      settingsChanged: [],
      unchanged: ["sawtooth-f3", "tent-h2", "abs-value", "tent-h3"],
      courseChanges: [],
    });
    expect(await source.db.exerciseVersion.count()).toBe(versions);
  });

  test("re-imports into the new course without changes", async () => {
    await importInto(target.db, await exportArchive(source.db));
    const versions = await target.db.exerciseVersion.count();

    const report = await importInto(target.db, await exportArchive(target.db));

    expect(report.unchanged).toHaveLength(4);
    expect(report.courseChanges).toEqual([]);
    expect(await target.db.exerciseVersion.count()).toBe(versions);
  });

  test("exports a course folder the engine loads", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-export-"));
    try {
      for (const file of await exportArchive(source.db)) {
        const name = path.join(folder, file.name.slice(`${courseSlug}.tar/`.length));
        mkdirSync(path.dirname(name), { recursive: true });
        writeFileSync(name, file.text);
      }

      const result = await loadCourse(folder);

      expect(result.ok ? [] : result.problems).toEqual([]);
      const ids = result.ok ? result.course.exercises.map((e) => e.prepared.exercise.id) : [];
      expect(ids).toEqual(["sawtooth-f3", "tent-h2", "abs-value", "tent-h3"]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("exercise file export and import", () => {
  test("carries visibility and due date", async () => {
    const response = await exportExerciseFile(adminOf(source.db), courseSlug, "tent-h2");
    const file = { name: "tent-h2.json", text: await response.text() };

    const report = await importInto(target.db, [file]);

    expect(report.created).toEqual(["tent-h2"]);
    const imported = await target.db.exercise.findFirstOrThrow({ where: { slug: "tent-h2" } });
    expect(imported.visibility).toBe("visible");
    expect(imported.dueDate).toEqual(new Date("2027-02-01T09:00:00Z"));
  });

  test("re-imports an unchanged file without changes", async () => {
    const response = await exportExerciseFile(adminOf(source.db), courseSlug, "tent-h2");
    const file = { name: "tent-h2.json", text: await response.text() };

    const report = await importInto(source.db, [file]);

    expect(report.unchanged).toEqual(["tent-h2"]);
    const versions = await source.db.exerciseVersion.count({
      where: { exercise: { slug: "tent-h2" } },
    });
    expect(versions).toBe(1);
  });
});
