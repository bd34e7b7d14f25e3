import { describe, expect, it } from "vitest";

import { analyzeNetwork } from "../analysis/analyze";
import type { Domain } from "../analysis/domain";
import type { Piecewise } from "../analysis/piecewise";
import { prepareExercise } from "../exercise/prepare";
import { formatRational, ONE, rational, ZERO, type Rational } from "../rational";
import { h3Network, rationalOf, sawtoothNetwork } from "../testing/networks";
import { nativeOf, prepareOrThrow } from "../testing/exercises";
import { classify } from "./classification";
import { describeFinding } from "./messages";
import { gradeNetwork } from "./grade";

const UNIT: Domain = { lo: ZERO, hi: ONE };
const HALF = rational(1n, 2n);

function sawtooth(k: number): Piecewise {
  return analyzeNetwork(sawtoothNetwork(k), UNIT).outputs[0]!;
}

/** Returns the 2^k + 1 points i/2^k labelled i mod 2, which f^k classifies without a mistake. */
function alternatingPoints(k: number): [Rational, 0 | 1][] {
  const count = 2 ** k;
  return Array.from({ length: count + 1 }, (_, i) => [
    rational(BigInt(i), BigInt(count)),
    i % 2 === 0 ? 0 : 1,
  ]);
}

function writtenPoints(k: number): [string, 0 | 1][] {
  return alternatingPoints(k).map(([x, label]) => [formatRational(x), label]);
}

describe("classify on the sawtooth points", () => {
  it.each([1, 2, 3, 4, 5, 6])("gives f^%i the error R = 0", (k) => {
    const result = classify(sawtooth(k), alternatingPoints(k), HALF, ZERO);
    expect(result.finding.errors).toBe(0);
    expect(result.finding.first).toBeNull();
    expect(formatRational(result.error)).toBe("0");
  });

  // f^(k−1) is 1/2 at the odd points, which passes the threshold, and i/2 mod 2 at the even
  // ones, which is wrong when i/2 is odd: 2^(k−2) mistakes.
  it.each([2, 3, 4, 5, 6])("gives f^(k−1) R = 2^(k−2)/(2^k + 1) for k = %i", (k) => {
    const result = classify(sawtooth(k - 1), alternatingPoints(k), HALF, ZERO);
    const expected = rational(2n ** BigInt(k - 2), 2n ** BigInt(k) + 1n);
    expect(result.finding.errors).toBe(2 ** (k - 2));
    expect(result.finding.points).toBe(2 ** k + 1);
    expect(formatRational(result.error)).toBe(formatRational(expected));
    expect(result.finding.first).toEqual({
      x: `1/${2 ** (k - 1)}`,
      label: 0,
      value: "1",
      threshold: "1/2",
    });
  });
});

describe("classify threshold", () => {
  // h3 is 1/2 at 1/4, 1 at 1/2 and 0 at 0.
  const h3 = analyzeNetwork(h3Network(), UNIT).outputs[0]!;
  const rows: [string, string, string, 0 | 1, number][] = [
    ["a value equal to the threshold as 1", "1/4", "1/2", 1, 0],
    ["a value equal to the threshold not as 0", "1/4", "1/2", 0, 1],
    ["a value just below the threshold as 0", "1/4", "1000001/2000000", 0, 0],
    ["a zero value against threshold 0 as 1", "0", "0", 1, 0],
    ["a value above a threshold of 1 as 0", "1/2", "1", 0, 1],
  ];

  it.each(rows)("classifies %s", (_, x, threshold, label, errors) => {
    const points: [Rational, 0 | 1][] = [[rationalOf(x), label]];
    const result = classify(h3, points, rationalOf(threshold), ZERO);
    expect(result.finding.errors).toBe(errors);
  });
});

describe("grade on a classification target", () => {
  function prepareK4(fields: { scoring?: { mode: "partial" }; maxError?: string } = {}) {
    return prepareOrThrow({
      domain: [0, 1],
      target: {
        kind: "classification",
        points: writtenPoints(4),
        threshold: "1/2",
        maxError: fields.maxError ?? "0",
      },
      scoring: fields.scoring ?? { mode: "all-or-nothing" },
      reference: nativeOf(sawtoothNetwork(4)),
    });
  }

  it("passes f^4 with R = 0", () => {
    const feedback = gradeNetwork(prepareK4(), sawtoothNetwork(4));
    expect(feedback.verdict).toBe("correct");
    expect(feedback.score).toBe(1);
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Correct: your network meets the target on [0, 1].",
        "The network misclassifies 0 of 17 points: R = 0 (at most 0 allowed).",
      ]
    `);
  });

  it("fails f^3 with R = 4/17", () => {
    const feedback = gradeNetwork(prepareK4(), sawtoothNetwork(3));
    expect(feedback.verdict).toBe("incorrect");
    expect(feedback.score).toBe(0);
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on [0, 1].",
        "The network misclassifies 4 of 17 points: R = 4/17 (at most 0 allowed). The first mistake is at x = 1/8: the network gives 1, at or above the threshold 1/2, so it predicts class 1, but the label is 0.",
      ]
    `);
  });

  it("gives f^3 the partial score 1 − R", () => {
    const feedback = gradeNetwork(prepareK4({ scoring: { mode: "partial" } }), sawtoothNetwork(3));
    expect(feedback.verdict).toBe("incorrect");
    expect(feedback.score).toBeCloseTo(13 / 17, 12);
  });

  it("passes f^3 when R = 4/17 is allowed", () => {
    const feedback = gradeNetwork(prepareK4({ maxError: "4/17" }), sawtoothNetwork(3));
    expect(feedback.verdict).toBe("correct");
  });

  it("rejects points outside the domain", () => {
    const result = prepareExercise({
      id: "outside",
      title: "Outside",
      statement: "Classify.",
      domain: [0, 1],
      target: {
        kind: "classification",
        points: [
          [-1, 0],
          [0, 1],
        ],
      },
      reference: nativeOf(h3Network()),
    });
    expect(result.ok).toBe(false);
  });
});

describe("the classification message", () => {
  const finding = {
    code: "classification.errors",
    errors: 1,
    points: 2,
    error: "1/2",
    maxError: "0",
  } as const;

  it("explains a value below the threshold", () => {
    const first = { x: "1", label: 1, value: "0", threshold: "1/2" } as const;

    expect(describeFinding({ ...finding, first }).join(" ")).toContain(
      "the network gives 0, below the threshold 1/2, so it predicts class 0, but the label is 1.",
    );
  });

  it("reads stored feedback without a threshold", () => {
    const first = { x: "1", label: 0, value: "0" } as const;

    expect(describeFinding({ ...finding, first }).join(" ")).toContain(
      "the network gives 0, but the label is 0.",
    );
  });
});
