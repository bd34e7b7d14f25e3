import { describe, expect, it } from "vitest";

import { DEFAULT_BUDGET } from "../analysis/analyze";
import { REAL_LINE, formatDomain, type Domain } from "../analysis/domain";
import type { Piecewise } from "../analysis/piecewise";
import type { TargetSpec } from "../exercise/schema";
import { rationalOf, rescaleHiddenNeuron, h2Network } from "../testing/networks";
import { nativeOf, prepareOrThrow } from "../testing/exercises";
import { describeDifference, piecewiseOf } from "../testing/piecewise";
import { isFunctionTarget, targetFunction, type FunctionTarget } from "./targets";

function domainOf(lo: string | null, hi: string | null): Domain {
  return { lo: lo === null ? null : rationalOf(lo), hi: hi === null ? null : rationalOf(hi) };
}

/** Builds a target the way an exercise file states it, through the schema. */
function functionTarget(target: unknown, domain: unknown = "R") {
  const prepared = prepareOrThrow({ target, domain } as Parameters<typeof prepareOrThrow>[0]);
  const spec = prepared.exercise.target;
  if (!isFunctionTarget(spec)) throw new Error(`${spec.kind} is not a function target`);
  return { spec, prepared };
}

function build(target: FunctionTarget, domain: Domain): Piecewise {
  return targetFunction(target, domain, DEFAULT_BUDGET);
}

/** Returns the breakpoints i/2^k of f^k on [0, 1] and its values i mod 2 there. */
function sawtoothPoints(k: number): { xs: string[]; ys: number[] } {
  const count = 2 ** k;
  const xs = Array.from({ length: count + 1 }, (_, i) => `${i}/${count}`);
  const ys = Array.from({ length: count + 1 }, (_, i) => i % 2);
  return { xs, ys };
}

describe("targetFunction for the tent map", () => {
  const rows: [string, TargetSpec, Domain, Piecewise][] = [
    ["h2 on ℝ", { kind: "tent", variant: "h2" }, REAL_LINE, piecewiseOf([0, "1/2"], [0, 1], 0, -2)],
    [
      "h3 on ℝ",
      { kind: "tent", variant: "h3" },
      REAL_LINE,
      piecewiseOf([0, "1/2", 1], [0, 1, 0], 0, 0),
    ],
    [
      "h2 on [-1, 2]",
      { kind: "tent", variant: "h2" },
      domainOf("-1", "2"),
      piecewiseOf([-1, 0, "1/2", 2], [0, 0, 1, -2], null, null),
    ],
    [
      "h2 on [1/4, ∞)",
      { kind: "tent", variant: "h2" },
      domainOf("1/4", null),
      piecewiseOf(["1/4", "1/2"], ["1/2", 1], null, -2),
    ],
    [
      "h3 on (-∞, 3/4]",
      { kind: "tent", variant: "h3" },
      domainOf(null, "3/4"),
      piecewiseOf([0, "1/2", "3/4"], [0, 1, "1/2"], 0, null),
    ],
    [
      "h3 on [2, 5]",
      { kind: "tent", variant: "h3" },
      domainOf("2", "5"),
      piecewiseOf([2, 5], [0, 0], null, null),
    ],
  ];

  it.each(rows)("builds %s", (_, target, domain, expected) => {
    const f = build(target as FunctionTarget, domain);
    expect(formatDomain(f.domain)).toBe(formatDomain(domain));
    expect(describeDifference(f, expected)).toBeNull();
  });
});

describe("targetFunction for the sawtooth", () => {
  it.each([1, 2, 3, 6])("builds f^%i on [0, 1] with 2^k pieces", (k) => {
    const { xs, ys } = sawtoothPoints(k);
    const f = build({ kind: "sawtooth", k }, domainOf("0", "1"));
    expect(describeDifference(f, piecewiseOf(xs, ys, null, null))).toBeNull();
    expect(f.pieceCount()).toBe(2 ** k);
  });

  it.each([1, 3, 5])("builds f^%i on ℝ with zero rays", (k) => {
    const { xs, ys } = sawtoothPoints(k);
    const f = build({ kind: "sawtooth", k }, REAL_LINE);
    expect(describeDifference(f, piecewiseOf(xs, ys, 0, 0))).toBeNull();
    expect(f.pieceCount()).toBe(2 ** k + 2);
  });

  it.each([1, 2, 4])("builds f^%i on [-1/3, 5/4]", (k) => {
    const { xs, ys } = sawtoothPoints(k);
    const f = build({ kind: "sawtooth", k }, domainOf("-1/3", "5/4"));
    const expected = piecewiseOf(["-1/3", ...xs, "5/4"], [0, ...ys, 0], null, null);
    expect(describeDifference(f, expected)).toBeNull();
    expect(formatDomain(f.domain)).toBe("[-1/3, 5/4]");
  });

  it("cuts f^3 at ends between its breakpoints", () => {
    const f = build({ kind: "sawtooth", k: 3 }, domainOf("1/10", "1/2"));
    const expected = piecewiseOf(
      ["1/10", "1/8", "1/4", "3/8", "1/2"],
      ["4/5", 1, 0, 1, 0],
      null,
      null,
    );
    expect(describeDifference(f, expected)).toBeNull();
  });
});

describe("targetFunction for points", () => {
  const rows: [string, unknown, unknown, Piecewise][] = [
    [
      "points with end slopes on ℝ",
      {
        kind: "points",
        points: [
          [0, 0],
          [1, "1/2"],
        ],
        leftSlope: -1,
        rightSlope: "2/3",
      },
      "R",
      piecewiseOf([0, 1], [0, "1/2"], -1, "2/3"),
    ],
    [
      "points with the default zero slopes",
      {
        kind: "points",
        points: [
          [-1, 2],
          [0, 0],
          [1, 2],
        ],
      },
      "R",
      piecewiseOf([-1, 0, 1], [2, 0, 2], 0, 0),
    ],
    [
      "one point with slopes as |x|",
      { kind: "points", points: [[0, 0]], leftSlope: -1, rightSlope: 1 },
      "R",
      piecewiseOf([0], [0], -1, 1),
    ],
    [
      "points cut to [-2, 1/2], using the left slope",
      {
        kind: "points",
        points: [
          [0, 0],
          [1, 1],
        ],
        leftSlope: 3,
        rightSlope: 5,
      },
      ["-2", "1/2"],
      piecewiseOf([-2, 0, "1/2"], [-6, 0, "1/2"], null, null),
    ],
    [
      "points on [2, 4], on the right ray only",
      {
        kind: "points",
        points: [
          [0, 0],
          [1, 1],
        ],
        leftSlope: 3,
        rightSlope: 5,
      },
      [2, 4],
      piecewiseOf([2, 4], [6, 16], null, null),
    ],
  ];

  it.each(rows)("builds %s", (_, target, domain, expected) => {
    const { spec, prepared } = functionTarget(target, domain);
    expect(describeDifference(build(spec, prepared.domain), expected)).toBeNull();
  });
});

describe("targetFunction for a reference network", () => {
  // h2 with its second neuron scaled by 3/7, so the weights differ from the lecture's.
  const scaled = rescaleHiddenNeuron(h2Network(), 0, 1, rationalOf("3/7"));

  it.each([
    ["ℝ", "R", piecewiseOf([0, "1/2"], [0, 1], 0, -2)],
    ["[-1, 1]", [-1, 1], piecewiseOf([-1, 0, "1/2", 1], [0, 0, 1, 0], null, null)],
  ])("builds the network's function on %s", (_, domain, expected) => {
    const { spec, prepared } = functionTarget(
      { kind: "network", network: nativeOf(scaled) },
      domain,
    );
    const f = targetFunction(spec, prepared.domain, DEFAULT_BUDGET, prepared.targetNetwork);
    expect(describeDifference(f, expected)).toBeNull();
  });

  it("throws without the read network", () => {
    const { spec } = functionTarget({ kind: "network", network: nativeOf(scaled) });
    expect(() => targetFunction(spec, REAL_LINE, DEFAULT_BUDGET)).toThrow(
      "a network target needs its reference network",
    );
  });
});

describe("isFunctionTarget", () => {
  it.each([
    ["tent", true],
    ["sawtooth", true],
    ["points", true],
    ["network", true],
    ["polynomial", false],
    ["classification", false],
    ["pieces", false],
  ])("tells whether %s is one function", (kind, expected) => {
    expect(isFunctionTarget({ kind } as TargetSpec)).toBe(expected);
  });
});
