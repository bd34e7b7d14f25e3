import { describe, expect, test } from "vitest";

import { formatInterval, formatScore, verdictLabel } from "./feedback-format";

describe("verdictLabel", () => {
  test.each([
    ["correct", "Correct"],
    ["incorrect", "Incorrect"],
    ["invalid", "Not graded"],
  ] as const)("labels %s", (verdict, label) => {
    expect(verdictLabel(verdict)).toBe(label);
  });
});

describe("formatScore", () => {
  test.each([
    [1, "100%"],
    [0, "0%"],
    [0.999, "99%"],
    [1 / 3, "33%"],
  ])("writes %d as %s", (score, text) => {
    expect(formatScore(score)).toBe(text);
  });
});

describe("formatInterval", () => {
  test.each([
    [["0", "1/2"], "[0, 1/2]"],
    [[null, "0"], "(−∞, 0]"],
    [["1", null], "[1, ∞)"],
    [[null, null], "(−∞, ∞)"],
  ] as const)("writes %j as %s", (interval, text) => {
    expect(formatInterval([...interval])).toBe(text);
  });
});
