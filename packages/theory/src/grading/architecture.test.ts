import { describe, expect, it } from "vitest";

import { constraintsSchema } from "../exercise/schema";
import type { Network } from "../network/network";
import {
  ABS,
  h2Network,
  h3Network,
  IDENTITY,
  layerOf,
  leakyRelu,
  RELU,
  sawtoothNetwork,
} from "../testing/networks";
import { nativeOf, prepareOrThrow } from "../testing/exercises";
import { checkArchitecture } from "./architecture";
import type { Finding } from "./feedback";
import { grade, gradeNetwork } from "./grade";

function network(layers: Network["layers"], activation = RELU, outputActivation = IDENTITY) {
  return { layers, activation, outputActivation };
}

/** Widths 2, 5, 1: the second layer is the widest. */
const WIDE = network([
  layerOf([[1], [1]], [0, 0]),
  layerOf(
    Array.from({ length: 5 }, () => [1, 1]),
    [0, 0, 0, 0, 0],
  ),
  layerOf([[1, 1, 1, 1, 1]], [0]),
]);

/** h2 with thirds in the output layer: weights [[2, 1/3]] after [[1], [1]]. */
const THIRDS = network([layerOf([[1], [1]], [0, "-1/2"]), layerOf([[2, "1/3"]], [0])]);

describe("checkArchitecture", () => {
  const rows: [string, Network, Record<string, unknown>, Finding[]][] = [
    ["h2 within its limits", h2Network(), { maxDepth: 2, maxWidth: 2, maxParameters: 7 }, []],
    [
      "two inputs",
      network([layerOf([[1, 1]], [0])]),
      {},
      [{ code: "architecture.inputs", required: 1, received: 2 }],
    ],
    [
      "two outputs",
      network([layerOf([[1], [-1]], [0, 0])]),
      {},
      [{ code: "architecture.outputs", required: 1, received: 2 }],
    ],
    [
      "f^2 against depth 2",
      sawtoothNetwork(2),
      { maxDepth: 2 },
      [{ code: "architecture.too-deep", limit: 2, received: 4 }],
    ],
    [
      "h2 against depth at least 3",
      h2Network(),
      { minDepth: 3 },
      [{ code: "architecture.too-shallow", limit: 3, received: 2 }],
    ],
    [
      "a wide second layer",
      WIDE,
      { maxWidth: 3 },
      [{ code: "architecture.too-wide", limit: 3, received: 5, layer: 2 }],
    ],
    [
      "h2 against 6 parameters",
      h2Network(),
      { maxParameters: 6 },
      [{ code: "architecture.too-many-parameters", limit: 6, received: 7 }],
    ],
    [
      "an |x| hidden activation",
      { ...h2Network(), activation: ABS },
      { activations: ["relu"] },
      [
        {
          code: "architecture.activation",
          field: "activation",
          received: "abs",
          allowed: ["relu"],
        },
      ],
    ],
    [
      "a leaky hidden activation",
      { ...h2Network(), activation: leakyRelu("1/10") },
      { activations: ["relu", "abs"] },
      [
        {
          code: "architecture.activation",
          field: "activation",
          received: "leaky-relu(1/10)",
          allowed: ["relu", "abs"],
        },
      ],
    ],
    [
      "a ReLU output",
      h3Network(),
      { outputActivations: ["identity"] },
      [
        {
          code: "architecture.activation",
          field: "outputActivation",
          received: "relu",
          allowed: ["identity"],
        },
      ],
    ],
    [
      "a hidden activation of a one-layer network",
      network([layerOf([[2]], [1])], ABS),
      { activations: ["relu"] },
      [],
    ],
    [
      "a half in the biases against integers",
      h2Network(),
      { numbers: "integer" },
      [
        {
          code: "architecture.numbers",
          kind: "integer",
          field: "biases",
          layer: 1,
          row: 2,
          value: "-1/2",
        },
      ],
    ],
    ["a half against dyadic numbers", h2Network(), { numbers: "dyadic" }, []],
    [
      "a third in the weights against dyadic numbers",
      THIRDS,
      { numbers: "dyadic" },
      [
        {
          code: "architecture.numbers",
          kind: "dyadic",
          field: "weights",
          layer: 2,
          row: 1,
          column: 2,
          value: "1/3",
        },
      ],
    ],
    [
      "weights before biases against integers",
      network([layerOf([[1], ["3/2"]], [0, "-1/2"]), layerOf([[2, -4]], [0])]),
      { numbers: "integer" },
      [
        {
          code: "architecture.numbers",
          kind: "integer",
          field: "weights",
          layer: 1,
          row: 2,
          column: 1,
          value: "3/2",
        },
      ],
    ],
    [
      "f^3 against every limit",
      sawtoothNetwork(3),
      { maxDepth: 4, maxWidth: 1, maxParameters: 20, outputActivations: ["identity"] },
      [
        { code: "architecture.too-deep", limit: 4, received: 6 },
        { code: "architecture.too-wide", limit: 1, received: 2, layer: 1 },
        { code: "architecture.too-many-parameters", limit: 20, received: 21 },
        {
          code: "architecture.activation",
          field: "outputActivation",
          received: "relu",
          allowed: ["identity"],
        },
      ],
    ],
  ];

  it.each(rows)("checks %s", (_, submitted, constraints, findings) => {
    expect(checkArchitecture(submitted, constraintsSchema.parse(constraints))).toEqual(findings);
  });
});

describe("grade on architecture violations", () => {
  const rows: [string, Record<string, unknown>, Network][] = [
    ["too deep", { maxDepth: 2 }, sawtoothNetwork(2)],
    ["too wide", { maxWidth: 2 }, WIDE],
    ["too many parameters", { maxParameters: 6 }, h2Network()],
    ["a disallowed output activation", { outputActivations: ["identity"] }, h3Network()],
    ["integer weights only", { numbers: "integer" }, h2Network()],
  ];

  it.each(rows)("gives no score when %s", (_, constraints, submitted) => {
    const prepared = prepareOrThrow({ constraints });
    const feedback = gradeNetwork(prepared, submitted);
    expect(feedback.verdict).toBe("invalid");
    expect(feedback.score).toBe(0);
    expect(feedback.checks.map((check) => check.id)).toEqual(["submission", "architecture"]);
    expect(feedback.checks[1]!.outcome).toBe("fail");
    expect(feedback.counterexample).toBeNull();
    expect(feedback.pieces.submitted).toBeNull();
  });

  it("withholds the grade of a correct function", () => {
    const prepared = prepareOrThrow({ constraints: { numbers: "integer" } });
    const feedback = grade(prepared, nativeOf(h2Network()));
    expect(feedback.verdict).toBe("invalid");
    expect(feedback.score).toBe(0);
  });

  it("renders every violation", () => {
    const constraints = {
      maxDepth: 4,
      maxWidth: 1,
      maxParameters: 20,
      outputActivations: ["identity" as const],
      numbers: "integer" as const,
    };
    const feedback = gradeNetwork(prepareOrThrow({ constraints }), sawtoothNetwork(3));
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Not graded: fix the problems below; this submission does not count as an attempt.",
        "The network has 6 layers, more than the 4 allowed.",
        "Layer 1 has 2 neurons, more than the width 1 allowed.",
        "The network has 21 parameters, more than the 20 allowed.",
        "The output activation relu is not allowed here; use identity.",
        "At layer 1, bias 2 the value -1/2 is not an integer, which this exercise requires.",
      ]
    `);
  });

  it("renders inputs, outputs and a hidden activation", () => {
    const constraints = { activations: ["relu" as const] };
    const twoInOut = network(
      [
        layerOf(
          [
            [1, 2],
            [3, 4],
          ],
          [0, 0],
        ),
        layerOf(
          [
            [1, 0],
            [0, 1],
          ],
          [0, 0],
        ),
      ],
      ABS,
    );
    const feedback = gradeNetwork(prepareOrThrow({ constraints }), twoInOut);
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Not graded: fix the problems below; this submission does not count as an attempt.",
        "The network takes 2 inputs, but this exercise needs 1: give the first layer's weights 1 column.",
        "The network has 2 outputs, but this exercise needs 1: give the last layer 1 neuron.",
        "The hidden activation abs is not allowed here; use relu.",
      ]
    `);
  });

  it("renders a dyadic violation with its place", () => {
    const feedback = gradeNetwork(prepareOrThrow({ constraints: { numbers: "dyadic" } }), THIRDS);
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Not graded: fix the problems below; this submission does not count as an attempt.",
        "At layer 2, weights row 1, column 2 the value 1/3 is not a dyadic number k/2^j, which this exercise requires.",
      ]
    `);
  });
});
