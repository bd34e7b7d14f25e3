import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { loadCourseFolder } from "./course-files";
import { seedNewDatabase } from "./demo/seed";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

describe("loadCourseFolder", () => {
  test("loads the lecture's course", async () => {
    const { course, exercises } = await loadCourseFolder();

    expect(course.slug).toBe("deep-learning-theory");
    expect(course.title).toBe("Theories of Deep Learning");
    const slugs = exercises.map((exercise) => exercise.slug);
    expect(slugs).toContain("tent-h2");
    expect(slugs).toContain("sawtooth-f3");
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(exercises.map((exercise) => exercise.position)).toEqual(slugs.map((_, index) => index));
  });

  test("numbers the exercises in course order", async () => {
    const courseJson = JSON.parse(
      readFileSync(
        path.join(import.meta.dirname, "../../courses/deep-learning-theory/course.json"),
        "utf8",
      ),
    );

    const { exercises } = await loadCourseFolder();

    expect(exercises.map((exercise) => exercise.slug)).toEqual(courseJson.exercises);
    expect(exercises.find((exercise) => exercise.slug === "tent-h2")?.position).toBe(1);
  });

  test("keeps each file's text as the definition", async () => {
    const { exercises } = await loadCourseFolder();
    const tent = exercises.find((exercise) => exercise.slug === "tent-h2");

    expect(tent).toBeDefined();
    expect(JSON.parse(tent?.definition ?? "null")).toMatchObject({ id: "tent-h2" });
    expect(tent?.title).toBe(JSON.parse(tent?.definition ?? "null").title);
  });

  describe("with settings in the files", () => {
    let folder: string;
    const tentFile = path.join(
      import.meta.dirname,
      "../../courses/deep-learning-theory/exercises/tent-h2.json",
    );

    beforeEach(() => {
      folder = mkdtempSync(path.join(tmpdir(), "sawtooth-course-"));
      mkdirSync(path.join(folder, "exercises"));
      const info = { slug: "c", title: "C", description: "", acceptLate: true };
      writeFileSync(path.join(folder, "course.json"), JSON.stringify(info));
    });

    afterEach(() => {
      rmSync(folder, { recursive: true, force: true });
    });

    test("reads the due date, visibility and late rule", async () => {
      const text = readFileSync(tentFile, "utf8");
      const withSettings = text.replace(
        /\n}\n$/,
        ',\n  "visibility": "hidden",\n  "dueDate": "2027-02-01T09:00:00+01:00"\n}\n',
      );
      writeFileSync(path.join(folder, "exercises", "tent-h2.json"), withSettings);

      const { course, exercises } = await loadCourseFolder(folder);

      expect(course.acceptLate).toBe(true);
      expect(course.description).toBe("");
      expect(exercises[0]?.visibility).toBe("hidden");
      expect(exercises[0]?.dueDate).toEqual(new Date("2027-02-01T08:00:00Z"));
      expect(exercises[0]?.definition).toBe(text);
    });

    test("leaves settings out when the file has none", async () => {
      writeFileSync(path.join(folder, "exercises", "tent-h2.json"), readFileSync(tentFile));

      const { exercises } = await loadCourseFolder(folder);

      expect(exercises[0]).not.toHaveProperty("visibility");
      expect(exercises[0]).not.toHaveProperty("dueDate");
    });
  });

  describe("with a broken folder", () => {
    let folder: string;

    beforeEach(() => {
      folder = mkdtempSync(path.join(tmpdir(), "sawtooth-course-"));
      mkdirSync(path.join(folder, "exercises"));
    });

    afterEach(() => {
      rmSync(folder, { recursive: true, force: true });
    });

    test("rejects a file with invalid JSON", async () => {
      writeFileSync(
        path.join(folder, "course.json"),
        JSON.stringify({ slug: "c", title: "C", description: "D" }),
      );
      writeFileSync(path.join(folder, "exercises", "broken.json"), "{ not json");

      await expect(loadCourseFolder(folder)).rejects.toThrow(
        /Invalid course folder[\s\S]*broken\.json/,
      );
    });

    test("rejects a folder without course.json", async () => {
      await expect(loadCourseFolder(folder)).rejects.toThrow(/course\.json/);
    });
  });
});

describe("seeding the lecture's course", () => {
  let testDatabase: TestDatabase;

  beforeEach(() => {
    testDatabase = createTestDatabase();
  });

  afterEach(async () => {
    await testDatabase.remove();
  });

  test("stores every exercise with version 1", async () => {
    const { db } = testDatabase;
    const folder = await loadCourseFolder();

    await seedNewDatabase(db, { ...folder, demoAccounts: true });

    const stored = await db.exercise.findMany({
      include: { versions: true, course: true },
      orderBy: { position: "asc" },
    });
    expect(stored.map((exercise) => exercise.slug)).toEqual(
      folder.exercises.map((exercise) => exercise.slug),
    );
    for (const exercise of stored) {
      expect(exercise.course.slug).toBe("deep-learning-theory");
      expect(exercise.versions).toHaveLength(1);
      expect(exercise.versions[0]?.version).toBe(1);
    }
    const tent = stored.find((exercise) => exercise.slug === "tent-h2");
    const file = path.join(
      import.meta.dirname,
      "../../courses/deep-learning-theory/exercises/tent-h2.json",
    );
    expect(tent?.versions[0]?.definition).toBe(readFileSync(file, "utf8"));
  });
});
