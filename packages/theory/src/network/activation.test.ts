import { describe, expect, it } from "vitest";

import { applyActivation, formatActivation, sawtoothPieces, type Activation } from "./activation";
import { ABS, HARD_TANH, IDENTITY, RELU, leakyRelu, rationalOf } from "../testing/networks";

describe("applyActivation", () => {
  const rows: [string, Activation, string, string][] = [
    ["relu", RELU, "-3/2", "0"],
    ["relu", RELU, "0", "0"],
    ["relu", RELU, "5/7", "5/7"],
    ["identity", IDENTITY, "-9", "-9"],
    ["leaky-relu", leakyRelu("1/3"), "-3", "-1"],
    ["leaky-relu", leakyRelu("1/3"), "2", "2"],
    ["abs", ABS, "-2/5", "2/5"],
    ["abs", ABS, "4", "4"],
    ["hard-tanh", HARD_TANH, "-7", "-1"],
    ["hard-tanh", HARD_TANH, "-1", "-1"],
    ["hard-tanh", HARD_TANH, "1/2", "1/2"],
    ["hard-tanh", HARD_TANH, "1", "1"],
    ["hard-tanh", HARD_TANH, "10/3", "1"],
  ];

  it.each(rows)("%s maps %s to %s", (_, activation, input, expected) => {
    expect(applyActivation(activation, rationalOf(input)).equals(rationalOf(expected))).toBe(true);
  });
});

describe("sawtoothPieces", () => {
  const rows: [string, Activation, number][] = [
    ["identity", IDENTITY, 1],
    ["relu", RELU, 2],
    ["leaky-relu", leakyRelu("1/10"), 2],
    ["abs", ABS, 2],
    ["hard-tanh", HARD_TANH, 3],
  ];

  it.each(rows)("%s has %i pieces", (_, activation, pieces) => {
    expect(sawtoothPieces(activation)).toBe(pieces);
  });
});

describe("formatActivation", () => {
  it("writes the leaky slope as a fraction", () => {
    expect(formatActivation(leakyRelu("-0.25"))).toBe("leaky-relu(-1/4)");
  });

  it("writes other activations by name", () => {
    expect(formatActivation(HARD_TANH)).toBe("hard-tanh");
  });
});
