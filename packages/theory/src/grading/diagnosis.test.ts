import { describe, expect, it } from "vitest";

import type { PreparedExercise } from "../exercise/prepare";
import type { Network } from "../network/network";
import {
  h2Network,
  h3Network,
  IDENTITY,
  layerOf,
  RELU,
  sawtoothNetwork,
} from "../testing/networks";
import { nativeOf, prepareOrThrow } from "../testing/exercises";
import type { Feedback, Finding } from "./feedback";
import { gradeNetwork } from "./grade";

const TENT_H2 = prepareOrThrow({ target: { kind: "tent", variant: "h2" } });
const TENT_H3 = prepareOrThrow({
  target: { kind: "tent", variant: "h3" },
  reference: nativeOf(h3Network()),
});

/** h2's first layer [[1], [1]], [0, −1/2] with another output layer. */
function tentWithOutput(weights: (string | number)[], bias: string | number = 0): Network {
  return {
    layers: [layerOf([[1], [1]], [0, "-1/2"]), layerOf([weights], [bias])],
    activation: RELU,
    outputActivation: IDENTITY,
  };
}

function findingsOf(feedback: Feedback): Finding[] {
  return feedback.checks.flatMap((check) => check.findings);
}

function codesOf(feedback: Feedback): string[] {
  return findingsOf(feedback).map((finding) => finding.code);
}

describe("diagnosis of a wrong tent", () => {
  it("names a negated function", () => {
    const feedback = gradeNetwork(TENT_H2, tentWithOutput([-2, 4]));
    expect(feedback.verdict).toBe("incorrect");
    expect(codesOf(feedback)).toContain("function.negated");
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on ℝ.",
        "At x = 1/2 your network gives -1 while the target is 1. The functions differ on 2 intervals.",
        "On (0, 1) the first wrong piece starts with slope -2 instead of 2.",
        "Your function is the target with its sign flipped: check the signs of the last layer.",
      ]
    `);
  });

  it("names a missing output ReLU", () => {
    const feedback = gradeNetwork(TENT_H3, h2Network());
    expect(codesOf(feedback)).toContain("function.missing-output-relu");
    expect(codesOf(feedback)).not.toContain("function.extra-output-relu");
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on ℝ.",
        "At x = 2 your network gives -2 while the target is 0. The functions differ on 1 interval.",
        "On (1, ∞) the first wrong piece starts with slope -2 instead of 0.",
        "With a ReLU on the output your network would be right: set outputActivation to relu.",
      ]
    `);
  });

  it("names an extra output ReLU", () => {
    const feedback = gradeNetwork(TENT_H2, h3Network());
    expect(codesOf(feedback)).toContain("function.extra-output-relu");
    expect(codesOf(feedback)).not.toContain("function.missing-output-relu");
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on ℝ.",
        "At x = 2 your network gives 0 while the target is -2. The functions differ on 1 interval.",
        "On (1, ∞) the first wrong piece starts with slope 0 instead of -2.",
        "Without the ReLU on the output your network would be right: set outputActivation to identity.",
      ]
    `);
  });

  it("names no mistake for an unrelated function", () => {
    const feedback = gradeNetwork(TENT_H2, tentWithOutput([3, -1], 2));
    expect(codesOf(feedback)).toEqual(["function.differs"]);
  });

  it("names an offset on all of ℝ without a slope", () => {
    const feedback = gradeNetwork(TENT_H2, tentWithOutput([2, -4], 1));
    expect(findingsOf(feedback)).toContainEqual({ code: "function.offset", by: "1" });
    expect(codesOf(feedback)).not.toContain("function.slope");
  });

  it("hides revealing diagnoses with hidden values", () => {
    const hidden = prepareOrThrow({ reveal: { targetPlot: false, expectedValues: false } });
    const feedback = gradeNetwork(hidden, tentWithOutput([2, -4], 1));
    expect(codesOf(feedback)).not.toContain("function.offset");
    expect(JSON.stringify(feedback)).not.toContain('"expected"');
  });
});

describe("diagnosis slope on the first wrong piece", () => {
  const rows: [string, PreparedExercise, Network, Finding][] = [
    [
      "a right ray too shallow",
      TENT_H2,
      tentWithOutput([2, -3]),
      {
        code: "function.slope",
        interval: ["1/2", null],
        closed: [false, false],
        expected: "-2",
        actual: "-1",
      },
    ],
    [
      "a peak moved to 1/4",
      TENT_H2,
      {
        layers: [layerOf([[1], [1]], [0, "-1/4"]), layerOf([[2, -4]], [0])],
        activation: RELU,
        outputActivation: IDENTITY,
      },
      {
        code: "function.slope",
        interval: ["1/4", null],
        closed: [false, false],
        expected: "2",
        actual: "-2",
      },
    ],
    [
      "f^1 for f^2 on [0, 1]",
      prepareOrThrow({
        domain: [0, 1],
        target: { kind: "sawtooth", k: 2 },
        reference: nativeOf(sawtoothNetwork(2)),
      }),
      sawtoothNetwork(1),
      {
        code: "function.slope",
        interval: ["0", "1/3"],
        closed: [false, false],
        expected: "4",
        actual: "2",
      },
    ],
  ];

  it.each(rows)("describes %s", (_, prepared, submitted, finding) => {
    const feedback = gradeNetwork(prepared, submitted);
    const slopes = findingsOf(feedback).filter(({ code }) => code === "function.slope");
    expect(slopes).toEqual([finding]);
  });

  it("renders the interval and both slopes", () => {
    const feedback = gradeNetwork(TENT_H2, tentWithOutput([2, -3]));
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on ℝ.",
        "At x = 1 your network gives 1/2 while the target is 0. The functions differ on 1 interval.",
        "On (1/2, ∞) the first wrong piece starts with slope -1 instead of -2.",
      ]
    `);
  });
});

describe("diagnosis of dead neurons", () => {
  it("names a neuron that is 0 on ℝ", () => {
    const submitted: Network = {
      layers: [layerOf([[1], [1], [0]], [0, "-1/2", -1]), layerOf([[2, -3, 5]], [0])],
      activation: RELU,
      outputActivation: IDENTITY,
    };
    const feedback = gradeNetwork(TENT_H2, submitted);
    const dead = findingsOf(feedback).filter(({ code }) => code === "neurons.dead");
    expect(dead).toEqual([{ code: "neurons.dead", neurons: [{ layer: 1, neuron: 3 }] }]);
    expect(feedback.messages.at(-1)).toMatchInlineSnapshot(
      `"These neurons output 0 on the whole domain and contribute nothing: layer 1 neuron 3."`,
    );
  });

  it("names a neuron that is 0 only on the domain", () => {
    const prepared = prepareOrThrow({
      domain: [0, 1],
      target: { kind: "tent", variant: "h3" },
      reference: nativeOf(h3Network()),
    });
    const submitted: Network = {
      layers: [layerOf([[1], [1], [1]], [0, "-1/2", -2]), layerOf([[2, -3, 1]], [0])],
      activation: RELU,
      outputActivation: RELU,
    };
    const feedback = gradeNetwork(prepared, submitted);
    const dead = findingsOf(feedback).find(({ code }) => code === "neurons.dead");
    expect(dead).toEqual({ code: "neurons.dead", neurons: [{ layer: 1, neuron: 3 }] });
  });

  it("stays silent about a dead neuron of a correct network", () => {
    const submitted: Network = {
      layers: [layerOf([[1], [1], [0]], [0, "-1/2", -1]), layerOf([[2, -4, 5]], [0])],
      activation: RELU,
      outputActivation: IDENTITY,
    };
    const feedback = gradeNetwork(TENT_H2, submitted);
    expect(feedback.verdict).toBe("correct");
    expect(codesOf(feedback)).not.toContain("neurons.dead");
    expect(feedback.plots.neurons.map((plot) => plot.dead)).toEqual([false, false, true]);
  });
});

describe("diagnosis on a difference starting at −∞", () => {
  it("names no slope when the left rays agree", () => {
    // |x| against φ(x) + φ(−x + 10^-9): both have slope −1 on the left ray, so the first
    // differing interval starts with equal slopes and the finding would mislead.
    const prepared = prepareOrThrow({
      target: { kind: "points", points: [[0, 0]], leftSlope: -1, rightSlope: 1 },
    });
    const submitted: Network = {
      layers: [layerOf([[1], [-1]], [0, "1/1000000000"]), layerOf([[1, 1]], [0])],
      activation: RELU,
      outputActivation: IDENTITY,
    };
    const feedback = gradeNetwork(prepared, submitted);
    expect(feedback.verdict).toBe("incorrect");
    expect(codesOf(feedback)).not.toContain("function.slope");
  });
});
