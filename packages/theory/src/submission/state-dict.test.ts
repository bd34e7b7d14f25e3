import { describe, expect, test } from "vitest";

import type { Network } from "../network/network";
import { formatActivation } from "../network/activation";
import { formatRational } from "../rational";
import { describeProblem } from "./messages";
import { commonPrefix } from "./state-dict";
import { readStateDict, type SubmissionResult } from "./submission";

const TENT = `{"0.weight": [[1], [1]], "0.bias": [0, -0.5], "2.weight": [[2, -4]], "2.bias": [0]}`;

function successOf(result: SubmissionResult) {
  if (!result.ok) throw new Error(result.problems.map(describeProblem).join("\n"));
  return result;
}

function messagesOf(input: unknown): string[] {
  const result = readStateDict(input);
  if (result.ok) throw new Error("expected problems");
  return result.problems.map(describeProblem);
}

function formatLayers(network: Network): string[][][] {
  return network.layers.map((layer) => [
    ...layer.weights.map((row) => row.map(formatRational)),
    layer.biases.map(formatRational),
  ]);
}

describe("readStateDict", () => {
  test("reads the tent map h2", () => {
    const result = successOf(readStateDict(TENT));
    expect(result.format).toBe("state-dict");
    expect(formatLayers(result.network)).toEqual([
      [["1"], ["1"], ["0", "-1/2"]],
      [["2", "-4"], ["0"]],
    ]);
    expect(result.mapping).toEqual([
      { key: "0", layer: 1 },
      { key: "2", layer: 2 },
    ]);
    expect(result.notes).toEqual([]);
    expect(formatActivation(result.network.activation)).toBe("relu");
    expect(formatActivation(result.network.outputActivation)).toBe("identity");
  });

  test("orders modules by numeric index", () => {
    const value = {
      "10.weight": [[3]],
      "10.bias": [0],
      "2.weight": [[2]],
      "2.bias": [0],
      "0.weight": [[1]],
      "0.bias": [0],
    };
    const result = successOf(readStateDict(value));
    expect(result.mapping).toEqual([
      { key: "0", layer: 1 },
      { key: "2", layer: 2 },
      { key: "10", layer: 3 },
    ]);
    expect(formatLayers(result.network).map((layer) => layer[0])).toEqual([["1"], ["2"], ["3"]]);
  });

  test.each([
    ["module.", ["stripped prefix module."]],
    ["net.", ["stripped prefix net."]],
    ["model.", ["stripped prefix model."]],
    ["module.net.", ["stripped prefix module.net."]],
  ])("strips the uniform prefix %s", (prefix, notes) => {
    const value = { [`${prefix}0.weight`]: [[1]], [`${prefix}0.bias`]: [0] };
    const result = successOf(readStateDict(value));
    expect(result.notes).toEqual(notes);
    expect(result.mapping).toEqual([{ key: "0", layer: 1 }]);
  });

  test.each([
    [["0.weight", "0.bias"], ""],
    [["module.0.weight", "1.bias"], ""],
    [["fc.weight", "fc.bias"], ""],
    [["a.b.0.weight", "a.b.0.bias"], "a.b."],
    [["a.0.weight", "b.0.bias"], ""],
  ])("finds the common prefix of %j", (keys, prefix) => {
    expect(commonPrefix(keys)).toBe(prefix);
  });

  test("reads the wrapper with activations", () => {
    const text = `{"state_dict": ${TENT}, "activation": "relu", "outputActivation": "relu"}`;
    const result = successOf(readStateDict(text));
    expect(formatActivation(result.network.outputActivation)).toBe("relu");
    expect(formatLayers(result.network)).toHaveLength(2);
  });

  test("keeps 2^53 + 1 exact", () => {
    const text = `{"0.weight": [[9007199254740993]], "0.bias": [0]}`;
    const result = successOf(readStateDict(text));
    expect(formatRational(result.network.layers[0]!.weights[0]![0]!)).toBe("9007199254740993");
  });

  test("reports a weight without bias", () => {
    expect(messagesOf({ "0.weight": [[1]] })).toMatchInlineSnapshot(`
      [
        "key "0.weight" has no matching bias "0.bias": export the layer with bias=True, or add the key with one zero per neuron",
      ]
    `);
  });

  test("reports a bias without weight", () => {
    expect(messagesOf({ "0.weight": [[1]], "0.bias": [0], "2.bias": [0] })).toMatchInlineSnapshot(`
      [
        "key "2.bias" has no matching weight "2.weight"",
      ]
    `);
  });

  test("reports a module that is not Linear", () => {
    const value = {
      "0.weight": [[1]],
      "0.bias": [0],
      "1.weight": [1],
      "1.bias": [0],
      "1.running_mean": [0],
      "1.running_var": [1],
    };
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "key "1.running_mean" is not a parameter of nn.Linear: only nn.Linear layers and parameter-free activations such as nn.ReLU can be read, so remove other modules such as BatchNorm",
        "key "1.running_var" is not a parameter of nn.Linear: only nn.Linear layers and parameter-free activations such as nn.ReLU can be read, so remove other modules such as BatchNorm",
      ]
    `);
  });

  test("reports an unparseable key", () => {
    const value = { "fc1.weight": [[1]], "fc1.bias": [0], "fc2.weight": [[1]], "fc2.bias": [0] };
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "key "fc1.weight" is not of the form "<index>.weight" or "<index>.bias": export the state_dict of an nn.Sequential of nn.Linear layers",
        "key "fc1.bias" is not of the form "<index>.weight" or "<index>.bias": export the state_dict of an nn.Sequential of nn.Linear layers",
        "key "fc2.weight" is not of the form "<index>.weight" or "<index>.bias": export the state_dict of an nn.Sequential of nn.Linear layers",
        "key "fc2.bias" is not of the form "<index>.weight" or "<index>.bias": export the state_dict of an nn.Sequential of nn.Linear layers",
      ]
    `);
  });

  test("reports an activation beside the keys", () => {
    expect(messagesOf({ "0.weight": [[1]], "0.bias": [0], activation: "abs" })).toEqual([
      'key "activation" is not of the form "<index>.weight" or "<index>.bias"; to set activations, wrap the state_dict as {"state_dict": {...}, "activation": ...}',
    ]);
  });

  test("reports a state_dict that is no object", () => {
    expect(messagesOf({ state_dict: 3 })).toEqual(["state_dict must be an object but is a number"]);
  });

  test("reports two keys for one parameter", () => {
    const value = { "0.weight": [[1]], "00.weight": [[1]], "0.bias": [0] };
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "key "00.weight" names the same parameter as another key; keep only one",
      ]
    `);
  });

  test("reports shapes with the key and layer", () => {
    const value = {
      "0.weight": [[1, 1]],
      "0.bias": [0, 0],
      "2.weight": [[1, 2, 3]],
      "2.bias": [0],
    };
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "layer 1 weights (key "0.weight") are 1×2 but the layer takes 1 input and has 2 neurons: expected 2×1; did you transpose?",
        "layer 2 weights (key "2.weight") have 3 columns, one per input, but layer 1 has 2 neurons: expected 2 columns",
      ]
    `);
  });

  test("reports a bad cell with the key", () => {
    expect(messagesOf({ "0.weight": [["one"]], "0.bias": [null] })).toMatchInlineSnapshot(`
      [
        "layer 1 weights (key "0.weight"), row 1, column 1: "one" is not a number; write an integer, a decimal such as 0.5 or -1e-3, or a fraction such as -1/2",
        "layer 1 biases (key "0.bias"), entry 1 must be a number or a string such as "-1/2" but is null",
      ]
    `);
  });

  test("reports unknown wrapper fields", () => {
    const value = { state_dict: { "0.weight": [[1]], "0.bias": [0] }, activatio: "relu" };
    expect(messagesOf(value)).toMatchInlineSnapshot(`
      [
        "the submission has an unknown field "activatio"; did you mean "activation"?",
      ]
    `);
  });

  test("reports an empty wrapped state_dict", () => {
    expect(messagesOf({ state_dict: {} })).toMatchInlineSnapshot(`
      [
        "the network has no layers: give at least one layer with weights and biases",
      ]
    `);
  });
});
