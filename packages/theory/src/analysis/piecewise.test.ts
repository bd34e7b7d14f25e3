import { describe, expect, it } from "vitest";

import { dyadic, exact } from "./arithmetic";
import { Piecewise } from "./piecewise";
import { formatDomain } from "./domain";
import { formatRational } from "../rational";
import { rationalOf } from "../testing/networks";
import { breakpointsOf, describeDifference, piecewiseOf } from "../testing/piecewise";

/** The tent on [0, 1] with a zero ray on each side, as h3 computes it on ℝ. */
const TENT_ON_LINE = piecewiseOf([0, "1/2", 1], [0, 1, 0], 0, 0);

function pointsOf(p: Piecewise): string[] {
  return breakpointsOf(p).map(({ x, y }) => `${formatRational(x)}:${formatRational(y)}`);
}

describe("Piecewise.pieceCount", () => {
  const rows: [string, Piecewise, number][] = [
    ["single point", piecewiseOf([2], [5], null, null), 1],
    ["segment", piecewiseOf([0, 1], [0, 3], null, null), 1],
    ["collinear segment", piecewiseOf([0, 1, 2], [0, 3, 6], null, null), 1],
    ["closed tent", piecewiseOf([0, "1/2", 1], [0, 1, 0], null, null), 2],
    ["tent on ℝ", TENT_ON_LINE, 4],
    ["line on ℝ", piecewiseOf([0], [1], 2, 2), 1],
    ["line on ℝ through points", piecewiseOf([0, 1, 5], [1, 3, 11], 2, 2), 1],
    ["kink on ℝ", piecewiseOf([0], [0], -1, 1), 2],
    ["ReLU through a collinear point", piecewiseOf([0, 1], [0, 1], 0, 1), 2],
    ["ray from a point", piecewiseOf([1], [1], null, 3), 1],
    ["ray with a kink", piecewiseOf([0, 1], [0, 1], null, 0), 2],
    ["ray ending at a point", piecewiseOf([1], [1], 3, null), 1],
    ["left ray with a kink", piecewiseOf([0, 1], [0, 1], 0, null), 2],
  ];

  it.each(rows)("counts the %s", (_, p, pieces) => {
    expect(p.pieceCount()).toBe(pieces);
  });
});

describe("Piecewise.simplify", () => {
  const rows: [string, Piecewise, string[]][] = [
    [
      "collinear neighbours",
      piecewiseOf([0, 1, 2, 3, 4], [0, 1, 2, 0, -2], null, null),
      ["0:0", "2:2", "4:-2"],
    ],
    ["line on ℝ", piecewiseOf([0, 1, 5], [1, 3, 11], 2, 2), ["0:1"]],
    ["tent on ℝ", TENT_ON_LINE, ["0:0", "1/2:1", "1:0"]],
    ["point on a ray", piecewiseOf([-1, 0, 2], [0, 0, 4], 0, 2), ["0:0"]],
    ["closed ends", piecewiseOf([0, 1], [1, 1], null, null), ["0:1", "1:1"]],
    ["ray from a point", piecewiseOf([1, 2], [1, 4], null, 3), ["1:1"]],
  ];

  it.each(rows)("keeps the kinks of the %s", (_, p, points) => {
    expect(pointsOf(p.simplify())).toEqual(points);
  });

  it("keeps the end slopes", () => {
    const slopes = piecewiseOf([0, 1], [1, 3], 2, 2).simplify().slopes();
    expect(slopes.left?.toFraction()).toBe("2");
    expect(slopes.right?.toFraction()).toBe("2");
  });

  it("returns the same function", () => {
    const p = piecewiseOf([0, 1, 2, 3], [0, 1, 2, 0], -1, 0);
    expect(describeDifference(p.simplify(), p)).toBeNull();
  });

  it("falls back to rationals when doubles would overflow", () => {
    // Comparing slopes multiplies two differences of 2^500, which is past the dyadic range.
    const big = 2 ** 500;
    const p = new Piecewise(dyadic, [0, big, 2 * big], [0, big, 2 * big], null, null);
    expect(p.pieceCount()).toBe(1);
    expect(p.simplify().size).toBe(2);
  });
});

describe("Piecewise.valueAt", () => {
  const rows: [string, string][] = [
    ["-1000", "0"],
    ["0", "0"],
    ["1/4", "1/2"],
    ["1/2", "1"],
    ["2/3", "2/3"],
    ["1", "0"],
    ["7/2", "0"],
  ];

  it.each(rows)("gives the tent at %s the value %s", (x, y) => {
    expect(TENT_ON_LINE.valueAt(rationalOf(x)).equals(rationalOf(y))).toBe(true);
  });

  const rayRows: [string, string][] = [
    ["-3", "-6"],
    ["-1/3", "-2/3"],
    ["5", "-11"],
  ];

  it.each(rayRows)("follows the end rays at %s", (x, y) => {
    const p = piecewiseOf([0, 2], [0, 4], 2, -5);
    expect(formatRational(p.valueAt(rationalOf(x)))).toBe(y);
  });

  it("rejects a point outside a closed domain", () => {
    const p = piecewiseOf([0, 1], [0, 1], null, null);
    expect(() => p.valueAt(rationalOf("-1/2"))).toThrow(RangeError);
    expect(() => p.valueAt(rationalOf("3/2"))).toThrow(RangeError);
  });

  it("evaluates a dyadic function exactly", () => {
    const p = new Piecewise(dyadic, [0, 0.5], [0, 1], null, 3);
    expect(formatRational(p.valueAt(rationalOf("1/3")))).toBe("2/3");
    expect(formatRational(p.valueAt(rationalOf("7/10")))).toBe("8/5");
  });
});

describe("Piecewise.domain", () => {
  const rows: [Piecewise, string][] = [
    [piecewiseOf([0, 1], [0, 1], null, null), "[0, 1]"],
    [piecewiseOf(["1/2"], [0], null, null), "[1/2, 1/2]"],
    [TENT_ON_LINE, "ℝ"],
    [piecewiseOf([-2], [0], null, 1), "[-2, ∞)"],
    [piecewiseOf([-2, 3], [0, 1], 1, null), "(-∞, 3]"],
  ];

  it.each(rows)("is %s", (p, text) => {
    expect(formatDomain(p.domain)).toBe(text);
  });
});

describe("Piecewise.toExact", () => {
  it("converts dyadic storage to rationals", () => {
    const p = new Piecewise(dyadic, [0, 0.1], [1, -2.5], 0.25, null).toExact();
    expect(p.arithmetic).toBe(exact);
    expect(formatRational(p.point(1).x)).toBe("3602879701896397/36028797018963968");
    expect(formatRational(p.point(1).y)).toBe("-5/2");
    expect(p.slopes().left?.toFraction()).toBe("1/4");
    expect(p.slopes().right).toBeNull();
  });

  it("returns a rational function unchanged", () => {
    expect(TENT_ON_LINE.toExact()).toBe(TENT_ON_LINE);
  });
});

describe("Piecewise.formatPoint", () => {
  const xs = [-2.5, 0, 2 ** -40, 3];
  const ys = [0.1, -0, 1.75, -(2 ** 70)];

  it("formats dyadic breakpoints as formatRational formats point()", () => {
    const p = new Piecewise(dyadic, Float64Array.from(xs), Float64Array.from(ys), 1, null);
    for (let i = 0; i < p.size; i++) {
      const { x, y } = p.point(i);
      expect(p.formatPoint(i)).toEqual([formatRational(x), formatRational(y)]);
    }
  });

  it("formats rational breakpoints through formatRational", () => {
    const p = piecewiseOf(["-1/3", 0, "5/2"], ["7/9", -1, 0], null, 2);
    expect(Array.from({ length: p.size }, (_, i) => p.formatPoint(i))).toEqual([
      ["-1/3", "7/9"],
      ["0", "-1"],
      ["5/2", "0"],
    ]);
  });
});
