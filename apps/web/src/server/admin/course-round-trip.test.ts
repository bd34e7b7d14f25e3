import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";
import { loadCourse } from "@sawtooth/theory/course";

import { readTar } from "@/lib/tar";
import { readExerciseFile } from "@/testing/course-fixture";

import type { AdminContext } from "./admin-access";
import { importCourseFiles, type ImportFile } from "./course-import";
import { exportCourseArchive, exportExerciseFile } from "./export";

const ADMIN = "admin-1";
const SOURCE = "deep-learning-theory";
/** A new course without exercises, which receives the source course's archive. */
const COPY = "theory-copy";
const NOW = new Date("2027-01-15T12:00:00Z");

let testDatabase: TestDatabase;
let db: Database;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  db = testDatabase.db;
  await db.user.create({ data: { id: ADMIN, name: "Admin", email: "admin@example.com" } });
  await createSourceCourse();
  const copy = await db.course.create({ data: { slug: COPY, title: "New course" } });
  await db.membership.create({ data: { userId: ADMIN, courseId: copy.id, role: "admin" } });
});

afterEach(async () => {
  await testDatabase.remove();
});

/**
 * Builds a course with a description, late attempts refused, a published exercise with a due
 * date, a hidden one with a due date, a hidden one without, and an order that is not the order
 * of the file names. The exercises come from the lecture's files, as an admin would import them.
 */
async function createSourceCourse(): Promise<void> {
  const course = await db.course.create({
    data: { slug: SOURCE, title: "Theories of Deep Learning", description: "Depth beats width." },
  });
  await db.membership.create({ data: { userId: ADMIN, courseId: course.id, role: "admin" } });
  const ids = ["sawtooth-f3", "tent-h2", "abs-value", "tent-h3"];
  const files = ids.map((id) => ({ name: `${id}.json`, text: readExerciseFile(id) }));
  await importInto(SOURCE, files);

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

function admin(): AdminContext {
  return { db, userId: ADMIN, now: NOW };
}

/** Reads every course and exercise setting that an admin can change, in course order. */
async function settingsOf(courseSlug: string) {
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

/** Downloads a course's archive and returns its files as the import form uploads them. */
async function exportArchive(courseSlug: string): Promise<ImportFile[]> {
  const response = await exportCourseArchive(admin(), courseSlug);
  expect(response.status).toBe(200);
  const decoder = new TextDecoder();
  return readTar(new Uint8Array(await response.arrayBuffer())).map((entry) => ({
    name: `${courseSlug}.tar/${entry.path}`,
    text: decoder.decode(entry.data),
  }));
}

async function importInto(courseSlug: string, files: ImportFile[]) {
  const result = await importCourseFiles(admin(), { courseSlug, files });
  if (result.status !== "imported") throw new Error(JSON.stringify(result));
  return result.report;
}

async function versionCount(courseSlug: string): Promise<number> {
  return db.exerciseVersion.count({ where: { exercise: { course: { slug: courseSlug } } } });
}

const ORDER = ["sawtooth-f3", "tent-h2", "abs-value", "tent-h3"];

describe("course export and import", () => {
  test("carries every setting into an empty course", async () => {
    const report = await importInto(COPY, await exportArchive(SOURCE));

    expect(report.created).toEqual(ORDER);
    expect(report.courseChanges).toEqual(["title", "description"]);
    const expected = await settingsOf(SOURCE);
    expect(expected.exercises.map((exercise) => exercise.visibility)).toEqual([
      "hidden",
      "visible",
      "visible",
      "hidden",
    ]);
    expect(await settingsOf(COPY)).toEqual(expected);
  });

  test("carries accepted late attempts", async () => {
    await db.course.update({ where: { slug: SOURCE }, data: { acceptLate: true } });

    const report = await importInto(COPY, await exportArchive(SOURCE));

    expect(report.courseChanges).toEqual(["title", "description", "acceptLate"]);
    expect((await settingsOf(COPY)).acceptLate).toBe(true);
  });

  test("writes the settings into course.json and the exercise files", async () => {
    const files = await exportArchive(SOURCE);
    const text = (name: string) => files.find((file) => file.name.endsWith(name))?.text ?? "";

    expect(JSON.parse(text("/course.json"))).toEqual({
      slug: SOURCE,
      title: "Theories of Deep Learning",
      description: "Depth beats width.",
      acceptLate: false,
      exercises: ORDER,
    });
    expect(JSON.parse(text("/tent-h3.json"))).toMatchObject({
      visibility: "hidden",
      dueDate: "2027-03-01T17:30:00.000Z",
    });
    expect(JSON.parse(text("/sawtooth-f3.json"))).toMatchObject({ dueDate: null });
  });

  test("re-imports an unchanged archive without changes", async () => {
    const versions = await versionCount(SOURCE);

    const report = await importInto(SOURCE, await exportArchive(SOURCE));

    expect(report).toEqual({
      created: [],
      updated: [],
      settingsChanged: [],
      unchanged: ORDER,
      courseChanges: [],
    });
    expect(await versionCount(SOURCE)).toBe(versions);
  });

  test("re-imports the copy's archive without changes", async () => {
    await importInto(COPY, await exportArchive(SOURCE));
    const versions = await versionCount(COPY);

    const report = await importInto(COPY, await exportArchive(COPY));

    expect(report.unchanged).toEqual(ORDER);
    expect(report.courseChanges).toEqual([]);
    expect(await versionCount(COPY)).toBe(versions);
  });

  test("keeps another course's course.json out of a used course", async () => {
    await importInto(COPY, await exportArchive(SOURCE));

    const result = await importCourseFiles(admin(), {
      courseSlug: COPY,
      files: await exportArchive(SOURCE),
    });

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.map((problem) => `${problem.file}: ${problem.path}`)).toEqual([
      `${SOURCE}.tar/course.json: slug`,
    ]);
  });

  test("exports a course folder the engine loads", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-export-"));
    try {
      for (const file of await exportArchive(SOURCE)) {
        const name = path.join(folder, file.name.slice(`${SOURCE}.tar/`.length));
        mkdirSync(path.dirname(name), { recursive: true });
        writeFileSync(name, file.text);
      }

      const result = await loadCourse(folder);

      expect(result.ok ? [] : result.problems).toEqual([]);
      const ids = result.ok ? result.course.exercises.map((e) => e.prepared.exercise.id) : [];
      expect(ids).toEqual(ORDER);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("exercise file export and import", () => {
  test("carries visibility and due date", async () => {
    const response = await exportExerciseFile(admin(), SOURCE, "tent-h2");
    const file = { name: "tent-h2.json", text: await response.text() };

    const report = await importInto(COPY, [file]);

    expect(report.created).toEqual(["tent-h2"]);
    const imported = await db.exercise.findFirstOrThrow({
      where: { slug: "tent-h2", course: { slug: COPY } },
    });
    expect(imported.visibility).toBe("visible");
    expect(imported.dueDate).toEqual(new Date("2027-02-01T09:00:00Z"));
  });

  test("re-imports an unchanged file without changes", async () => {
    const response = await exportExerciseFile(admin(), SOURCE, "tent-h2");
    const file = { name: "tent-h2.json", text: await response.text() };
    const versions = await versionCount(SOURCE);

    const report = await importInto(SOURCE, [file]);

    expect(report.unchanged).toEqual(["tent-h2"]);
    expect(await versionCount(SOURCE)).toBe(versions);
  });
});
