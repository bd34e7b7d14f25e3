import { describe, expect, test } from "vitest";

import type { ConstraintsView } from "@/lib/submission-contract";
import { MAX_SUBMISSION_BYTES } from "@/lib/submission-limits";

import { cellProblem, checkSubmission } from "./submission-check";

const TENT_CONSTRAINTS: ConstraintsView = {
  inputs: 1,
  outputs: 1,
  minDepth: null,
  maxDepth: 2,
  maxWidth: 2,
  maxParameters: null,
  activations: ["relu"],
  outputActivations: ["identity"],
  numbers: "any",
};

const LECTURE_H2 = JSON.stringify({
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [0] },
  ],
});

/** Returns the reasons a check failed, failing the test when the check passed. */
function reasonsOf(text: string, constraints = TENT_CONSTRAINTS): string[] {
  const check = checkSubmission(text, constraints);
  if (check.ok) throw new Error("check passed but was expected to fail");
  return check.reasons;
}

describe("checkSubmission", () => {
  test("accepts the lecture's h2", () => {
    expect(checkSubmission(LECTURE_H2, TENT_CONSTRAINTS).ok).toBe(true);
  });

  test("reports a third layer as too deep", () => {
    const deep = JSON.parse(LECTURE_H2);
    deep.layers.push({ weights: [[1]], biases: [0] });
    const check = checkSubmission(JSON.stringify(deep), TENT_CONSTRAINTS);
    expect(check).toMatchObject({
      ok: false,
      reasons: ["The network has 3 layers, more than the 2 allowed."],
    });
  });

  test("reports a forbidden output activation", () => {
    const text = LECTURE_H2.replace(/}$/, ', "outputActivation": "relu"}');
    expect(reasonsOf(text).join(" ")).toContain("relu");
  });

  test("reports an unreadable cell with its place", () => {
    const reasons = reasonsOf(LECTURE_H2.replace('"-1/2"', '"-1//2"'));
    expect(reasons[0]).toMatch(/^layer 1 biases, entry 2/);
  });

  test("rejects text past the server's size limit", () => {
    const padded = LECTURE_H2 + " ".repeat(MAX_SUBMISSION_BYTES);

    expect(reasonsOf(padded)).toEqual([
      "the submission is 257 KiB, larger than the maximum of 256 KiB",
    ]);
  });

  test("applies integer-only numbers", () => {
    const reasons = reasonsOf(LECTURE_H2, { ...TENT_CONSTRAINTS, numbers: "integer" });
    expect(reasons[0]).toContain("-1/2");
  });
});

describe("cellProblem", () => {
  test.each(["-1/2", "0.5", "1e-3", "−.5", " 3 "])("accepts %s", (text) => {
    expect(cellProblem(text, { layer: 1, field: "weights", row: 1, column: 1 })).toBeNull();
  });

  test("names the place and the reason", () => {
    const message = cellProblem("1/0", { layer: 2, field: "weights", row: 1, column: 2 });
    expect(message).toMatch(/^layer 2 weights, row 1, column 2: /);
    expect(message).toContain("1/0");
  });

  test("rejects an empty cell", () => {
    expect(cellProblem("", { layer: 1, field: "biases", row: 1 })).not.toBeNull();
  });
});
