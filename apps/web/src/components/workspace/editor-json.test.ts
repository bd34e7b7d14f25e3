import { describe, expect, test } from "vitest";

import { readSubmission } from "@sawtooth/theory";

import { editorFromJson, toNativeJson } from "./editor-json";
import type { EditorState } from "./editor-state";

const LECTURE_H2: EditorState = {
  layers: [
    { weights: [["1"], ["1"]], biases: ["0", "-1/2"] },
    { weights: [["2", "-4"]], biases: ["0"] },
  ],
  activation: { name: "relu", slope: "1/10" },
  outputActivation: { name: "identity", slope: "1/10" },
};

function withCells(first: string, second: string): EditorState {
  return {
    ...LECTURE_H2,
    layers: [{ weights: [[first], ["1"]], biases: ["0", second] }, LECTURE_H2.layers[1]!],
  };
}

/** Reads JSON text into the editor, failing the test with the engine's messages if it cannot. */
function readEditor(text: string) {
  const reading = editorFromJson(text);
  if (!reading.ok) throw new Error(`editor not rebuilt: ${reading.messages.join("; ")}`);
  return reading;
}

describe("toNativeJson", () => {
  test("writes cells as strings exactly as typed", () => {
    expect(toNativeJson(LECTURE_H2)).toBe(
      [
        "{",
        '  "layers": [',
        "    {",
        '      "weights": [["1"], ["1"]],',
        '      "biases": ["0", "-1/2"]',
        "    },",
        "    {",
        '      "weights": [["2", "-4"]],',
        '      "biases": ["0"]',
        "    }",
        "  ],",
        '  "activation": "relu",',
        '  "outputActivation": "identity"',
        "}",
      ].join("\n"),
    );
  });

  test("writes text the engine reads as the lecture's network", () => {
    const read = readSubmission(toNativeJson(LECTURE_H2));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.network.layers[0]!.biases[1]!.toFraction()).toBe("-1/2");
  });

  test("writes a leaky ReLU with its slope text", () => {
    const leaky = { ...LECTURE_H2, activation: { name: "leaky-relu" as const, slope: "0.1" } };
    expect(toNativeJson(leaky)).toContain('"activation": { "name": "leaky-relu", "slope": "0.1" }');
  });

  test("breaks a long matrix into one row per line", () => {
    const row = Array.from({ length: 12 }, () => "-1/1024");
    const wide = { ...LECTURE_H2, layers: [{ weights: [row], biases: ["0"] }] };
    expect(toNativeJson(wide)).toContain(
      `"weights": [\n        ${JSON.stringify(row)}`.replaceAll('","', '", "'),
    );
  });
});

describe("editorFromJson round trip", () => {
  test.each([
    ["fractions", "-1/2", "-1/2"],
    ["exponents", "1e-3", "-2.5E+2"],
    ["decimals", "0.5", ".25"],
    ["a Unicode minus", "−.5", "−1/3"],
  ])("keeps %s as typed", (_, first, second) => {
    const state = withCells(first, second);
    const reading = editorFromJson(toNativeJson(state));
    expect(reading).toEqual({ ok: true, state, format: "native" });
  });

  test("keeps the leaky ReLU slope as typed", () => {
    const state = { ...LECTURE_H2, activation: { name: "leaky-relu" as const, slope: "0.1" } };
    const reading = readEditor(toNativeJson(state));
    expect(reading.state.activation).toEqual({ name: "leaky-relu", slope: "0.1" });
  });

  test("rebuilds grids with an invalid cell", () => {
    const state = withCells("abc", "");
    expect(editorFromJson(toNativeJson(state))).toEqual({ ok: true, state });
  });
});

describe("editorFromJson", () => {
  test("keeps JSON numbers' text", () => {
    const text = '{"layers": [{"weights": [[1], [1.50]], "biases": [0, -5e-1]}]}';
    const reading = readEditor(text);
    expect(reading.state.layers[0]).toEqual({
      weights: [["1"], ["1.50"]],
      biases: ["0", "-5e-1"],
    });
  });

  test("reports invalid JSON with line and column", () => {
    expect(editorFromJson('{\n  "layers": [,]\n}')).toEqual({
      ok: false,
      messages: ["invalid JSON at line 2, column 14: expected a value but found ','"],
    });
  });

  test("reports shapes that cannot form grids", () => {
    const reading = editorFromJson('{"layers": [{"weights": [[1, 1]], "biases": [0, 0]}]}');
    expect(reading).toMatchObject({ ok: false, messages: [expect.stringMatching(/^layer 1/)] });
  });

  test("reads activation names in any case", () => {
    const text = '{"layers": [{"weights": [[1]], "biases": [0]}], "outputActivation": "Hard_Tanh"}';
    expect(readEditor(text).state.outputActivation.name).toBe("hard-tanh");
  });
});

describe("editorFromJson with a state_dict", () => {
  const STATE_DICT = JSON.stringify({
    "module.0.weight": [[1], [1]],
    "module.0.bias": [0, -0.5],
    "module.2.weight": [[2, -4]],
    "module.2.bias": [0],
  });

  test("maps module indices to layers", () => {
    expect(readEditor(STATE_DICT).mapping).toEqual([
      { key: "0", layer: 1 },
      { key: "2", layer: 2 },
    ]);
  });

  test("fills the grids with the numbers as written", () => {
    const reading = readEditor(STATE_DICT);
    expect(reading.format).toBe("state-dict");
    expect(reading.state.layers).toEqual([
      { weights: [["1"], ["1"]], biases: ["0", "-0.5"] },
      { weights: [["2", "-4"]], biases: ["0"] },
    ]);
  });

  test("takes activations from the wrapper", () => {
    const wrapped = `{"state_dict": ${STATE_DICT}, "outputActivation": "relu"}`;
    expect(readEditor(wrapped).state.outputActivation.name).toBe("relu");
  });
});
