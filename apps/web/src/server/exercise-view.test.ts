import { describe, expect, test } from "vitest";

import type { ExerciseWithDefinition } from "@sawtooth/db";

import { readExerciseFile } from "@/testing/course-fixture";

import { toExerciseView } from "./exercise-view";

function exerciseOf(id: string, attemptLimit: number | null = 3): ExerciseWithDefinition {
  return {
    id: `exercise-${id}`,
    slug: id,
    title: id,
    position: 0,
    dueDate: null,
    attemptLimit,
    visibility: "visible",
    showTarget: true,
    version: { id: `version-${id}`, number: 1, definition: readExerciseFile(id) },
  };
}

describe("toExerciseView", () => {
  test("keeps only the student-safe fields", () => {
    const view = toExerciseView(exerciseOf("tent-h2"), 1);

    expect(Object.keys(view).sort()).toEqual([
      "attemptLimit",
      "attemptsLeft",
      "constraints",
      "domain",
      "dueDate",
      "slug",
      "statement",
      "targetPlot",
      "title",
    ]);
    expect(view.statement).toBe(JSON.parse(readExerciseFile("tent-h2")).statement);
  });

  test("counts the attempts left", () => {
    expect(toExerciseView(exerciseOf("tent-h2", 3), 1).attemptsLeft).toBe(2);
    expect(toExerciseView(exerciseOf("tent-h2", 3), 5).attemptsLeft).toBe(0);
    expect(toExerciseView(exerciseOf("tent-h2", null), 5).attemptsLeft).toBeNull();
  });

  test("gives the domain and constraints", () => {
    const view = toExerciseView(exerciseOf("sawtooth-f3"), 0);

    expect(view.domain).toEqual(["0", "1"]);
    expect(view.constraints).toEqual({
      inputs: 1,
      outputs: 1,
      minDepth: null,
      maxDepth: 6,
      maxWidth: 2,
      maxParameters: null,
      activations: ["relu"],
      outputActivations: ["identity", "relu"],
      numbers: "any",
    });
  });

  test("plots a revealed target", () => {
    const view = toExerciseView(exerciseOf("tent-h2"), 0);

    expect(view.domain).toEqual([null, null]);
    expect(view.targetPlot).toEqual({
      points: [
        ["0", "0"],
        ["1/2", "1"],
      ],
      leftSlope: "0",
      rightSlope: "-2",
      pieces: 3,
    });
  });

  test("leaves out a hidden target's plot", () => {
    expect(toExerciseView(exerciseOf("flatten-ramp"), 0).targetPlot).toBeNull();
  });

  test("has no plot for a polynomial target", () => {
    expect(toExerciseView(exerciseOf("square-yarotsky-m3"), 0).targetPlot).toBeNull();
  });

  test("leaves the reference and target specification out", () => {
    const definition = JSON.parse(readExerciseFile("flatten-ramp"));
    const exercise = exerciseOf("flatten-ramp");

    const serialised = JSON.stringify(toExerciseView(exercise, 0));

    expect(serialised).not.toContain("reference");
    expect(serialised).not.toContain("knownWrong");
    expect(serialised).not.toContain(definition.knownWrong[0].name);
    expect(serialised).not.toContain('"network"');
  });
});
