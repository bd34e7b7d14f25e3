import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, test } from "vitest";

import type { ExerciseWithDefinition } from "@sawtooth/db";

import { toExerciseView } from "./exercise-view";

const tentFile = path.join(
  import.meta.dirname,
  "../../../../packages/courses/deep-learning-theory/exercises/tent-h2.json",
);

function exerciseWith(definition: string): ExerciseWithDefinition {
  return {
    id: "e1",
    slug: "tent-h2",
    title: "The tent map h2",
    position: 0,
    dueDate: null,
    attemptLimit: 3,
    visibility: "visible",
    showTarget: true,
    version: { id: "v1", number: 1, definition },
  };
}

describe("toExerciseView", () => {
  test("keeps only the student-safe fields", () => {
    const definition = readFileSync(tentFile, "utf8");

    const view = toExerciseView(exerciseWith(definition));

    expect(Object.keys(view).sort()).toEqual([
      "attemptLimit",
      "dueDate",
      "slug",
      "statement",
      "title",
    ]);
    expect(view.statement).toBe(JSON.parse(definition).statement);
    expect(view.attemptLimit).toBe(3);
  });

  test("leaves the reference and target out", () => {
    const definition = JSON.stringify({
      statement: "Build $h_2$.",
      target: { kind: "tent", variant: "h2" },
      reference: { layers: "SECRET-REFERENCE" },
      knownWrong: [{ name: "SECRET-WRONG" }],
    });

    const serialised = JSON.stringify(toExerciseView(exerciseWith(definition)));

    expect(serialised).not.toContain("SECRET-REFERENCE");
    expect(serialised).not.toContain("SECRET-WRONG");
    expect(serialised).not.toContain("variant");
  });

  test("rejects a definition without a statement", () => {
    expect(() => toExerciseView(exerciseWith("{}"))).toThrow(/tent-h2.*no statement/);
  });
});
