import { describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";

import {
  MAX_COURSE_EXERCISE_BYTES,
  MAX_DEFINITION_BYTES,
  MAX_IMPORT_TEXT_BYTES,
  storedExerciseText,
} from "@/lib/course-limits";
import { exportedExerciseBytes, measureExerciseFile } from "@/lib/exercise-size";
import { utf8Bytes } from "@/lib/submission-limits";
import { FIXTURE, readExerciseFile, storedRevision } from "@/testing/course-fixture";
import { checkThenImport } from "@/testing/import-steps";
import { setUpAdminFixture } from "@/testing/fixture-hooks";

import type { AdminContext } from "./admin-access";
import { measureCourseForEditor } from "./course-size";
import { saveExercise } from "./exercise-editor";

let db: Database;
let admin: AdminContext;
setUpAdminFixture((fixture) => ({ db, admin } = fixture));

const courseSlug = FIXTURE.courseSlug;

/** Returns the tent-h2 file under another id, with `filler` appended to its statement. */
function tentWith(id: string, filler: string): Record<string, unknown> {
  const file = JSON.parse(readExerciseFile("tent-h2")) as Record<string, unknown>;
  return { ...file, id, statement: `${String(file["statement"])}\n\n${filler}`, knownWrong: [] };
}

/**
 * Returns the tent-h2 file under `id`, padded with `x` until `measure` of it is `bytes`. The
 * measure must grow by one byte with each `x`.
 */
function paddedTent(id: string, bytes: number, measure: (file: object) => number): object {
  const shortest = measure(tentWith(id, ""));
  return tentWith(id, "x".repeat(bytes - shortest));
}

/** Saves a new exercise through the editor. */
function create(file: object) {
  return saveExercise(admin, {
    courseSlug,
    exerciseSlug: null,
    definition: JSON.stringify(file),
    dueDate: "",
  });
}

/** Returns the size toward the course limit of a file as the editor stores it. */
function exportedBytes(file: object): number {
  return exportedExerciseBytes(storedExerciseText(file));
}

/** Returns the size of the fixture's exercises toward the course limit. */
function fixtureBytes(): number {
  return ["tent-h2", "tent-h3"]
    .map((id) => exportedExerciseBytes(readExerciseFile(id)))
    .reduce((a, b) => a + b, 0);
}

describe("exercise editor limits", () => {
  test("measures the file as stored, with its indentation", async () => {
    // Entries of a list take a line each once stored, so the stored file is the larger one. The
    // tags differ, because repeated tags are dropped before the file is measured.
    const tags = Array.from({ length: 60_000 }, (_, index) => index.toString(36));
    const file = { ...tentWith("listed", ""), tags };
    expect(utf8Bytes(JSON.stringify(file))).toBeLessThan(MAX_DEFINITION_BYTES);

    const result = await create(file);

    expect(result.status).toBe("invalid");
    const message = result.status === "invalid" ? result.problems[0]?.message : "";
    expect(message).toMatch(
      /^is [\d,]+ KiB as stored with its indentation, larger than the maximum of 512 KiB/,
    );
  });

  test("saves a file at the limit", async () => {
    const file = paddedTent("largest", MAX_DEFINITION_BYTES, (f) =>
      utf8Bytes(storedExerciseText(f)),
    );

    expect(await create(file)).toMatchObject({ status: "saved" });
  });

  test("rejects an exercise that takes the course over its limit", async () => {
    const room = MAX_COURSE_EXERCISE_BYTES - fixtureBytes();
    const first = paddedTent("first", MAX_DEFINITION_BYTES - 1024, (f) =>
      utf8Bytes(storedExerciseText(f)),
    );
    expect(await create(first)).toMatchObject({ status: "saved" });
    const rest = room - exportedBytes(first);
    const fits = paddedTent("second", rest, exportedBytes);
    const over = paddedTent("second", rest + 1, exportedBytes);

    const rejected = await create(over);

    expect(rejected.status).toBe("invalid");
    const problems = rejected.status === "invalid" ? rejected.problems : [];
    expect(problems).toEqual([
      {
        path: "",
        field: "Exercise file",
        message:
          "makes the course's exercise files 1,025 KiB, larger than the maximum of 1,024 KiB " +
          "for a course, which keeps its export small enough to import: shorten this exercise " +
          "or another one of the course",
      },
    ]);
    expect(await create(fits)).toMatchObject({ status: "saved" });
  });

  test("saves a shorter version of a course over its limit", async () => {
    const file = paddedTent("large", MAX_DEFINITION_BYTES - 1024, (f) =>
      utf8Bytes(storedExerciseText(f)),
    );
    expect(await create(file)).toMatchObject({ status: "saved" });
    // A course filled before the limits existed.
    await db.exerciseVersion.updateMany({
      where: { exercise: { slug: "large" } },
      data: { definition: storedExerciseText(tentWith("large", "x".repeat(1_200_000))) },
    });

    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: "large",
      definition: JSON.stringify(tentWith("large", "short")),
      dueDate: "",
      revision: await storedRevision(db, "large"),
    });

    expect(result).toMatchObject({ status: "saved", version: 1, wordingChanged: true });
  });
});

describe("measureCourseForEditor", () => {
  test("measures the other exercises of an edit", async () => {
    const size = await measureCourseForEditor(db, FIXTURE.course, "tent-h2");

    expect(size.otherExercises).toBe(1);
    expect(size.otherBytes).toBe(exportedExerciseBytes(readExerciseFile("tent-h3")));
    expect(size.storedBytes).toBe(exportedExerciseBytes(readExerciseFile("tent-h2")));
  });

  test("counts every exercise for a new one", async () => {
    const size = await measureCourseForEditor(db, FIXTURE.course, null);

    expect(size.otherExercises).toBe(2);
    expect(size.otherBytes).toBe(fixtureBytes());
    expect(size.storedBytes).toBe(0);
  });

  test("gives the room that a save accepts", async () => {
    const first = paddedTent("first", MAX_DEFINITION_BYTES - 1024, (f) =>
      utf8Bytes(storedExerciseText(f)),
    );
    expect(await create(first)).toMatchObject({ status: "saved" });
    const size = await measureCourseForEditor(db, FIXTURE.course, null);
    const rest = MAX_COURSE_EXERCISE_BYTES - size.otherBytes;
    const fits = paddedTent("second", rest, exportedBytes);
    const over = paddedTent("second", rest + 1, exportedBytes);

    expect(measureExerciseFile(size, fits).room).toBe(0);
    expect(measureExerciseFile(size, over).room).toBe(-1);
    expect(measureExerciseFile(size, tentWith("second", "")).courseBytes).toBeLessThan(
      MAX_COURSE_EXERCISE_BYTES,
    );
    expect((await create(over)).status).toBe("invalid");
    expect((await create(fits)).status).toBe("saved");
  });

  test("gives the room of a file at the file limit", async () => {
    const storedBytes = (f: object) => utf8Bytes(storedExerciseText(f));
    const largest = paddedTent("tent-h2", MAX_DEFINITION_BYTES, storedBytes);
    const over = paddedTent("tent-h2", MAX_DEFINITION_BYTES + 1, storedBytes);
    const size = await measureCourseForEditor(db, FIXTURE.course, "tent-h2");

    expect(measureExerciseFile(size, largest).room).toBe(0);
    expect(measureExerciseFile(size, over).room).toBe(-1);
  });
});

describe("import limits", () => {
  function importFiles(files: { name: string; text: string }[]) {
    return checkThenImport(admin, { courseSlug, files });
  }

  test("rejects an exercise file over the limit", async () => {
    const text = JSON.stringify(tentWith("big", "x".repeat(MAX_DEFINITION_BYTES)));

    const result = await importFiles([{ name: "big.json", text }]);

    expect(result).toEqual({
      status: "invalid",
      problems: [
        {
          file: "big.json",
          path: "",
          message:
            "is 513 KiB without visibility and dueDate, larger than the maximum of 512 KiB: " +
            "shorten the statement or the networks",
        },
      ],
    });
  });

  test("rejects exercises that take the course over its limit", async () => {
    const half = (MAX_COURSE_EXERCISE_BYTES - fixtureBytes()) / 2;
    const size = (file: object) => exportedExerciseBytes(JSON.stringify(file));
    const files = ["one", "two"].map((id) => ({
      name: `${id}.json`,
      text: JSON.stringify(paddedTent(id, Math.ceil(half) + 1, size)),
    }));

    const result = await importFiles(files);

    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
      "Import: makes the course's exercise files 1,025 KiB, larger than the maximum of " +
        "1,024 KiB for a course, which keeps its export small enough to import: shorten or " +
        "leave out the largest exercises: one.json (510 KiB), two.json (510 KiB)",
    ]);
    expect(await db.exercise.count({ where: { courseId: FIXTURE.course } })).toBe(2);
  });

  test("rejects files over the import limit before reading them", async () => {
    const text = "x".repeat(MAX_IMPORT_TEXT_BYTES + 1);

    const result = await importFiles([{ name: "huge.json", text }]);

    expect(result).toEqual({
      status: "rejected",
      message:
        "Import: the files are 1,130 KiB, larger than the maximum of 1,129 KiB for one import: " +
        "import the exercises in smaller parts.",
    });
  });

  test("rejects a course.json title longer than the settings allow", async () => {
    const info = { slug: courseSlug, title: "T".repeat(201), description: "" };

    const result = await importFiles([{ name: "course.json", text: JSON.stringify(info) }]);

    expect(result).toEqual({
      status: "invalid",
      problems: [
        {
          file: "course.json",
          path: "title",
          message: "is 201 characters long, more than the maximum of 200: shorten it",
        },
      ],
    });
  });

  test("words a course.json exercises list that is not a list", async () => {
    const info = { slug: courseSlug, title: "T", description: "", exercises: "abs-value" };

    const result = await importFiles([{ name: "course.json", text: JSON.stringify(info) }]);

    expect(result).toEqual({
      status: "invalid",
      problems: [
        {
          file: "course.json",
          path: "exercises",
          message: 'must be a list of exercise ids in course order, such as ["tent-h2", "tent-h3"]',
        },
      ],
    });
  });
});
