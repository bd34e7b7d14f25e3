import { describe, expect, test } from "vitest";

import { JSON_LIMITS } from "./json";
import { describePlace, describeProblem, formatPath } from "./messages";
import { detectFormat, readSubmission, type SubmissionResult } from "./submission";

function successOf(result: SubmissionResult) {
  if (!result.ok) throw new Error(result.problems.map(describeProblem).join("\n"));
  return result;
}

function messagesOf(input: unknown): string[] {
  const result = readSubmission(input);
  if (result.ok) throw new Error("expected problems");
  return result.problems.map(describeProblem);
}

describe("readSubmission", () => {
  test("detects the native format", () => {
    const result = successOf(readSubmission(`{"layers": [{"weights": [[1]], "biases": [0]}]}`));
    expect(result.format).toBe("native");
    expect(result.mapping).toBeUndefined();
  });

  test("detects a state_dict", () => {
    const result = successOf(readSubmission(`{"module.0.weight": [[1]], "module.0.bias": [0]}`));
    expect(result.format).toBe("state-dict");
    expect(result.notes).toEqual(["stripped prefix module."]);
    expect(result.mapping).toEqual([{ key: "0", layer: 1 }]);
  });

  test("detects a wrapped state_dict", () => {
    const result = successOf(readSubmission({ state_dict: { "0.weight": [[1]], "0.bias": [0] } }));
    expect(result.format).toBe("state-dict");
  });

  test.each([
    [{ layers: [] }, "native"],
    [{ layrs: [] }, "native"],
    [{ "0.weight": [] }, "state-dict"],
    [{ "net.3.bias": [] }, "state-dict"],
    [{ state_dict: {} }, "state-dict"],
    [{ weights: [] }, undefined],
    [[], undefined],
    ["layers", undefined],
    [null, undefined],
  ])("detects %j as %s", (value, format) => {
    expect(detectFormat(value)).toBe(format);
  });

  test("reports invalid JSON with line and column", () => {
    const text = `{
  "layers": [
    {"weights": [[1], [1]}, "biases": [0, 0]}
  ]
}`;
    expect(messagesOf(text)).toMatchInlineSnapshot(`
      [
        "invalid JSON at line 3, column 26: expected ',' or ']' but found '}'",
      ]
    `);
  });

  test("reports a duplicate key with its path", () => {
    const text = `{"layers": [{"weights": [[1]], "biases": [0], "biases": [1]}]}`;
    expect(messagesOf(text)).toMatchInlineSnapshot(`
      [
        "invalid JSON at line 1, column 47: duplicate key "biases" in layers[0]; keep only one",
      ]
    `);
  });

  test("reports deep nesting", () => {
    const depth = JSON_LIMITS.maxDepth + 1;
    expect(messagesOf("[".repeat(depth) + "]".repeat(depth))).toMatchInlineSnapshot(`
      [
        "invalid JSON at line 1, column 65: arrays and objects nest deeper than 64 levels",
      ]
    `);
  });

  test("reports text over the length limit", () => {
    expect(messagesOf(" ".repeat(JSON_LIMITS.maxLength + 1))).toMatchInlineSnapshot(`
      [
        "the submission is 1048577 characters long, above the limit of 1048576",
      ]
    `);
  });

  test.each([
    ["{}", "an empty object"],
    ["[]", "an array"],
    ['"relu"', "a string"],
    ["3", "a number"],
    ['{"weights": [[1]], "bias": [0]}', 'an object with the fields "weights", "bias"'],
  ])("reports the unknown format %s", (text, received) => {
    const result = readSubmission(text);
    expect(result.ok ? [] : result.problems).toEqual([
      { code: "unknown-format", place: {}, received },
    ]);
  });

  test("writes the unknown-format message", () => {
    expect(messagesOf("{}")).toMatchInlineSnapshot(`
      [
        "the submission is an empty object, which is neither accepted format: expected an object with "layers" (the native format) or a PyTorch state_dict with keys such as "0.weight" and "0.bias"",
      ]
    `);
  });

  test("reads fractions from a parsed value", () => {
    const result = readSubmission({ layers: [{ weights: [["1/3"]], biases: [-0.5] }] });
    expect(result.ok).toBe(true);
  });

  test("rejects a cyclic value without overflow", () => {
    const weights: unknown[] = [];
    weights.push(weights);
    expect(messagesOf({ layers: [{ weights, biases: [0] }] })).toMatchInlineSnapshot(`
      [
        "layer 1 weights, row 1, column 1 must be a number or a string such as "-1/2" but is an array",
      ]
    `);
  });
});

describe("describePlace", () => {
  test.each([
    [{}, "the submission"],
    [{ layer: 2 }, "layer 2"],
    [{ layer: 1, field: "weights", row: 2, column: 1 }, "layer 1 weights, row 2, column 1"],
    [{ layer: 1, field: "biases", row: 2 }, "layer 1 biases, entry 2"],
    [
      { layer: 3, key: "4.weight", row: 1, column: 2 },
      'layer 3 weights (key "4.weight"), row 1, column 2',
    ],
    [{ layer: 1, key: "0.bias", row: 2 }, 'layer 1 biases (key "0.bias"), entry 2'],
    [{ key: "1.running_mean" }, 'key "1.running_mean"'],
    [{ field: "activation" }, "activation"],
    [{ path: ["layers", 0, "weights"] }, "layers[0].weights"],
  ])("writes %j as %s", (place, expected) => {
    expect(describePlace(place)).toBe(expected);
  });
});

describe("formatPath", () => {
  test.each([
    [[], "the top level"],
    [["layers", 0], "layers[0]"],
    [["state_dict", "0.weight", 1], 'state_dict["0.weight"][1]'],
  ])("writes %j as %s", (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
