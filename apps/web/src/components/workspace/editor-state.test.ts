import { describe, expect, test } from "vitest";

import type { ConstraintsView } from "@/lib/submission-contract";

import {
  addLayer,
  addNeuron,
  initialEditor,
  removeLayer,
  removeNeuron,
  setBias,
  setWeight,
  type EditorState,
} from "./editor-state";

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

const LECTURE_H2: EditorState = {
  layers: [
    { weights: [["1"], ["1"]], biases: ["0", "-1/2"] },
    { weights: [["2", "-4"]], biases: ["0"] },
  ],
  activation: { name: "relu", slope: "1/10" },
  outputActivation: { name: "identity", slope: "1/10" },
};

function shapes(state: EditorState): string[] {
  return state.layers.map((l) => `${l.weights.length}x${l.weights[0]?.length}+${l.biases.length}`);
}

describe("initialEditor", () => {
  test("shapes a 1-2-1 network of zeros", () => {
    const state = initialEditor(TENT_CONSTRAINTS);
    expect(shapes(state)).toEqual(["2x1+2", "1x2+1"]);
    expect(state.layers[0]!.weights).toEqual([["0"], ["0"]]);
    expect(state.activation.name).toBe("relu");
    expect(state.outputActivation.name).toBe("identity");
  });

  test("uses the exercise's inputs and outputs", () => {
    const state = initialEditor({ ...TENT_CONSTRAINTS, inputs: 3, outputs: 2, maxWidth: null });
    expect(shapes(state)).toEqual(["2x3+2", "2x2+2"]);
  });

  test("builds one layer when depth 1 is the limit", () => {
    expect(shapes(initialEditor({ ...TENT_CONSTRAINTS, maxDepth: 1 }))).toEqual(["1x1+1"]);
  });
});

describe("layer operations", () => {
  test("addNeuron adds a row and the next layer's column", () => {
    const state = addNeuron(LECTURE_H2, 0);
    expect(shapes(state)).toEqual(["3x1+3", "1x3+1"]);
    expect(state.layers[1]!.weights).toEqual([["2", "-4", "0"]]);
  });

  test("removeNeuron drops the last row and column", () => {
    const state = removeNeuron(LECTURE_H2, 0);
    expect(shapes(state)).toEqual(["1x1+1", "1x1+1"]);
    expect(state.layers[1]!.weights).toEqual([["2"]]);
  });

  test("removeNeuron keeps one neuron", () => {
    const one = removeNeuron(LECTURE_H2, 1);
    expect(one).toBe(LECTURE_H2);
  });

  test("addLayer inserts a square layer before the output", () => {
    const state = addLayer(LECTURE_H2);
    expect(shapes(state)).toEqual(["2x1+2", "2x2+2", "1x2+1"]);
    expect(state.layers[2]).toBe(LECTURE_H2.layers[1]);
  });

  test("removeLayer reconnects the next layer", () => {
    const state = removeLayer(LECTURE_H2, 0);
    expect(shapes(state)).toEqual(["1x1+1"]);
    expect(state.layers[0]!.weights).toEqual([["2"]]);
  });

  test("removeLayer keeps the last layer", () => {
    const single = removeLayer(LECTURE_H2, 0);
    expect(removeLayer(single, 0)).toBe(single);
  });

  test("setWeight and setBias change one cell", () => {
    const state = setBias(setWeight(LECTURE_H2, 1, 0, 1, "-4.0"), 0, 1, "−1/2");
    expect(state.layers[1]!.weights).toEqual([["2", "-4.0"]]);
    expect(state.layers[0]!.biases).toEqual(["0", "−1/2"]);
    expect(LECTURE_H2.layers[1]!.weights).toEqual([["2", "-4"]]);
  });
});
