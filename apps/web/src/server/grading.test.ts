import { describe, expect, test } from "vitest";

import { readExerciseFile, TENT_H2_WEIGHTS, TENT_H2_WRONG } from "@/testing/course-fixture";

import { cachedVersionCount, gradeSubmission, prepareVersion } from "./grading";

const tent = { id: "tent-v1", definition: readExerciseFile("tent-h2") };

describe("prepareVersion", () => {
  test("prepares each version once", () => {
    const first = prepareVersion(tent);

    expect(prepareVersion(tent)).toBe(first);
    expect(prepareVersion({ ...tent, id: "tent-v2" })).not.toBe(first);
  });

  test("prepares a reworded version again", () => {
    const first = prepareVersion(tent);
    const file = { ...JSON.parse(tent.definition), statement: "Reworded in place." };

    const reworded = prepareVersion({ ...tent, definition: JSON.stringify(file) });

    expect(reworded).not.toBe(first);
    expect(reworded.exercise.statement).toBe("Reworded in place.");
  });

  test("keeps at most 64 versions", () => {
    for (let index = 0; index < 70; index++) {
      prepareVersion({ ...tent, id: `bound-${index}` });
    }

    expect(cachedVersionCount()).toBe(64);
  });

  test("prepares a version stored before the bounds rules", () => {
    const file = { ...JSON.parse(tent.definition), domain: [2, 2] };
    file.constraints = { ...file.constraints, minDepth: 5, maxDepth: 2 };

    const prepared = prepareVersion({ id: "old-bounds", definition: JSON.stringify(file) });

    expect(prepared.exercise.constraints.minDepth).toBe(5);
  });

  test("rejects an invalid definition", () => {
    const broken = { id: "broken", definition: '{"id":"broken"}' };

    expect(() => prepareVersion(broken)).toThrow(/Exercise version broken is invalid/);
  });
});

describe("gradeSubmission", () => {
  test("grades the lecture's weights correct", () => {
    const graded = gradeSubmission(tent, JSON.stringify(TENT_H2_WEIGHTS));

    expect(graded.feedback.verdict).toBe("correct");
    expect(graded.feedback.score).toBe(1);
    expect(graded.gradingMs).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(graded.gradingMs)).toBe(true);
  });

  test("gives a counterexample for wrong weights", () => {
    const graded = gradeSubmission(tent, JSON.stringify(TENT_H2_WRONG));

    expect(graded.feedback.verdict).toBe("incorrect");
    expect(graded.feedback.counterexample).toEqual({ x: "1", expected: "0", actual: "1" });
  });

  test("writes the network canonically", () => {
    const spaced = JSON.stringify(TENT_H2_WEIGHTS, null, 2);
    const decimal = spaced.replace('"-1/2"', "-0.5");

    const first = gradeSubmission(tent, spaced);
    const second = gradeSubmission(tent, decimal);

    expect(first.network).toBe(second.network);
    expect(first.network).toBe(
      '{"layers":[{"weights":[["1"],["1"]],"biases":["0","-1/2"]},' +
        '{"weights":[["2","-4"]],"biases":["0"]}],' +
        '"activation":{"name":"relu"},"outputActivation":{"name":"identity"}}',
    );
  });

  test.each([
    ["malformed JSON", '{"layers": ['],
    ["transposed weights", '{"layers":[{"weights":[[1,1]],"biases":[0,0]},{"weights":[[1]]}]}'],
    ["NaN", '{"layers":[{"weights":[[NaN]],"biases":[0]}]}'],
    ["deep nesting", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
  ])("marks %s invalid without a network", (_name, text) => {
    const graded = gradeSubmission(tent, text);

    expect(graded.feedback.verdict).toBe("invalid");
    expect(graded.network).toBeNull();
  });

  test("marks a too-deep network invalid but reads it", () => {
    const deep = { layers: [...TENT_H2_WEIGHTS.layers, { weights: [[1]], biases: [0] }] };

    const graded = gradeSubmission(tent, JSON.stringify(deep));

    expect(graded.feedback.verdict).toBe("invalid");
    expect(graded.network).not.toBeNull();
  });
});
