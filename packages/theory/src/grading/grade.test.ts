import { describe, expect, it } from "vitest";

import type { PreparedExercise } from "../exercise/prepare";
import type { Network } from "../network/network";
import {
  h2Network,
  h3Network,
  IDENTITY,
  layerOf,
  rationalOf,
  RELU,
  rescaleHiddenLayer,
  sawtoothNetwork,
} from "../testing/networks";
import { nativeOf, prepareOrThrow, TENT_H2_SUBMISSION } from "../testing/exercises";
import type { Feedback } from "./feedback";
import { grade, gradeNetwork } from "./grade";

const TENT_H2 = prepareOrThrow({
  id: "tent-h2",
  target: { kind: "tent", variant: "h2" },
  constraints: { maxDepth: 2, maxWidth: 2, outputActivations: ["identity"] },
});

/** f^3 on [0, 1] with no depth limit, so only the reader's and the analysis's limits apply. */
const SAWTOOTH_F3 = prepareOrThrow({
  id: "sawtooth-f3",
  domain: [0, 1],
  target: { kind: "sawtooth", k: 3 },
  reference: nativeOf(sawtoothNetwork(3)),
});

/** h2's first layer with the output layer [[2, −3]]: slope −1 instead of −2 past 1/2. */
const SHALLOW_RAY: Network = {
  layers: [layerOf([[1], [1]], [0, "-1/2"]), layerOf([[2, -3]], [0])],
  activation: RELU,
  outputActivation: IDENTITY,
};

function codesOf(feedback: Feedback): string[] {
  return feedback.checks.flatMap((check) => check.findings.map((finding) => finding.code));
}

describe("grade feedback shape", () => {
  it("grades the lecture's weights for h2 correct", () => {
    const feedback = grade(TENT_H2, JSON.stringify(TENT_H2_SUBMISSION));
    expect(feedback.verdict).toBe("correct");
    expect(feedback.score).toBe(1);
    expect(feedback.pieces).toEqual({ submitted: 3, target: 3, bound: "16" });
    expect(feedback).toMatchInlineSnapshot(`
      {
        "architecture": {
          "depth": 2,
          "parameters": 7,
          "width": 2,
          "widths": [
            2,
            1,
          ],
        },
        "checks": [
          {
            "findings": [],
            "id": "submission",
            "outcome": "pass",
          },
          {
            "findings": [],
            "id": "architecture",
            "outcome": "pass",
          },
          {
            "findings": [
              {
                "code": "function.equal",
              },
            ],
            "id": "target",
            "outcome": "pass",
          },
        ],
        "counterexample": null,
        "differences": null,
        "messages": [
          "Correct: your network meets the target on ℝ.",
          "Your network computes exactly the target function.",
        ],
        "pieces": {
          "bound": "16",
          "submitted": 3,
          "target": 3,
        },
        "plots": {
          "neurons": [
            {
              "dead": false,
              "layer": 1,
              "leftSlope": "0",
              "neuron": 1,
              "pieces": 2,
              "points": [
                [
                  "0",
                  "0",
                ],
              ],
              "rightSlope": "1",
            },
            {
              "dead": false,
              "layer": 1,
              "leftSlope": "0",
              "neuron": 2,
              "pieces": 2,
              "points": [
                [
                  "1/2",
                  "0",
                ],
              ],
              "rightSlope": "1",
            },
          ],
          "submitted": {
            "leftSlope": "0",
            "pieces": 3,
            "points": [
              [
                "0",
                "0",
              ],
              [
                "1/2",
                "1",
              ],
            ],
            "rightSlope": "-2",
          },
          "target": {
            "leftSlope": "0",
            "pieces": 3,
            "points": [
              [
                "0",
                "0",
              ],
              [
                "1/2",
                "1",
              ],
            ],
            "rightSlope": "-2",
          },
        },
        "score": 1,
        "supNorm": null,
        "verdict": "correct",
      }
    `);
  });

  it("grades wrong weights incorrect with a counterexample", () => {
    const feedback = gradeNetwork(TENT_H2, SHALLOW_RAY);
    expect(feedback.verdict).toBe("incorrect");
    expect(feedback.score).toBe(0);
    expect(feedback.counterexample).toEqual({ x: "1", expected: "0", actual: "1/2" });
    expect(feedback.supNorm).toBe("unbounded");
    expect(feedback.differences).toEqual({
      intervals: [["1/2", null]],
      closed: [[false, false]],
      count: 1,
    });
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on ℝ.",
        "At x = 1 your network gives 1/2 while the target is 0. The functions differ on 1 interval.",
        "On (1/2, ∞) the first wrong piece starts with slope -1 instead of -2.",
      ]
    `);
  });

  it("grades malformed text invalid", () => {
    const feedback = grade(TENT_H2, '{"layers": [');
    expect(feedback.verdict).toBe("invalid");
    expect(feedback.score).toBe(0);
    expect(codesOf(feedback)).toEqual(["submission.invalid"]);
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Not graded: fix the problems below; this submission does not count as an attempt.",
        "invalid JSON at line 1, column 13: expected a value but found end of input",
      ]
    `);
  });

  const roundTrips: [string, PreparedExercise, unknown][] = [
    ["a correct tent", TENT_H2, TENT_H2_SUBMISSION],
    ["a wrong tent", TENT_H2, nativeOf(SHALLOW_RAY)],
    ["a transposed matrix", TENT_H2, { layers: [{ weights: [[1, 1]], biases: [0, "-1/2"] }] }],
    ["a too deep network", TENT_H2, nativeOf(sawtoothNetwork(2))],
    ["a wrong sawtooth", SAWTOOTH_F3, nativeOf(sawtoothNetwork(2))],
  ];

  it.each(roundTrips)("round-trips JSON for %s", (_, prepared, submission) => {
    const feedback = grade(prepared, submission);
    expect(JSON.parse(JSON.stringify(feedback))).toStrictEqual(feedback);
  });
});

describe("grade on a piece-count target", () => {
  function prepareCount(relation: "at-least" | "exactly", count: number, partial = false) {
    return prepareOrThrow({
      domain: [0, 1],
      target: { kind: "pieces", relation, count },
      scoring: { mode: partial ? "partial" : "all-or-nothing" },
      reference: nativeOf(sawtoothNetwork(3)),
    });
  }

  const rows: [string, "at-least" | "exactly", number, Network, Feedback["verdict"]][] = [
    ["f^3 for at least 8", "at-least", 8, sawtoothNetwork(3), "correct"],
    ["f^4 for at least 8", "at-least", 8, sawtoothNetwork(4), "correct"],
    ["f^2 for at least 8", "at-least", 8, sawtoothNetwork(2), "incorrect"],
    ["f^2 for exactly 4", "exactly", 4, sawtoothNetwork(2), "correct"],
    ["f^3 for exactly 4", "exactly", 4, sawtoothNetwork(3), "incorrect"],
    ["h3 for exactly 2", "exactly", 2, h3Network(), "correct"],
  ];

  it.each(rows)("grades %s", (_, relation, count, submitted, verdict) => {
    const feedback = gradeNetwork(prepareCount(relation, count), submitted);
    expect(feedback.verdict).toBe(verdict);
  });

  it("reports the count found and required", () => {
    const feedback = gradeNetwork(prepareCount("at-least", 8), sawtoothNetwork(2));
    expect(feedback.checks.at(-1)!.findings).toEqual([
      { code: "pieces.count", count: 4, relation: "at-least", required: 8 },
    ]);
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on [0, 1].",
        "Your function has 4 linear pieces on the domain; the exercise asks for at least 8.",
      ]
    `);
  });

  it("gives partial credit count / required", () => {
    const feedback = gradeNetwork(prepareCount("at-least", 8, true), sawtoothNetwork(2));
    expect(feedback.verdict).toBe("incorrect");
    expect(feedback.score).toBe(0.5);
  });

  it("gives an exact count overshoot less than full credit", () => {
    const feedback = gradeNetwork(prepareCount("exactly", 4, true), sawtoothNetwork(3));
    expect(feedback.verdict).toBe("incorrect");
    expect(feedback.score).toBeLessThan(1);
  });
});

describe("grade within budgets", () => {
  it("rejects f^60 at the reader's layer limit", () => {
    const feedback = grade(SAWTOOTH_F3, nativeOf(sawtoothNetwork(60)));
    expect(feedback.verdict).toBe("invalid");
    expect(feedback.score).toBe(0);
    expect(codesOf(feedback)).toEqual(["submission.invalid"]);
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Not graded: fix the problems below; this submission does not count as an attempt.",
        "the network has 120 layers, above the limit of 64",
      ]
    `);
  });

  it("stops f^22 at the analysis budget", () => {
    const feedback = grade(SAWTOOTH_F3, nativeOf(sawtoothNetwork(22)));
    expect(feedback.verdict).toBe("invalid");
    expect(feedback.score).toBe(0);
    expect(feedback.checks.at(-1)).toEqual({
      id: "budget",
      outcome: "fail",
      findings: [{ code: "budget.exceeded", layer: 43, limit: 2_200_000, unit: "breakpoints" }],
    });
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Not graded: fix the problems below; this submission does not count as an attempt.",
        "The network's function has too many pieces to grade: layer 43 needs more than 2,200,000 breakpoints.",
      ]
    `);
  });

  it("stops at a smaller budget given as an option", () => {
    const feedback = gradeNetwork(SAWTOOTH_F3, sawtoothNetwork(5), {
      budget: { maxBreakpoints: 20 },
    });
    expect(feedback.verdict).toBe("invalid");
    expect(codesOf(feedback)).toContain("budget.exceeded");
  });

  it("gives no verdict when the target passes the budget", () => {
    const prepared = prepareOrThrow({
      domain: [0, 1],
      target: { kind: "sawtooth", k: 3 },
      reference: nativeOf(sawtoothNetwork(3)),
    });
    // h3 has 3 breakpoints on [0, 1], which fit, but f^3 has 9, which do not.
    const feedback = gradeNetwork(prepared, h3Network(), { budget: { maxBreakpoints: 8 } });
    expect(feedback.verdict).toBe("invalid");
    expect(feedback.score).toBe(0);
    expect(codesOf(feedback)).toContain("budget.exceeded");
  });
});

describe("grade reveals only what the exercise allows", () => {
  /** Prepares a points target whose value 7/3 at x = 1 is a number no other field contains. */
  function preparePoints(reveal: { targetPlot: boolean; expectedValues: boolean }) {
    return prepareOrThrow({
      target: {
        kind: "points",
        points: [
          [0, 0],
          [1, "7/3"],
        ],
        rightSlope: "7/3",
      },
      reveal,
      reference: {
        layers: [
          { weights: [[1], [1]], biases: [0, -1] },
          { weights: [["7/3", 0]], biases: [0] },
        ],
      },
    });
  }
  // ReLU(x) − ReLU(x − 1): 0, then x on [0, 1], then 1.
  const ramp: Network = {
    layers: [layerOf([[1], [1]], [0, -1]), layerOf([[1, -1]], [0])],
    activation: RELU,
    outputActivation: IDENTITY,
  };

  it("shows the target with the default reveal", () => {
    const feedback = gradeNetwork(preparePoints({ targetPlot: true, expectedValues: true }), ramp);
    expect(feedback.plots.target).not.toBeNull();
    expect(feedback.pieces.target).toBe(2);
    expect(JSON.stringify(feedback)).toContain('"expected"');
    expect(JSON.stringify(feedback)).toContain("7/3");
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on ℝ.",
        "At x = 1 your network gives 1 while the target is 7/3. The functions differ on 1 interval.",
        "On (0, ∞) the first wrong piece starts with slope 1 instead of 7/3.",
      ]
    `);
  });

  it("hides the target plot and piece count", () => {
    const feedback = gradeNetwork(preparePoints({ targetPlot: false, expectedValues: true }), ramp);
    expect(feedback.plots.target).toBeNull();
    expect(feedback.pieces.target).toBeNull();
    expect(feedback.plots.submitted).not.toBeNull();
    expect(feedback.pieces.submitted).toBe(3);
  });

  it("hides every expected value", () => {
    const feedback = gradeNetwork(
      preparePoints({ targetPlot: false, expectedValues: false }),
      ramp,
    );
    const json = JSON.stringify(feedback);
    expect(feedback.verdict).toBe("incorrect");
    expect(json).not.toContain('"expected"');
    expect(json).not.toContain("7/3");
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on ℝ.",
        "At x = 1 your network gives 1. The functions differ on 1 interval.",
        "On (0, ∞) the first wrong piece starts with slope 1.",
      ]
    `);
  });

  /** Writes h2 with every hidden neuron scaled by `factor`, so its weights are distinctive. */
  function scaledTent(factor: string): { network: Network; weights: string[] } {
    const network = rescaleHiddenLayer(h2Network(), 0, rationalOf(factor));
    const written = nativeOf(network) as { layers: { weights: string[][]; biases: string[] }[] };
    const weights = written.layers
      .flatMap((layer) => [...layer.weights.flat(), ...layer.biases])
      .filter((text) => text.includes("/"));
    return { network, weights };
  }

  const target = scaledTent("11/7");
  const reference = scaledTent("19/17");
  const hidden = prepareOrThrow({
    target: { kind: "network", network: nativeOf(target.network) },
    constraints: { maxDepth: 2 },
    reveal: { targetPlot: false, expectedValues: false },
    reference: nativeOf(reference.network),
  });
  const submissions: [string, unknown][] = [
    ["a correct network", TENT_H2_SUBMISSION],
    ["a wrong network", nativeOf(SHALLOW_RAY)],
    ["an unreadable network", { layers: [{ weights: [[1, 1]], biases: [0] }] }],
    ["a too deep network", nativeOf(sawtoothNetwork(2))],
  ];

  it.each(submissions)("keeps both networks' weights out of %s", (_, submission) => {
    expect(target.weights).toEqual(["11/7", "11/7", "-11/14", "14/11", "-28/11"]);
    expect(reference.weights).toEqual(["19/17", "19/17", "-19/34", "34/19", "-68/19"]);
    const json = JSON.stringify(grade(hidden, submission));
    for (const weight of [...target.weights, ...reference.weights]) {
      expect(json).not.toContain(weight);
    }
  });
});
