import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";
import { loadCourse } from "@sawtooth/theory/course";

import {
  MAX_COURSE_EXERCISE_BYTES,
  MAX_DEFINITION_BYTES,
  MAX_DESCRIPTION_LENGTH,
  MAX_EXERCISE_ID_LENGTH,
  MAX_IMPORT_ARCHIVE_BYTES,
  MAX_IMPORT_TEXT_BYTES,
  MAX_TITLE_LENGTH,
  storedExerciseText,
} from "@/lib/course-limits";
import { exportedExerciseBytes } from "@/lib/exercise-size";
import { MAX_ACTION_BODY_BYTES, utf8Bytes } from "@/lib/submission-limits";
import { readTar } from "@/lib/tar";
import { readExerciseFile } from "@/testing/course-fixture";
import { checkThenImport } from "@/testing/import-steps";

import type { AdminContext } from "./admin-access";
import type { ImportFile } from "./course-import";
import { saveExercise } from "./exercise-editor";
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
  const result = await checkThenImport(admin(), { courseSlug, files });
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
      wordingChanged: [],
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

    const result = await checkThenImport(admin(), {
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

describe("course at the limits", () => {
  /** A course slug as long as requests accept, so the archive's file names are longest too. */
  const LARGEST = "l".repeat(200);

  /** Returns an id of the longest length that starts with `name`. */
  function longestId(name: string): string {
    return `${name}-${"x".repeat(MAX_EXERCISE_ID_LENGTH - name.length - 1)}`;
  }

  /** x² on [0, 1] with the identity as its reference, which the self-test grades incorrect. */
  const DRAFT = {
    id: longestId("draft"),
    title: "Parabola",
    statement: "Approximate $x^2$ on $[0, 1]$.",
    domain: [0, 1],
    target: { kind: "polynomial", coefficients: [0, 0, 1], tolerance: "1/256" },
    reference: { layers: [{ weights: [[1]], biases: [0] }] },
  };

  /**
   * Returns the tent-h2 file under `id` with a statement of quotes, the character whose
   * escaping grows most in the import request, padded until `measure` of it is `bytes`.
   */
  function filledTent(id: string, bytes: number, measure: (file: object) => number): object {
    const file = JSON.parse(readExerciseFile("tent-h2")) as Record<string, unknown>;
    const withStatement = (statement: string) => ({ ...file, id, statement, knownWrong: [] });
    const missing = bytes - measure(withStatement(""));
    return withStatement('"'.repeat(Math.floor(missing / 2)) + "x".repeat(missing % 2));
  }

  async function save(file: object): Promise<void> {
    const result = await saveExercise(admin(), {
      courseSlug: LARGEST,
      exerciseSlug: null,
      definition: JSON.stringify(file),
      dueDate: "2027-02-01T09:00:00Z",
    });
    expect(result).toMatchObject({ status: "saved" });
  }

  /**
   * Builds, through the exercise editor, a course whose exercise files take exactly the
   * course limit: a hidden draft whose self-test fails, a file at the per-file limit and a
   * third that fills the rest. Its title and description are as long as the settings allow,
   * of control characters, which JSON escaping writes as 6 bytes each.
   */
  async function createLargestCourse(): Promise<void> {
    const course = await db.course.create({
      data: {
        slug: LARGEST,
        title: "\u0001".repeat(MAX_TITLE_LENGTH),
        description: "\u0001".repeat(MAX_DESCRIPTION_LENGTH),
      },
    });
    await db.membership.create({ data: { userId: ADMIN, courseId: course.id, role: "admin" } });
    const exported = (file: object) => exportedExerciseBytes(storedExerciseText(file));
    const stored = (file: object) => utf8Bytes(storedExerciseText(file));

    await save(DRAFT);
    const largest = filledTent(longestId("largest"), MAX_DEFINITION_BYTES, stored);
    await save(largest);
    const rest = MAX_COURSE_EXERCISE_BYTES - exported(DRAFT) - exported(largest);
    await save(filledTent(longestId("rest"), rest, exported));
    await db.exercise.updateMany({
      where: { courseId: course.id },
      data: { visibility: "visible" },
    });
    await db.exercise.update({
      where: { courseId_slug: { courseId: course.id, slug: DRAFT.id } },
      data: { visibility: "hidden" },
    });
  }

  test("takes no more room than every import limit", async () => {
    await createLargestCourse();

    const response = await exportCourseArchive(admin(), LARGEST);
    const archive = new Uint8Array(await response.arrayBuffer());
    const files = await exportArchive(LARGEST);

    expect(archive.length).toBeLessThanOrEqual(MAX_IMPORT_ARCHIVE_BYTES);
    const textBytes = files.reduce((total, file) => total + utf8Bytes(file.text), 0);
    expect(textBytes).toBeLessThanOrEqual(MAX_IMPORT_TEXT_BYTES);
    const request = JSON.stringify([{ courseSlug: LARGEST, files }]);
    expect(utf8Bytes(request)).toBeLessThanOrEqual(MAX_ACTION_BODY_BYTES);
    expect(archive.length).toBeGreaterThan(1024 * 1024);
  });

  test("re-imports its unchanged archive as unchanged", async () => {
    await createLargestCourse();
    const versions = await versionCount(LARGEST);

    const result = await checkThenImport(admin(), {
      courseSlug: LARGEST,
      files: await exportArchive(LARGEST),
    });

    const ids = [DRAFT.id, longestId("largest"), longestId("rest")];
    expect(result).toEqual({
      status: "imported",
      report: {
        created: [],
        updated: [],
        wordingChanged: [],
        settingsChanged: [],
        unchanged: ids,
        courseChanges: [],
      },
      plan: expect.objectContaining({ kept: [] }) as unknown,
      drafts: [{ slug: DRAFT.id, failing: ["reference"] }],
    });
    expect(await versionCount(LARGEST)).toBe(versions);
  });

  test("copies its archive into an empty course", async () => {
    await createLargestCourse();

    const report = await importInto(COPY, await exportArchive(LARGEST));

    expect(report.created).toHaveLength(3);
    const copy = await settingsOf(COPY);
    expect(copy.exercises.map((exercise) => exercise.visibility)).toEqual([
      "hidden",
      "visible",
      "visible",
    ]);
    expect(copy.description).toHaveLength(MAX_DESCRIPTION_LENGTH);
  });
});
