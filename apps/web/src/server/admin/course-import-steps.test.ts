import { describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";

import { FIXTURE, readExerciseFile, storedRevision } from "@/testing/course-fixture";
import { setUpAdminFixture } from "@/testing/fixture-hooks";

import type { AdminContext } from "./admin-access";
import { checkCourseImport, importCourseFiles, type ImportFile } from "./course-import";
import { saveExercise } from "./exercise-editor";

let db: Database;
let admin: AdminContext;
setUpAdminFixture((fixture) => ({ db, admin } = fixture));

const courseSlug = FIXTURE.courseSlug;

/** Returns the lecture's exercise file `id` with `changes` merged into its top level. */
function exerciseJson(id: string, changes: Record<string, unknown> = {}): string {
  const file = JSON.parse(readExerciseFile(id)) as Record<string, unknown>;
  return JSON.stringify({ ...file, ...changes }, null, 2);
}

/** The files an admin exported before editing tent-h2's statement in the browser. */
const EXPORTED: ImportFile[] = [
  { name: "tent-h2.json", text: readExerciseFile("tent-h2") },
  { name: "tent-copy.json", text: exerciseJson("tent-h2", { id: "tent-copy" }) },
];

/** Everything an import can write, to show that a step wrote nothing. */
async function snapshot() {
  return {
    course: await db.course.findUniqueOrThrow({ where: { id: FIXTURE.course } }),
    exercises: await db.exercise.findMany({ orderBy: { id: "asc" } }),
    versions: await db.exerciseVersion.findMany({ orderBy: { id: "asc" } }),
  };
}

/** Edits tent-h2's statement as the editor does, with the due date it has. */
async function editStatementInBrowser(statement: string): Promise<void> {
  const definition = exerciseJson("tent-h2", { statement });
  const stored = await db.exercise.findUniqueOrThrow({ where: { id: FIXTURE.tent } });
  const dueDate = stored.dueDate?.toISOString() ?? "";
  const result = await saveExercise(admin, {
    courseSlug,
    exerciseSlug: "tent-h2",
    definition,
    dueDate,
    revision: await storedRevision(db, "tent-h2"),
  });
  expect(result).toMatchObject({ status: "saved", wordingChanged: true });
}

async function statementOfTent(): Promise<string> {
  const newest = await db.exerciseVersion.findFirstOrThrow({
    where: { exerciseId: FIXTURE.tent },
    orderBy: { version: "desc" },
  });
  return (JSON.parse(newest.definition) as { statement: string }).statement;
}

describe("checkCourseImport", () => {
  test("shows an in-place overwrite and writes nothing", async () => {
    await editStatementInBrowser("Edited in the browser.");
    const before = await snapshot();

    const result = await checkCourseImport(admin, { courseSlug, files: EXPORTED });

    expect(result.status).toBe("planned");
    const plan = result.status === "planned" ? result.plan : null;
    expect(plan?.exercises).toEqual([
      {
        slug: "tent-h2",
        change: "wording",
        version: 1,
        wording: ["statement"],
        settings: [],
        visibility: "visible",
      },
      {
        slug: "tent-copy",
        change: "created",
        version: 1,
        wording: [],
        settings: [],
        visibility: "hidden",
      },
    ]);
    expect(plan?.kept).toEqual(["tent-h3"]);
    expect(plan?.course.changes).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  test("lists every problem as the import does", async () => {
    const files = [{ name: "broken.json", text: "{" }, ...EXPORTED];

    const result = await checkCourseImport(admin, { courseSlug, files });

    expect(result).toMatchObject({ status: "invalid", problems: [{ file: "broken.json" }] });
  });

  test("lists the drafts that the import hides", async () => {
    const files = [
      {
        name: "tent-h3.json",
        text: exerciseJson("tent-h3", { reference: { layers: [{ weights: [[1]], biases: [0] }] } }),
      },
    ];

    const result = await checkCourseImport(admin, { courseSlug, files });

    expect(result).toMatchObject({
      status: "planned",
      plan: { exercises: [{ slug: "tent-h3", change: "version", version: 2 }] },
      drafts: [{ slug: "tent-h3", failing: ["reference"] }],
    });
  });
});

describe("importCourseFiles", () => {
  test("writes what the check planned", async () => {
    const checked = await checkCourseImport(admin, { courseSlug, files: EXPORTED });
    if (checked.status !== "planned") throw new Error(JSON.stringify(checked));

    const result = await importCourseFiles(admin, {
      courseSlug,
      files: EXPORTED,
      revision: checked.plan.revision,
    });

    expect(result).toMatchObject({
      status: "imported",
      plan: checked.plan,
      report: { created: ["tent-copy"], unchanged: ["tent-h2"] },
    });
    const copy = await db.exercise.findFirstOrThrow({ where: { slug: "tent-copy" } });
    expect(copy.visibility).toBe("hidden");
  });

  test("rejects a plan older than an editor save", async () => {
    const checked = await checkCourseImport(admin, { courseSlug, files: EXPORTED });
    if (checked.status !== "planned") throw new Error(JSON.stringify(checked));
    await editStatementInBrowser("Edited in another tab.");
    const before = await snapshot();

    const result = await importCourseFiles(admin, {
      courseSlug,
      files: EXPORTED,
      revision: checked.plan.revision,
    });

    expect(result.status).toBe("stale");
    const plan = result.status === "stale" ? result.plan : null;
    expect(plan?.revision).not.toBe(checked.plan.revision);
    expect(plan?.exercises[0]).toMatchObject({ change: "wording", wording: ["statement"] });
    expect(await snapshot()).toEqual(before);
    expect(await statementOfTent()).toBe("Edited in another tab.");
  });

  test("rejects a plan older than another import", async () => {
    const checked = await checkCourseImport(admin, { courseSlug, files: EXPORTED });
    if (checked.status !== "planned") throw new Error(JSON.stringify(checked));
    const other = [
      { name: "tent-other.json", text: exerciseJson("tent-h2", { id: "tent-other" }) },
    ];
    const first = await checkCourseImport(admin, { courseSlug, files: other });
    if (first.status !== "planned") throw new Error(JSON.stringify(first));
    await importCourseFiles(admin, { courseSlug, files: other, revision: first.plan.revision });
    const before = await snapshot();

    const result = await importCourseFiles(admin, {
      courseSlug,
      files: EXPORTED,
      revision: checked.plan.revision,
    });

    expect(result).toMatchObject({ status: "stale", plan: { kept: ["tent-h3", "tent-other"] } });
    expect(await snapshot()).toEqual(before);
  });

  test("requires the check's revision", async () => {
    const before = await snapshot();

    const result = await importCourseFiles(admin, { courseSlug, files: EXPORTED });

    expect(result.status).toBe("rejected");
    expect(await snapshot()).toEqual(before);
  });

  test("rejects a non-admin before reading the files", async () => {
    const student = { ...admin, userId: FIXTURE.student };
    const files = [{ name: "broken.json", text: "{" }];

    const checked = await checkCourseImport(student, { courseSlug, files });
    const imported = await importCourseFiles(student, { courseSlug, files, revision: "r" });

    expect(checked.status).toBe("rejected");
    expect(imported.status).toBe("rejected");
  });
});
