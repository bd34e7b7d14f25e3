import { describe, expect, test } from "vitest";

import type { Network } from "../network/network";
import { evaluateNetwork, inputCount } from "../network/network";
import { formatActivation } from "../network/activation";
import { formatRational, rational } from "../rational";
import { describeProblem } from "./messages";
import { NETWORK_LIMITS } from "./problem";
import { readNative, type SubmissionResult } from "./submission";

const TENT = `{
  "layers": [
    {"weights": [[1], [1]], "biases": [0, "-1/2"]},
    {"weights": [[2, -4]], "biases": [0]}
  ],
  "activation": "relu",
  "outputActivation": "identity"
}`;

function networkOf(result: SubmissionResult): Network {
  if (!result.ok) throw new Error(result.problems.map(describeProblem).join("\n"));
  return result.network;
}

function messagesOf(input: unknown): string[] {
  const result = readNative(input);
  if (result.ok) throw new Error("expected problems");
  return result.problems.map(describeProblem);
}

function formatLayers(network: Network): string[][][] {
  return network.layers.map((layer) => [
    ...layer.weights.map((row) => row.map(formatRational)),
    layer.biases.map(formatRational),
  ]);
}

/** Builds a native submission with the given layers and default activations. */
function withLayers(...layers: { weights: unknown; biases: unknown }[]) {
  return { layers };
}

describe("readNative", () => {
  test("reads the tent map h2", () => {
    const network = networkOf(readNative(TENT));
    expect(formatLayers(network)).toEqual([
      [["1"], ["1"], ["0", "-1/2"]],
      [["2", "-4"], ["0"]],
    ]);
    expect(formatActivation(network.activation)).toBe("relu");
    expect(formatActivation(network.outputActivation)).toBe("identity");
    expect(inputCount(network)).toBe(1);
    expect(evaluateNetwork(network, [rational(1n, 4n)]).map(formatRational)).toEqual(["1/2"]);
  });

  test("defaults to relu inside and identity at the output", () => {
    const network = networkOf(readNative(withLayers({ weights: [[1]], biases: [0] })));
    expect(network.activation).toEqual({ name: "relu" });
    expect(network.outputActivation).toEqual({ name: "identity" });
  });

  test("reads a parsed value with JavaScript numbers", () => {
    const value = withLayers(
      { weights: [[1], [1]], biases: [0, -0.5] },
      { weights: [[2, -4]], biases: [0] },
    );
    expect(formatLayers(networkOf(readNative(value)))).toEqual([
      [["1"], ["1"], ["0", "-1/2"]],
      [["2", "-4"], ["0"]],
    ]);
  });

  test.each([
    ["0.1", "1/10"],
    ['"0.1"', "1/10"],
    ['"-1/2"', "-1/2"],
    ['"1e-3"', "1/1000"],
    ["-5e-1", "-1/2"],
    ['"-.5"', "-1/2"],
    ['"\u22121/3"', "-1/3"],
    ["12345678901234567890", "12345678901234567890"],
    ["9007199254740993", "9007199254740993"],
  ])("reads the cell %s as %s", (cell, expected) => {
    const network = networkOf(readNative(`{"layers": [{"weights": [[${cell}]], "biases": [0]}]}`));
    expect(network.layers[0]?.weights[0]?.map(formatRational)).toEqual([expected]);
  });

  test.each([
    ['"relu"', "relu"],
    ['"ReLU"', "relu"],
    ['"identity"', "identity"],
    ['"linear"', "identity"],
    ['"abs"', "abs"],
    ['"hard-tanh"', "hard-tanh"],
    ['"hardtanh"', "hard-tanh"],
    ['"hard_tanh"', "hard-tanh"],
    ['"leaky-relu(0.1)"', "leaky-relu(1/10)"],
    ['"leaky_relu(1/100)"', "leaky-relu(1/100)"],
    ['{"name": "leaky-relu", "slope": "1/10"}', "leaky-relu(1/10)"],
    ['{"name": "leaky-relu", "slope": 0.2}', "leaky-relu(1/5)"],
    ['{"name": "abs"}', "abs"],
  ])("reads the activation %s as %s", (activation, expected) => {
    const text = `{"layers": [{"weights": [[1]], "biases": [0]}], "activation": ${activation},
      "outputActivation": ${activation}}`;
    const network = networkOf(readNative(text));
    expect(formatActivation(network.activation)).toBe(expected);
    expect(formatActivation(network.outputActivation)).toBe(expected);
  });

  test("reports a transposed first layer", () => {
    const value = withLayers({ weights: [[1, 1]], biases: [0, "-1/2"] });
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 1 weights are 1×2 but the layer takes 1 input and has 2 neurons: expected 2×1; did you transpose?",
      ]
    `);
  });

  test("reports a transposed second layer", () => {
    const value = withLayers(
      { weights: [[1], [1]], biases: [0, "-1/2"] },
      { weights: [[2], [-4]], biases: [0] },
    );
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 2 weights are 2×1 but the layer takes 2 inputs and has 1 neuron: expected 1×2; did you transpose?",
      ]
    `);
  });

  test("reports the transpose as data", () => {
    const result = readNative(withLayers({ weights: [[1, 1]], biases: [0, 0] }));
    expect(result.ok ? [] : result.problems).toEqual([
      {
        code: "weights-shape",
        place: { layer: 1, field: "weights" },
        expected: { rows: 2, columns: 1 },
        received: { rows: 1, columns: 2 },
        transposed: true,
      },
    ]);
  });

  test("reports a wrong shape that is no transpose", () => {
    const value = withLayers(
      { weights: [[1], [1]], biases: [0, 0] },
      {
        weights: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        biases: [0],
      },
    );
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 2 weights are 3×3 but the layer takes 2 inputs and has 1 neuron: expected 1×2",
      ]
    `);
  });

  test("reports an input count that differs from the previous layer", () => {
    const value = withLayers(
      { weights: [[1], [1]], biases: [0, 0] },
      { weights: [[1, 2, 3]], biases: [0] },
    );
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 2 weights have 3 columns, one per input, but layer 1 has 2 neurons: expected 2 columns",
      ]
    `);
  });

  test("reports a bias vector of the wrong length", () => {
    const value = withLayers({ weights: [[1], [1]], biases: [0, 0, 0] });
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 1 biases have 3 entries but the layer's weights have 2 rows, one per neuron: expected 2 biases",
      ]
    `);
  });

  test("reports a flat weights vector for a column", () => {
    expect(messagesOf(withLayers({ weights: [1, 1], biases: [0, 0] }))).toMatchInlineSnapshot(`
      [
        "layer 1 weights are a flat list of 2 numbers but must be a matrix with one row per neuron and one column per input: write [[1], [1]]",
      ]
    `);
  });

  test("reports a flat weights vector for a row", () => {
    const value = withLayers(
      { weights: [[1], [1]], biases: [0, 0] },
      { weights: [2, -4], biases: [0] },
    );
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 2 weights are a flat list of 2 numbers but must be a matrix with one row per neuron and one column per input: write [[2, -4]]",
      ]
    `);
  });

  test("suggests both matrices for an unclear vector", () => {
    const value = withLayers({ weights: [1, 1], biases: [0, 0, 0] });
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 1 weights are a flat list of 2 numbers but must be a matrix with one row per neuron and one column per input: write [[1], [1]] or [[1, 1]]",
      ]
    `);
  });

  test("reports a single number as weights", () => {
    expect(messagesOf(withLayers({ weights: 3, biases: [0] }))).toMatchInlineSnapshot(`
      [
        "layer 1 weights are a single number but must be a matrix with one row per neuron and one column per input: write [[3]]",
      ]
    `);
  });

  test("reports a matrix where biases are a vector", () => {
    const value = withLayers({ weights: [[1], [1]], biases: [[0, "-1/2"]] });
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 1 biases are a 1×2 matrix but must be a flat list with one bias per neuron: write [0, "-1/2"]",
      ]
    `);
  });

  test("reports a column of biases", () => {
    const value = withLayers({ weights: [[1], [1]], biases: [[0], [-0.5]] });
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 1 biases are a 2×1 matrix but must be a flat list with one bias per neuron: write [0, -0.5]",
      ]
    `);
  });

  test("reports a single number as biases", () => {
    expect(messagesOf(withLayers({ weights: [[1]], biases: 0 }))).toMatchInlineSnapshot(`
      [
        "layer 1 biases are a single number but must be a flat list with one bias per neuron: write [0]",
      ]
    `);
  });

  test("reports a ragged row", () => {
    const value = withLayers({ weights: [[1, 2], [3], [4, 5]], biases: [0, 0, 0] });
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 1 weights, row 2 has 1 entry but row 1 has 2: every row needs one weight per input",
      ]
    `);
  });

  test("reports every bad cell with its place", () => {
    const text = `{"layers": [{"weights": [["x"], [""]], "biases": ["1/0", "NaN"]},
      {"weights": [["1e400", null]], "biases": [true]}]}`;
    expect(messagesOf(text)).toMatchInlineSnapshot(`
      [
        "layer 1 weights, row 1, column 1: "x" is not a number; write an integer, a decimal such as 0.5 or -1e-3, or a fraction such as -1/2",
        "layer 1 weights, row 2, column 1: the cell is empty; write a number such as 0",
        "layer 1 biases, entry 1: "1/0" divides by zero",
        "layer 1 biases, entry 2: "NaN" is not a number; write an exact value",
        "layer 2 weights, row 1, column 1: "1e400" is out of range: exponents may be at most ±300, with numerator and denominator below 2^1024",
        "layer 2 weights, row 1, column 2 must be a number or a string such as "-1/2" but is null",
        "layer 2 biases, entry 1 must be a number or a string such as "-1/2" but is true",
      ]
    `);
  });

  test("reports missing biases", () => {
    expect(messagesOf(`{"layers": [{"weights": [[1]]}]}`)).toMatchInlineSnapshot(`
      [
        "layer 1 is missing the field "biases": give one bias per neuron, e.g. [0, 0] for two neurons (write zeros for no bias)",
      ]
    `);
  });

  test("reports no layers", () => {
    expect(messagesOf(`{"layers": []}`)).toMatchInlineSnapshot(`
      [
        "the network has no layers: give at least one layer with weights and biases",
      ]
    `);
  });

  test("reports a layer that is no object", () => {
    expect(messagesOf(`{"layers": [3]}`)).toEqual(["layer 1 must be an object but is a number"]);
  });

  test("reports a missing layers field", () => {
    expect(messagesOf(`{"activation": "relu", "layers ": []}`)).toMatchInlineSnapshot(`
      [
        "the submission is missing the field "layers": give a list of layers, each with "weights" and "biases"",
        "the submission has an unknown field "layers "; did you mean "layers"?",
      ]
    `);
  });

  test("reports a misspelt top-level field", () => {
    const text = `{"layers": [{"weights": [[1]], "biases": [0]}], "activaton": "relu"}`;
    expect(messagesOf(text)).toMatchInlineSnapshot(`
      [
        "the submission has an unknown field "activaton"; did you mean "activation"?",
      ]
    `);
  });

  test("reports a misspelt layer field", () => {
    expect(messagesOf(`{"layers": [{"weight": [[1]], "biases": [0]}]}`)).toMatchInlineSnapshot(`
      [
        "layer 1 is missing the field "weights": give one row per neuron with one weight per input, e.g. [[1], [1]]",
        "layer 1 has an unknown field "weight"; did you mean "weights"?",
      ]
    `);
  });

  test.each([
    [
      '"sigmoid"',
      'activation: unknown activation "sigmoid"; use one of "relu", "identity", "leaky-relu(<slope>)", "abs", "hard-tanh"',
    ],
    [
      '"reul"',
      'activation: unknown activation "reul" (did you mean "relu"?); use one of "relu", "identity", "leaky-relu(<slope>)", "abs", "hard-tanh"',
    ],
    [
      '"leaky-relu"',
      'activation: "leaky-relu" needs the slope for negative inputs: write "leaky-relu(1/100)" or {"name": "leaky-relu", "slope": "1/100"}',
    ],
    [
      '"leaky-relu(x)"',
      'activation.slope: "x" is not a number; write an integer, a decimal such as 0.5 or -1e-3, or a fraction such as -1/2',
    ],
    [
      '{"name": "leaky-relu", "slope": ""}',
      "activation.slope: the cell is empty; write a number such as 0",
    ],
    ['{"name": "relu", "slope": 1}', 'activation has an unknown field "slope"; remove it'],
    ['{"nam": "relu"}', 'activation has an unknown field "nam"; did you mean "name"?'],
    [
      "3",
      'activation must be a name such as "relu" or an object such as {"name": "leaky-relu", "slope": "1/10"} but is a number',
    ],
  ])("reports the activation %s", (activation, message) => {
    const text = `{"layers": [{"weights": [[1]], "biases": [0]}], "activation": ${activation}}`;
    expect(messagesOf(text)).toContain(message);
  });

  test("rejects more layers than the limit", () => {
    const layers = Array.from({ length: NETWORK_LIMITS.maxLayers + 1 }, () => ({
      weights: [[1]],
      biases: [0],
    }));
    expect(messagesOf({ layers })).toMatchInlineSnapshot(`
      [
        "the network has 65 layers, above the limit of 64",
      ]
    `);
  });

  test("rejects a layer wider than the limit", () => {
    const width = NETWORK_LIMITS.maxNeurons + 1;
    const value = withLayers({
      weights: Array.from({ length: width }, () => [1]),
      biases: Array.from({ length: width }, () => 0),
    });
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 1 weights give the layer 1025 neurons, above the limit of 1024 per layer",
      ]
    `);
  });

  test("rejects more parameters than the limit", () => {
    const row = Array.from({ length: 1000 }, () => 1);
    const layer = { weights: Array.from({ length: 1000 }, () => row), biases: row };
    const result = readNative({ layers: [layer] });
    expect(result.ok ? [] : result.problems).toEqual([
      {
        code: "too-big",
        place: { field: "layers" },
        limit: "parameters",
        bound: NETWORK_LIMITS.maxParameters,
        received: 1_001_000,
      },
    ]);
  });

  test("accepts a network at the size limits", () => {
    const width = NETWORK_LIMITS.maxNeurons;
    const first = {
      weights: Array.from({ length: width }, () => [1]),
      biases: Array(width).fill(0),
    };
    const second = { weights: [Array(width).fill(1)], biases: [0] };
    expect(readNative({ layers: [first, second] }).ok).toBe(true);
  });

  test("caps the problem list", () => {
    const row = Array.from({ length: 100 }, () => "x");
    const result = readNative(withLayers({ weights: [row], biases: [0] }));
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(NETWORK_LIMITS.maxProblems + 1);
    expect(describeProblem(problems[NETWORK_LIMITS.maxProblems]!)).toBe(
      "more problems follow; fix these 50 first",
    );
  });
});
