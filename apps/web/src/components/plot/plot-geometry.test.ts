import { describe, expect, test } from "vitest";

import type { Plot } from "@sawtooth/theory";

import { describeFigure, formatInterval } from "./plot-description";
import { bandsOf, polylineOf, scaleOf, toNumber, xRange, yRange } from "./plot-geometry";
import { formatTick, ticksOf } from "./ticks";

/** h2 on ℝ: 0 left of 0, up to 1 at 1/2, then falling with slope -2. */
const TENT: Plot = {
  points: [
    ["0", "0"],
    ["1/2", "1"],
  ],
  leftSlope: "0",
  rightSlope: "-2",
  pieces: 3,
};

describe("toNumber", () => {
  test.each([
    ["-1/2", -0.5],
    ["3", 3],
    ["1e-3", 0.001],
    ["x", Number.NaN],
    [`1${"0".repeat(400)}/3`, 1e300],
    [`-1${"0".repeat(400)}`, -1e300],
    [`1${"0".repeat(400)}/1${"0".repeat(399)}`, 10],
  ])("reads %s", (text, expected) => {
    expect(toNumber(text)).toBe(expected);
  });
});

describe("values beyond a double", () => {
  test("scale to finite coordinates", () => {
    const huge = `1${"0".repeat(400)}`;
    const plot: Plot = {
      points: [
        ["0", `-${huge}`],
        ["1", huge],
      ],
      leftSlope: null,
      rightSlope: null,
      pieces: 1,
    };
    const [xMin, xMax] = xRange([plot], ["0", "1"]);
    const line = polylineOf(plot, [xMin, xMax]) ?? [];
    const [yMin, yMax] = yRange([line]);
    const scale = scaleOf({ xMin, xMax, yMin, yMax }, 100, 100);
    expect(line).toHaveLength(2);
    for (const point of line) {
      expect(Number.isFinite(scale.x(point.x))).toBe(true);
      expect(Number.isFinite(scale.y(point.y))).toBe(true);
    }
  });
});

describe("xRange", () => {
  test("pads breakpoints on the real line to at least [-1, 2]", () => {
    expect(xRange([TENT], [null, null])).toEqual([-1, 2]);
  });

  test("pads a wide breakpoint range by a quarter", () => {
    const wide: Plot = {
      ...TENT,
      points: [
        ["-4", "0"],
        ["4", "1"],
      ],
    };
    expect(xRange([wide], [null, null])).toEqual([-6, 6]);
  });

  test("keeps a closed domain's ends", () => {
    expect(xRange([TENT], ["0", "1"])).toEqual([0, 1]);
  });

  test("pads only the unbounded side of a half-line", () => {
    expect(xRange([TENT], ["0", null])).toEqual([0, 2]);
  });

  test("widens a one-point domain", () => {
    expect(xRange([], ["1", "1"])).toEqual([0.5, 1.5]);
  });
});

describe("polylineOf", () => {
  test("extends unbounded ends along their slopes", () => {
    expect(polylineOf(TENT, [-1, 2])).toEqual([
      { x: -1, y: 0 },
      { x: 0, y: 0 },
      { x: 0.5, y: 1 },
      { x: 2, y: -2 },
    ]);
  });

  test("returns null for a plot without points", () => {
    expect(polylineOf({ ...TENT, points: null, pieces: 2_000_000 }, [0, 1])).toBeNull();
  });

  test("leaves a closed domain's ends as they are", () => {
    const closed: Plot = { ...TENT, leftSlope: null, rightSlope: null };
    expect(polylineOf(closed, [-1, 2])).toHaveLength(2);
  });
});

describe("yRange", () => {
  test("pads by a tenth of the range", () => {
    expect(
      yRange([
        [
          { x: 0, y: -2 },
          { x: 1, y: 8 },
        ],
      ]),
    ).toEqual([-3, 9]);
  });

  test("gives a flat line a height of 1 before padding", () => {
    expect(
      yRange([
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
        ],
      ]),
    ).toEqual([-0.6, 0.6]);
  });
});

describe("bandsOf", () => {
  test("runs unbounded ends to the window's edges", () => {
    expect(
      bandsOf(
        [
          ["1/2", null],
          [null, "-3"],
        ],
        [-1, 2],
      ),
    ).toEqual([[0.5, 2]]);
  });
});

describe("ticksOf", () => {
  test("picks round steps", () => {
    expect(ticksOf(-1, 2, 6)).toEqual([-1, -0.5, 0, 0.5, 1, 1.5, 2]);
  });

  test("avoids floating-point drift", () => {
    expect(ticksOf(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  test("returns nothing for an empty range", () => {
    expect(ticksOf(1, 1)).toEqual([]);
  });
});

describe("formatTick", () => {
  test.each([
    [0, "0"],
    [-0.5, "-0.5"],
    [1_000_000, "1e+6"],
  ])("formats %d", (value, expected) => {
    expect(formatTick(value)).toBe(expected);
  });
});

describe("describeFigure", () => {
  test("names breakpoints, slopes and shaded intervals exactly", () => {
    expect(
      describeFigure([{ label: "Your function", plot: TENT }], [null, null], [["1/2", null]]),
    ).toBe(
      "On ℝ. Your function: 3 linear pieces, through (0, 0), (1/2, 1), slope 0 towards -∞, " +
        "slope -2 towards ∞. Shaded where the functions differ: [1/2, ∞).",
    );
  });

  test("writes the ends a shaded interval leaves out", () => {
    expect(
      describeFigure(
        [],
        ["0", "2"],
        [
          ["0", "1"],
          ["3/2", "2"],
        ],
        [
          [false, false],
          [false, true],
        ],
      ),
    ).toBe("On [0, 2]. Shaded where the functions differ: (0, 1), (3/2, 2].");
  });

  test("formats intervals with unbounded ends", () => {
    expect(formatInterval([null, "0"])).toBe("(-∞, 0]");
  });

  test("formats intervals with open ends", () => {
    expect(formatInterval(["1/2", null], [false, false])).toBe("(1/2, ∞)");
  });
});
