import { describe, expect, test } from "vitest";

import { differenceEnds, formatInterval, formatScore, verdictLabel } from "./feedback-format";

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
    [0.999, "99.9%"],
    [0.99999, "99.99%"],
    [1 / 3, "33.33%"],
    [0.57, "57%"],
    [0.665, "66.5%"],
  ])("writes %d as %s", (score, text) => {
    expect(formatScore(score)).toBe(text);
  });
});

describe("formatInterval", () => {
  test.each([
    [["0", "1/2"], [true, true], "[0, 1/2]"],
    [["0", "1/2"], [false, false], "(0, 1/2)"],
    [["0", "1/2"], [true, false], "[0, 1/2)"],
    [[null, "0"], [false, true], "(−∞, 0]"],
    [["1", null], [false, false], "(1, ∞)"],
    [[null, null], [false, false], "(−∞, ∞)"],
  ] as const)("writes %j with closed ends %j as %s", (interval, closed, text) => {
    expect(formatInterval([...interval], [...closed])).toBe(text);
  });
});

describe("differenceEnds", () => {
  test("takes the ends the engine recorded", () => {
    const differences = {
      intervals: [["0", "1"] as [string, string]],
      closed: [[true, false] as [boolean, boolean]],
      count: 1,
    };

    expect(differenceEnds(differences, 0, ["0", "2"])).toEqual([true, false]);
  });

  test("opens ends inside the domain in older feedback", () => {
    const differences = { intervals: [["1/2", null] as [string, null]], count: 1 };

    expect(differenceEnds(differences, 0, [null, null])).toEqual([false, false]);
  });

  test("keeps ends of the domain closed in older feedback", () => {
    const differences = { intervals: [["0", "1"] as [string, string]], count: 1 };

    expect(differenceEnds(differences, 0, ["0", "1"])).toEqual([true, true]);
  });
});
