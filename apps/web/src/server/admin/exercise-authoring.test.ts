import { describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";

import { FIXTURE, lectureExerciseIds, readExerciseFile } from "@/testing/course-fixture";
import { checkThenImport } from "@/testing/import-steps";
import { setUpAdminFixture } from "@/testing/fixture-hooks";

import type { AdminContext } from "./admin-access";
import { saveExercise } from "./exercise-editor";

let db: Database;
let admin: AdminContext;
setUpAdminFixture((fixture) => ({ db, admin } = fixture));

const courseSlug = FIXTURE.courseSlug;

/** Returns the lecture's tent-h2 file as `id`, with `changes` merged into its top level. */
function tentFile(id: string, changes: Record<string, unknown> = {}): string {
  const file = JSON.parse(readExerciseFile("tent-h2")) as Record<string, unknown>;
  return JSON.stringify({ ...file, id, ...changes }, null, 2);
}

/** Returns the stored newest definition of exercise `slug`, parsed. */
async function storedFile(slug: string): Promise<Record<string, unknown>> {
  const exercise = await db.exercise.findUniqueOrThrow({
    where: { courseId_slug: { courseId: FIXTURE.course, slug } },
    select: { versions: { orderBy: { version: "desc" }, take: 1, select: { definition: true } } },
  });
  return JSON.parse(exercise.versions[0]?.definition ?? "null") as Record<string, unknown>;
}

const REPEATED_TAGS = ["ReLU", "tent", "relu", "Tent", "depth", "tent"];

describe("repeated tags", () => {
  test("editor stores each tag once", async () => {
    const definition = tentFile("tags-editor", { tags: REPEATED_TAGS });

    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition,
      dueDate: "",
    });

    expect(result.status).toBe("saved");
    expect((await storedFile("tags-editor"))["tags"]).toEqual(["ReLU", "tent", "depth"]);
  });

  test("import stores each tag once", async () => {
    const text = tentFile("tags-import", { tags: REPEATED_TAGS });

    const result = await checkThenImport(admin, {
      courseSlug,
      files: [{ name: "tags-import.json", text }],
    });

    expect(result.status).toBe("imported");
    expect((await storedFile("tags-import"))["tags"]).toEqual(["ReLU", "tent", "depth"]);
  });

  test("import keeps a file without repeats as written", async () => {
    const text = JSON.stringify(JSON.parse(tentFile("tags-kept", { tags: ["a", "b"] })));

    const result = await checkThenImport(admin, {
      courseSlug,
      files: [{ name: "tags-kept.json", text }],
    });

    expect(result.status).toBe("imported");
    const stored = await db.exerciseVersion.findFirstOrThrow({
      where: { exercise: { slug: "tags-kept" } },
    });
    expect(stored.definition).toBe(text);
  });
});

const BROKEN_STATEMENT =
  "Broken: $\\frac{1}{$ and $\\undefinedmacro{x}$ and $$\\begin{cases} x \\end{matrix}$$ " +
  "and $x^{$ but $x$ is fine.";

/** The problems of {@link BROKEN_STATEMENT}, in the words after the field's name. */
const BROKEN_MATH = [
  "formula 1 `\\frac{1}{`: the input ends inside a { … } group: close it",
  "formula 2 `\\undefinedmacro{x}`: \\undefinedmacro is not a command KaTeX knows: check its " +
    "spelling",
  "formula 3 `\\begin{cases} x \\end{matrix}`: \\begin{cases} is closed by \\end{matrix}: use " +
    "the same name in both",
  "formula 4 `x^{`: the input ends inside a { … } group: close it",
];

describe("statement math", () => {
  test("editor rejects broken formulas", async () => {
    const definition = tentFile("math-editor", { statement: BROKEN_STATEMENT });

    const result = await saveExercise(admin, {
      courseSlug,
      exerciseSlug: null,
      definition,
      dueDate: "",
    });

    expect(result).toEqual({
      status: "invalid",
      selfTest: null,
      problems: BROKEN_MATH.map((message) => ({ path: "statement", field: "Statement", message })),
    });
    expect(await db.exercise.count({ where: { slug: "math-editor" } })).toBe(0);
  });

  test("import rejects broken formulas", async () => {
    const text = tentFile("math-import", { statement: BROKEN_STATEMENT });

    const result = await checkThenImport(admin, {
      courseSlug,
      files: [{ name: "math-import.json", text }],
    });

    expect(result).toEqual({
      status: "invalid",
      problems: BROKEN_MATH.map((message) => ({
        file: "math-import.json",
        path: "statement",
        message,
      })),
    });
  });

  test("lecture statements pass", async () => {
    const ids = lectureExerciseIds();
    const files = ids.map((id) => ({ name: `${id}.json`, text: readExerciseFile(id) }));

    const result = await checkThenImport(admin, { courseSlug, files });

    expect(ids.length).toBeGreaterThan(10);
    expect(result.status).toBe("imported");
  });
});
