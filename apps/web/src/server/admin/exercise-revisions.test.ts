import { describe, expect, test } from "vitest";

import { findExercise, type Database } from "@sawtooth/db";

import { FIXTURE, readExerciseFile, storedRevision } from "@/testing/course-fixture";
import { setUpAdminFixture } from "@/testing/fixture-hooks";

import { toExerciseView } from "../exercise-view";
import { gradeSubmission } from "../grading";
import type { AdminContext } from "./admin-access";
import { saveExercise } from "./exercise-editor";

let db: Database;
let admin: AdminContext;
setUpAdminFixture((fixture) => ({ db, admin } = fixture));

const courseSlug = FIXTURE.courseSlug;

function tentJson(changes: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...JSON.parse(readExerciseFile("tent-h2")), ...changes });
}

async function studentView(slug: string) {
  const exercise = await findExercise(db, FIXTURE.course, slug, { includeHidden: true });
  return toExerciseView(exercise!, 0);
}

describe("saveExercise wording", () => {
  test("keeps the version and shows the new statement", async () => {
    const before = await studentView("tent-h2");
    const wrong = JSON.stringify({ layers: [{ weights: [[1]], biases: ["0"] }] });
    const verdict = gradeSubmission(await storedVersion(), wrong).feedback.verdict;
    const request = {
      courseSlug,
      exerciseSlug: "tent-h2",
      definition: tentJson({ title: "Tent, reworded", statement: "Reworded.", tags: ["new"] }),
      dueDate: "",
      revision: await storedRevision(db, "tent-h2"),
    };

    const saved = await saveExercise(admin, request);

    expect(saved).toMatchObject({ status: "saved", version: 1, createdVersion: false });
    expect(saved).toMatchObject({ wordingChanged: true });
    const after = await studentView("tent-h2");
    expect(before.statement).not.toBe("Reworded.");
    expect(after.statement).toBe("Reworded.");
    expect(after.title).toBe("Tent, reworded");
    expect(gradeSubmission(await storedVersion(), wrong).feedback.verdict).toBe(verdict);
  });

  test("adds a version for a grading change", async () => {
    const request = {
      courseSlug,
      exerciseSlug: "tent-h2",
      definition: tentJson({ statement: "Reworded.", attemptLimit: 4 }),
      dueDate: "",
      revision: await storedRevision(db, "tent-h2"),
    };

    const saved = await saveExercise(admin, request);

    expect(saved).toMatchObject({ status: "saved", version: 2, createdVersion: true });
    expect(saved).toMatchObject({ wordingChanged: false });
  });
});

describe("saveExercise restores", () => {
  test("names the version a save repeats", async () => {
    const base = { courseSlug, exerciseSlug: "tent-h2", dueDate: "" };
    const wider = await saveExercise(admin, {
      ...base,
      definition: tentJson({ attemptLimit: 4 }),
      revision: await storedRevision(db, "tent-h2"),
    });

    const restored = await saveExercise(admin, {
      ...base,
      definition: tentJson({ statement: "Restored." }),
      revision: await storedRevision(db, "tent-h2"),
    });

    expect(wider).toMatchObject({ status: "saved", version: 2, sameDefinitionAs: null });
    expect(restored).toMatchObject({ status: "saved", version: 3, createdVersion: true });
    expect(restored).toMatchObject({ sameDefinitionAs: 1 });
  });
});

describe("saveExercise revisions", () => {
  test("rejects a form loaded before another save", async () => {
    const revision = await storedRevision(db, "tent-h2");
    const base = { courseSlug, exerciseSlug: "tent-h2", dueDate: "", revision };
    const first = await saveExercise(admin, { ...base, definition: tentJson({ statement: "A." }) });

    const second = await saveExercise(admin, { ...base, definition: tentJson({ title: "B" }) });

    expect(first).toMatchObject({ status: "saved" });
    expect(second.status).toBe("conflict");
    expect(second.status === "conflict" && second.message).toMatch(
      /changed since you opened it \(last saved \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );
    expect((await studentView("tent-h2")).statement).toBe("A.");
  });

  test("rejects a save without a revision", async () => {
    const before = await db.exerciseVersion.findMany({ orderBy: { id: "asc" } });
    const request = {
      courseSlug,
      exerciseSlug: "tent-h2",
      definition: tentJson({ statement: "A.", attemptLimit: 4 }),
      dueDate: "2027-02-01T09:00:00Z",
    };

    const saved = await saveExercise(admin, request);

    expect(saved.status).toBe("rejected");
    const message = saved.status === "rejected" ? saved.message : "";
    expect(message).toMatch(/^Invalid request: revision is missing/);
    expect(message).toMatch(/Reload the editor/);
    expect(await db.exerciseVersion.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    const stored = await db.exercise.findUniqueOrThrow({ where: { id: FIXTURE.tent } });
    expect(stored.attemptLimit).toBeNull();
    expect(stored.dueDate).toBeNull();
  });

  test("accepts the revision a save returns", async () => {
    const revision = await storedRevision(db, "tent-h2");
    const base = { courseSlug, exerciseSlug: "tent-h2", dueDate: "" };
    const first = await saveExercise(admin, {
      ...base,
      definition: tentJson({ statement: "A." }),
      revision,
    });
    const next = first.status === "saved" ? first.revision : "";

    const second = await saveExercise(admin, {
      ...base,
      definition: tentJson({ statement: "B." }),
      revision: next,
    });

    expect(second).toMatchObject({ status: "saved", version: 1, wordingChanged: true });
    expect(await storedRevision(db, "tent-h2")).toBe(second.status === "saved" && second.revision);
  });
});

async function storedVersion() {
  const exercise = await findExercise(db, FIXTURE.course, "tent-h2", { includeHidden: true });
  return exercise!.version;
}
