import { describe, expect, it } from "vitest";

import { grade } from "../grading/grade";
import { prepareExercise, type PreparedExercise } from "./prepare";
import { describeSelfTestFailure, selfTest } from "./self-test";
import type { ExerciseInput } from "./schema";

const TENT = [
  { weights: [[1], [1]], biases: [0, "-1/2"] },
  { weights: [[2, -4]], biases: [0] },
];

function prepare(overrides: Partial<ExerciseInput> = {}): PreparedExercise {
  const result = prepareExercise({
    id: "tent",
    title: "Tent",
    statement: "Build $h_2$.",
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    constraints: { maxDepth: 2, maxWidth: 2 },
    reference: { layers: TENT },
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.prepared;
}

describe("selfTest", () => {
  it("passes a correct reference", () => {
    const report = selfTest(prepare());
    expect(report.passed).toBe(true);
    expect(report.cases).toHaveLength(1);
    expect(report.cases[0]!.path).toBe("reference");
  });

  it("fails a reference graded incorrect", () => {
    const report = selfTest(
      prepare({ reference: { layers: [TENT[0], { weights: [[2, -2]], biases: [0] }] } }),
    );
    expect(report.passed).toBe(false);
    expect(describeSelfTestFailure(report.cases[0]!)).toMatch(/^the reference is graded incorrect/);
  });

  it("passes a known-wrong submission with its finding", () => {
    const submission = { layers: TENT.concat([{ weights: [[1]], biases: [0] }]) };
    const report = selfTest(
      prepare({ knownWrong: [{ name: "deep", submission, finding: "architecture.too-deep" }] }),
    );
    expect(report.passed).toBe(true);
    expect(report.cases[1]!.verdict).toBe("invalid");
  });

  it("fails a known-wrong submission graded correct", () => {
    const report = selfTest(
      prepare({
        knownWrong: [{ name: "same", submission: { layers: TENT }, finding: "function.differs" }],
      }),
    );
    expect(report.passed).toBe(false);
    expect(describeSelfTestFailure(report.cases[1]!)).toBe(
      '"same" is graded correct, but it must fail with function.differs',
    );
  });

  it("accepts an unreadable known-wrong submission expected invalid", () => {
    const submission = { layers: [{ weights: [[1, 1]], biases: [0, "-1/2"] }, TENT[1]] };
    const report = selfTest(
      prepare({ knownWrong: [{ name: "transposed", submission, finding: "submission.invalid" }] }),
    );
    expect(report.passed).toBe(true);
  });
});

describe("grade on functions that differ on all of ℝ", () => {
  it("grades h2 + 1 against h2 as incorrect", () => {
    const submission = { layers: [TENT[0], { weights: [[2, -4]], biases: [1] }] };
    expect(grade(prepare(), submission).verdict).toBe("incorrect");
  });

  it("grades −|x| against |x| as incorrect", () => {
    const prepared = prepare({
      target: { kind: "points", points: [[0, 0]], leftSlope: -1, rightSlope: 1 },
    });
    const submission = {
      layers: [
        { weights: [[1], [-1]], biases: [0, 0] },
        { weights: [[-1, -1]], biases: [0] },
      ],
    };
    expect(grade(prepared, submission).verdict).toBe("incorrect");
  });
});
