import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { analyzeNetwork, DEFAULT_BUDGET } from "../analysis/analyze";
import { REAL_LINE, type Domain } from "../analysis/domain";
import type { Piecewise } from "../analysis/piecewise";
import type { Layer, Network } from "../network/network";
import { formatRational, ONE, rational, ZERO, type Rational } from "../rational";
import {
  h2Network,
  IDENTITY,
  layerOf,
  permuteHiddenNeurons,
  randomNetwork,
  rationalOf,
  RELU,
  rescaleHiddenNeuron,
  sawtoothNetwork,
  type NumberKind,
} from "../testing/networks";
import { piecewiseOf } from "../testing/piecewise";
import { compareFunctions, MAX_LISTED_INTERVALS, type Difference } from "./compare";
import { formatInterval } from "./messages";
import { targetFunction } from "./targets";

const FAST_CHECK = { seed: 20_170_101, numRuns: 40 } as const;

/** Writes every rational of a difference as text, so a failing assertion reads plainly. */
function summary(difference: Difference) {
  const text = (value: Rational | null) => (value === null ? null : formatRational(value));
  const example = difference.counterexample;
  return {
    equal: difference.equal,
    counterexample: example && {
      x: text(example.x),
      expected: text(example.expected),
      actual: text(example.actual),
    },
    supNorm: difference.supNorm === "unbounded" ? "unbounded" : text(difference.supNorm),
    supAt: text(difference.supAt),
    intervals: difference.intervals.map(({ lo, hi, loClosed, hiClosed }) =>
      formatInterval(text(lo), text(hi), [loClosed, hiClosed]),
    ),
    intervalCount: difference.intervalCount,
  };
}

function analyze(network: Network, domain: Domain = REAL_LINE): Piecewise {
  return analyzeNetwork(network, domain).outputs[0]!;
}

const EQUAL = {
  equal: true,
  counterexample: null,
  supNorm: "0",
  supAt: null,
  intervals: [],
  intervalCount: 0,
};

describe("compareFunctions on equal functions", () => {
  const rows: [string, Piecewise, Piecewise][] = [
    ["|x| on ℝ", piecewiseOf([0], [0], -1, 1), piecewiseOf([-1, 0, 2], [1, 0, 2], -1, 1)],
    ["a line on ℝ", piecewiseOf([0], [1], 2, 2), piecewiseOf([3], [7], 2, 2)],
    ["a ramp on [0, ∞)", piecewiseOf([0, 1], [0, 1], null, 1), piecewiseOf([0], [0], null, 1)],
    ["a ramp on (-∞, 2]", piecewiseOf([2], [0], -1, null), piecewiseOf([0, 2], [2, 0], -1, null)],
    [
      "a tent on [-1, 2]",
      piecewiseOf([-1, 0, "1/2", 1, 2], [0, 0, 1, 0, 0], null, null),
      piecewiseOf([-1, "-1/3", 0, "1/4", "1/2", 1, 2], [0, 0, 0, "1/2", 1, 0, 0], null, null),
    ],
    [
      "one point",
      piecewiseOf(["1/3"], ["2/7"], null, null),
      piecewiseOf(["1/3"], ["2/7"], null, null),
    ],
  ];

  it.each(rows)("finds %s equal both ways", (_, a, b) => {
    expect(summary(compareFunctions(a, b))).toEqual(EQUAL);
    expect(summary(compareFunctions(b, a))).toEqual(EQUAL);
  });
});

describe("compareFunctions on an end ray", () => {
  const rows: [string, Piecewise, Piecewise, ReturnType<typeof summary>][] = [
    [
      "right slopes past an integer breakpoint",
      piecewiseOf([0, 1], [0, 1], 0, 0),
      piecewiseOf([0, 1], [0, 1], 0, 1),
      {
        equal: false,
        counterexample: { x: "2", expected: "1", actual: "2" },
        supNorm: "unbounded",
        supAt: null,
        intervals: ["(1, ∞)"],
        intervalCount: 1,
      },
    ],
    [
      "right slopes past 1/2",
      piecewiseOf(["1/2"], [0], 0, 0),
      piecewiseOf(["1/2"], [0], 0, 1),
      {
        equal: false,
        counterexample: { x: "1", expected: "0", actual: "1/2" },
        supNorm: "unbounded",
        supAt: null,
        intervals: ["(1/2, ∞)"],
        intervalCount: 1,
      },
    ],
    [
      "left slopes before 1/2",
      piecewiseOf(["1/2"], [0], 0, 0),
      piecewiseOf(["1/2"], [0], 2, 0),
      {
        equal: false,
        counterexample: { x: "0", expected: "0", actual: "-1" },
        supNorm: "unbounded",
        supAt: null,
        intervals: ["(-∞, 1/2)"],
        intervalCount: 1,
      },
    ],
    [
      "left slopes before -2",
      piecewiseOf([-2], [0], 0, 0),
      piecewiseOf([-2], [0], 2, 0),
      {
        equal: false,
        counterexample: { x: "-3", expected: "0", actual: "-2" },
        supNorm: "unbounded",
        supAt: null,
        intervals: ["(-∞, -2)"],
        intervalCount: 1,
      },
    ],
    [
      "right slopes on a half-line",
      piecewiseOf(["-5/2", 0], [1, 0], null, 1),
      piecewiseOf(["-5/2", 0], [1, 0], null, "3/2"),
      {
        equal: false,
        counterexample: { x: "1", expected: "1", actual: "3/2" },
        supNorm: "unbounded",
        supAt: null,
        intervals: ["(0, ∞)"],
        intervalCount: 1,
      },
    ],
    [
      "parallel right rays one apart",
      piecewiseOf([0], [0], 0, 1),
      piecewiseOf([1], [0], 0, 1),
      {
        equal: false,
        counterexample: { x: "1", expected: "1", actual: "0" },
        supNorm: "1",
        supAt: "1",
        intervals: ["(0, ∞)"],
        intervalCount: 1,
      },
    ],
  ];

  it.each(rows)("compares %s", (_, expected, actual, difference) => {
    expect(summary(compareFunctions(expected, actual))).toEqual(difference);
  });
});

describe("compareFunctions counterexample and sup norm", () => {
  it("picks the leftmost differing breakpoint", () => {
    const zero = piecewiseOf([0, 4], [0, 0], null, null);
    const bumps = piecewiseOf([0, 1, "3/2", 2, 3, 4], [0, 0, "-1/5", 0, 3, 0], null, null);
    const difference = summary(compareFunctions(zero, bumps));
    expect(difference.counterexample).toEqual({ x: "3/2", expected: "0", actual: "-1/5" });
  });

  it("picks a counterexample on a differing left ray first", () => {
    const zero = piecewiseOf([0], [0], 0, 0);
    const rayAndBump = piecewiseOf([0, 5, 6, 7], [0, 0, 1, 0], -1, 0);
    const difference = summary(compareFunctions(zero, rayAndBump));
    expect(difference.intervals).toEqual(["(-∞, 0)", "(5, 7)"]);
    expect(difference.counterexample).toEqual({ x: "-1", expected: "0", actual: "1" });
  });

  it("reaches the exact sup norm at its point", () => {
    const zero = piecewiseOf([0, 4], [0, 0], null, null);
    const bumps = piecewiseOf([0, 1, "3/2", 2, 3, 4], [0, 0, "-5/7", 0, "1/3", 0], null, null);
    const difference = summary(compareFunctions(zero, bumps));
    expect(difference.supNorm).toBe("5/7");
    expect(difference.supAt).toBe("3/2");
    expect(difference.intervals).toEqual(["(1, 2)", "(2, 4)"]);
  });

  it("gives an offset on ℝ a finite sup norm", () => {
    const difference = summary(
      compareFunctions(piecewiseOf([0], [0], -1, 1), piecewiseOf([0], ["1/9"], -1, 1)),
    );
    expect(difference.supNorm).toBe("1/9");
    expect(difference.intervals).toEqual(["(-∞, ∞)"]);
    expect(difference.counterexample).toEqual({ x: "0", expected: "0", actual: "1/9" });
  });

  it("calls differing end slopes unbounded", () => {
    const difference = compareFunctions(piecewiseOf([0], [0], 0, 1), piecewiseOf([0], [5], 0, 1));
    expect(difference.supNorm).not.toBe("unbounded");
    const steeper = compareFunctions(piecewiseOf([0], [0], 0, 1), piecewiseOf([0], [0], 0, 2));
    expect(steeper.supNorm).toBe("unbounded");
    expect(steeper.supAt).toBeNull();
  });

  it("finds different values on a one-point domain", () => {
    const difference = compareFunctions(
      piecewiseOf([2], [0], null, null),
      piecewiseOf([2], [1], null, null),
    );
    expect(difference.equal).toBe(false);
  });
});

describe("compareFunctions difference intervals", () => {
  /** Returns 0 on [0, 3n] except for a tent of height 1 on [3j, 3j + 1] for each j < n. */
  function tents(n: number): Piecewise {
    const xs: string[] = [];
    const ys: number[] = [];
    for (let j = 0; j < n; j++) {
      xs.push(String(3 * j), `${6 * j + 1}/2`, String(3 * j + 1));
      ys.push(0, 1, 0);
    }
    xs.push(String(3 * n));
    ys.push(0);
    return piecewiseOf(xs, ys, null, null);
  }

  it("splits touching differences where the gap is zero", () => {
    const zero = piecewiseOf([0, 2], [0, 0], null, null);
    const twoTents = piecewiseOf([0, "1/2", 1, "3/2", 2], [0, 1, 0, -1, 0], null, null);
    const difference = summary(compareFunctions(zero, twoTents));
    expect(difference.intervals).toEqual(["(0, 1)", "(1, 2)"]);
    expect(difference.intervalCount).toBe(2);
  });

  it("lists separate differences left to right", () => {
    const difference = summary(compareFunctions(piecewiseOf([0, 9], [0, 0], null, null), tents(3)));
    expect(difference.intervals).toEqual(["(0, 1)", "(3, 4)", "(6, 7)"]);
  });

  it("caps the list and counts every interval", () => {
    const count = MAX_LISTED_INTERVALS + 10;
    const zero = piecewiseOf([0, 3 * count], [0, 0], null, null);
    const difference = compareFunctions(zero, tents(count));
    expect(difference.intervals).toHaveLength(MAX_LISTED_INTERVALS);
    expect(difference.intervalCount).toBe(count);
    const last = difference.intervals[MAX_LISTED_INTERVALS - 1]!;
    expect([formatRational(last.lo!), formatRational(last.hi!)]).toEqual(["147", "148"]);
  });

  it.each([
    ["the left end", [0, 1, 2], [1, 0, 0], "[0, 1)"],
    ["the right end", [0, 1, 2], [0, 0, 1], "(1, 2]"],
    ["both ends", [0, 2], [1, 1], "[0, 2]"],
    ["neither end", [0, 1, 2], [0, 1, 0], "(0, 2)"],
  ])("closes an end of the domain where the values differ: %s", (_, xs, ys, written) => {
    const zero = piecewiseOf([0, 2], [0, 0], null, null);
    const difference = summary(compareFunctions(zero, piecewiseOf(xs, ys, null, null)));
    expect(difference.intervals).toEqual([written]);
  });

  it("closes a one-point domain where the values differ", () => {
    const difference = summary(
      compareFunctions(piecewiseOf([2], [0], null, null), piecewiseOf([2], [1], null, null)),
    );
    expect(difference.intervals).toEqual(["[2, 2]"]);
  });

  it("opens the first interval on a differing left ray", () => {
    const difference = summary(
      compareFunctions(piecewiseOf([0, 1], [0, 0], 0, 0), piecewiseOf([0, 1], [0, 1], -1, 0)),
    );
    expect(difference.intervals).toEqual(["(-∞, 0)", "(0, ∞)"]);
  });
});

describe("compareFunctions zeros of the gap", () => {
  /** h2's first layer [[1], [1]], [0, −1/2] with another output layer, as in tent-h2. */
  function tentWithOutput(weights: number[], bias: number): Network {
    return {
      layers: [layerOf([[1], [1]], [0, "-1/2"]), layerOf([weights], [bias])],
      activation: RELU,
      outputActivation: IDENTITY,
    };
  }
  const UNIT: Domain = { lo: ZERO, hi: ONE };
  const tent = targetFunction({ kind: "tent", variant: "h2" }, REAL_LINE, DEFAULT_BUDGET);
  const sawtooth3 = targetFunction({ kind: "sawtooth", k: 3 }, UNIT, DEFAULT_BUDGET);
  const rows: [string, Piecewise, Piecewise, string[]][] = [
    ["h2 negated, both 0 at 1", tent, analyze(tentWithOutput([-2, 4], 0)), ["(0, 1)", "(1, ∞)"]],
    ["2 − h2, both 1 at 1/2", tent, analyze(tentWithOutput([-2, 4], 2)), ["(-∞, 1/2)", "(1/2, ∞)"]],
    [
      "h2 for f^3 on [0, 1], crossing inside pieces",
      sawtooth3,
      analyze(h2Network(), UNIT),
      [
        "(0, 1/5)",
        "(1/5, 1/3)",
        "(1/3, 2/5)",
        "(2/5, 3/5)",
        "(3/5, 2/3)",
        "(2/3, 4/5)",
        "(4/5, 1)",
      ],
    ],
    [
      "a crossing at 1/3 between closed ends",
      piecewiseOf([0, 1], [0, 0], null, null),
      piecewiseOf([0, 1], [1, -2], null, null),
      ["[0, 1/3)", "(1/3, 1]"],
    ],
    [
      "a root on the left ray",
      piecewiseOf([0], [0], 0, 0),
      piecewiseOf([0], [2], 3, 0),
      ["(-∞, -2/3)", "(-2/3, ∞)"],
    ],
    [
      "a root on the right ray",
      piecewiseOf([0], [0], 0, 0),
      piecewiseOf([0], [2], 0, -3),
      ["(-∞, 2/3)", "(2/3, ∞)"],
    ],
    [
      "a ray that leaves a zero breakpoint",
      piecewiseOf([0, 1], [0, 0], 0, 0),
      piecewiseOf([0, 1], [0, 0], 0, 5),
      ["(1, ∞)"],
    ],
    [
      "a gap that touches 0 without crossing",
      piecewiseOf([-1, 0, 1], [0, 0, 0], null, null),
      piecewiseOf([-1, 0, 1], [1, 0, 1], null, null),
      ["[-1, 0)", "(0, 1]"],
    ],
  ];

  it.each(rows)("splits at the zeros of %s", (_, expected, actual, intervals) => {
    const forward = summary(compareFunctions(expected, actual));
    expect(forward.intervals).toEqual(intervals);
    expect(forward.intervalCount).toBe(intervals.length);
    expect(summary(compareFunctions(actual, expected)).intervals).toEqual(intervals);
  });
});

describe("compareFunctions on mixed arithmetic", () => {
  const tent = targetFunction({ kind: "tent", variant: "h2" }, REAL_LINE, DEFAULT_BUDGET);
  const rows: [string, Piecewise, ReturnType<typeof summary>["counterexample"]][] = [
    ["the same tent in rationals", piecewiseOf([0, "1/2"], [0, 1], 0, -2), null],
    [
      "a tent peaking at 1/3",
      piecewiseOf([0, "1/3", "2/3"], [0, 1, 0], 0, -3),
      { x: "1/3", expected: "2/3", actual: "1" },
    ],
    [
      "a network with thirds",
      analyze(rescaleHiddenNeuron(h2Network(), 0, 1, rational(1n, 3n))),
      null,
    ],
  ];

  it.each(rows)("compares the dyadic h2 with %s", (_, other, counterexample) => {
    expect(tent.arithmetic.kind).toBe("dyadic");
    const forward = summary(compareFunctions(tent, other));
    expect(forward.equal).toBe(counterexample === null);
    expect(forward.counterexample).toEqual(counterexample);
    expect(summary(compareFunctions(other, tent)).equal).toBe(counterexample === null);
  });
});

/** Places layers side by side; the first layer of each reads the same single input. */
function stack(top: Layer, bottom: Layer, shareInput: boolean): Layer {
  const topColumns = shareInput ? 0 : top.weights[0]!.length;
  const bottomColumns = shareInput ? 0 : bottom.weights[0]!.length;
  const zeros = (count: number) => Array.from({ length: count }, () => ZERO);
  return {
    weights: [
      ...top.weights.map((row) => [...row, ...zeros(bottomColumns)]),
      ...bottom.weights.map((row) => [...zeros(topColumns), ...row]),
    ],
    biases: [...top.biases, ...bottom.biases],
  };
}

const CARRY_THREE: Layer = {
  weights: [
    [ONE, ZERO, ZERO],
    [ZERO, ONE, ZERO],
    [ZERO, ZERO, ONE],
  ],
  biases: [ZERO, ZERO, ZERO],
};

/**
 * Adds to a ReLU network the triangle of height `height` on [center − width, center + width],
 * (height/width)·(φ(x − center + width) − 2φ(x − center) + φ(x − center − width)). The three
 * ReLUs run in a parallel branch and pass later ReLUs unchanged because they are never
 * negative. The last layer adds them. A network with a ReLU output gets one more layer, so
 * that output ReLU does not cut the sum.
 */
function withSpike(network: Network, center: Rational, width: Rational, height: Rational): Network {
  const spike: Layer = {
    weights: [[ONE], [ONE], [ONE]],
    biases: [width.sub(center), center.neg(), center.neg().sub(width)],
  };
  const scale = height.div(width);
  const addSpike = [scale, scale.mul(-2), scale];
  const layers = network.layers.map((layer, index) =>
    index === 0 ? stack(layer, spike, true) : stack(layer, CARRY_THREE, false),
  );
  const last = network.layers.length - 1;
  if (network.outputActivation.name === "identity") {
    const output = network.layers[last]!;
    layers[last] = {
      weights: output.weights.map((row) => [...row, ...addSpike]),
      biases: output.biases,
    };
  } else {
    layers.push({ weights: [[ONE, ...addSpike]], biases: [ZERO] });
  }
  return { layers, activation: network.activation, outputActivation: { name: "identity" } };
}

describe("compareFunctions properties", () => {
  const NUMBER_KINDS: NumberKind[] = ["integer", "dyadic", "rational"];
  const reluNetwork = fc
    .record({ seed: fc.integer(), numbers: fc.constantFrom(...NUMBER_KINDS) })
    .map(({ seed, numbers }) => randomNetwork(seed, { depth: [2, 4], width: [2, 4], numbers }));
  const domain = fc.constantFrom<Domain>(REAL_LINE, {
    lo: rationalOf("-1/3"),
    hi: rationalOf("5/4"),
  });
  const positive = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
    .map(([top, bottom]) => rational(BigInt(top), BigInt(bottom)));

  /** A network and one of: itself rescaled (equal), a shifted bias or another network. */
  const pair = fc
    .tuple(reluNetwork, fc.nat(), positive, fc.constantFrom("rescaled", "shifted", "other"))
    .chain(([network, neuronSeed, factor, kind]) => {
      const width = network.layers[0]!.biases.length;
      if (kind === "rescaled") {
        const other = rescaleHiddenNeuron(network, 0, neuronSeed % width, factor);
        return fc.constant([network, other] as const);
      }
      if (kind === "shifted") {
        const layers = network.layers.slice();
        const output = layers[layers.length - 1]!;
        layers[layers.length - 1] = { ...output, biases: [output.biases[0]!.add(factor)] };
        return fc.constant([network, { ...network, layers }] as const);
      }
      return reluNetwork.map((other) => [network, other] as const);
    });

  it("is symmetric in its arguments", () => {
    fc.assert(
      fc.property(pair, domain, ([a, b], on) => {
        const forward = summary(compareFunctions(analyze(a, on), analyze(b, on)));
        const backward = summary(compareFunctions(analyze(b, on), analyze(a, on)));
        expect(backward.equal).toBe(forward.equal);
        expect(backward.supNorm).toBe(forward.supNorm);
        expect(backward.intervals).toEqual(forward.intervals);
        expect(backward.intervalCount).toBe(forward.intervalCount);
        expect(backward.counterexample?.x).toBe(forward.counterexample?.x);
        expect(backward.counterexample?.actual).toBe(forward.counterexample?.expected);
      }),
      FAST_CHECK,
    );
  });

  it("lists exactly where the gap is nonzero", () => {
    fc.assert(
      fc.property(pair, domain, ([a, b], on) => {
        const expected = analyze(a, on).toExact();
        const actual = analyze(b, on).toExact();
        const difference = compareFunctions(expected, actual);
        fc.pre(difference.intervalCount <= MAX_LISTED_INTERVALS);
        expect(difference.intervals).toHaveLength(difference.intervalCount);

        const gapAt = (x: Rational) => expected.valueAt(x).sub(actual.valueAt(x));
        const listedAt = (x: Rational) =>
          difference.intervals.some(({ lo, hi, loClosed, hiClosed }) => {
            const aboveLo = lo === null || x.compare(lo) > 0 || (loClosed && x.equals(lo));
            const belowHi = hi === null || x.compare(hi) < 0 || (hiClosed && x.equals(hi));
            return aboveLo && belowHi;
          });
        const signAt = (x: Rational) => gapAt(x).compare(ZERO);
        // Both functions are linear between consecutive points of this grid and on each ray
        // past it, so the gap is zero inside such a piece only where it changes sign there or
        // vanishes identically.
        const ends = difference.intervals.flatMap(({ lo, hi }) => [lo, hi]);
        const grid = [...Array.from(expected.xs), ...Array.from(actual.xs), ...ends]
          .filter((x): x is Rational => x !== null)
          .sort((x, y) => x.compare(y))
          .filter((x, i, sorted) => i === 0 || !x.equals(sorted[i - 1]!));
        for (const x of grid) {
          expect([formatRational(x), listedAt(x)]).toEqual([formatRational(x), signAt(x) !== 0]);
        }
        for (let i = 1; i < grid.length; i++) {
          const [lo, hi] = [grid[i - 1]!, grid[i]!];
          const middle = lo.add(hi).div(2);
          expect([formatRational(middle), listedAt(middle)]).toEqual([
            formatRational(middle),
            signAt(middle) !== 0,
          ]);
          if (listedAt(middle)) expect(signAt(lo) * signAt(hi)).toBeGreaterThanOrEqual(0);
        }
        const rays: [Rational, Rational][] = [];
        if (on.lo === null) rays.push([grid[0]!, grid[0]!.sub(1)]);
        if (on.hi === null) rays.push([grid[grid.length - 1]!, grid[grid.length - 1]!.add(1)]);
        for (const [start, probe] of rays) {
          const listed = listedAt(probe);
          expect([formatRational(probe), listed]).toEqual([
            formatRational(probe),
            signAt(probe) !== 0,
          ]);
          const change = gapAt(probe).sub(gapAt(start)).compare(ZERO);
          if (listed) expect(signAt(start) * change).toBeGreaterThanOrEqual(0);
        }
      }),
      FAST_CHECK,
    );
  });

  const sortKeys = fc.array(fc.nat(), { minLength: 4, maxLength: 4 });

  it("finds a network equal to itself with hidden neurons permuted", () => {
    fc.assert(
      fc.property(reluNetwork, fc.nat(), sortKeys, domain, (network, layerSeed, keys, on) => {
        const layer = layerSeed % (network.layers.length - 1);
        const width = network.layers[layer]!.biases.length;
        const order = Array.from({ length: width }, (_, i) => i).sort(
          (a, b) => keys[a]! - keys[b]! || a - b,
        );
        const permuted = permuteHiddenNeurons(network, layer, order);
        const difference = summary(compareFunctions(analyze(network, on), analyze(permuted, on)));
        expect(difference).toEqual(EQUAL);
      }),
      FAST_CHECK,
    );
  });

  it("finds a network equal to itself with a neuron rescaled", () => {
    fc.assert(
      fc.property(
        reluNetwork,
        fc.nat(),
        fc.nat(),
        positive,
        domain,
        (network, layerSeed, neuronSeed, factor, on) => {
          const layer = layerSeed % (network.layers.length - 1);
          const neuron = neuronSeed % network.layers[layer]!.biases.length;
          const rescaled = rescaleHiddenNeuron(network, layer, neuron, factor);
          const difference = summary(compareFunctions(analyze(network, on), analyze(rescaled, on)));
          expect(difference).toEqual(EQUAL);
        },
      ),
      FAST_CHECK,
    );
  });

  const height = fc
    .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 97 }))
    .filter(([top]) => top !== 0)
    .map(([top, bottom]) => rational(BigInt(top), BigInt(bottom)));
  const tinyWidth = fc.constantFrom(rational(1n, 2n ** 40n), rational(1n, 10n ** 9n));
  const position = fc
    .tuple(fc.integer({ min: 1, max: 97 }), fc.nat())
    .map(([bottom, top]) => rational(BigInt(top % (bottom + 1)), BigInt(bottom)));
  const spikeTarget = fc.oneof(
    fc.constant({ name: "h2", network: h2Network(), lo: rational(-2n), hi: rational(3n) }),
    fc.integer({ min: 1, max: 5 }).map((k) => ({
      name: `f^${k}`,
      network: sawtoothNetwork(k),
      lo: ZERO,
      hi: ONE,
    })),
  );

  it("catches a narrow spike added to a correct network", () => {
    fc.assert(
      fc.property(spikeTarget, height, tinyWidth, position, (target, h, width, t) => {
        // The spike's support [center − width, center + width] lies inside [lo, hi].
        const room = target.hi.sub(target.lo).sub(width.mul(2));
        const center = target.lo.add(width).add(room.mul(t));
        const on: Domain = target.name === "h2" ? REAL_LINE : { lo: ZERO, hi: ONE };
        const expected =
          target.name === "h2"
            ? targetFunction({ kind: "tent", variant: "h2" }, on, DEFAULT_BUDGET)
            : targetFunction(
                { kind: "sawtooth", k: target.network.layers.length / 2 },
                on,
                DEFAULT_BUDGET,
              );
        const spiked = withSpike(target.network, center, width, h);
        const difference = compareFunctions(expected, analyze(spiked, on));

        expect(difference.equal).toBe(false);
        const x = difference.counterexample!.x;
        expect(x.compare(center.sub(width))).toBeGreaterThan(0);
        expect(x.compare(center.add(width))).toBeLessThan(0);
        expect(difference.supNorm).not.toBe("unbounded");
        expect(formatRational(difference.supNorm as Rational)).toBe(formatRational(h.abs()));
      }),
      FAST_CHECK,
    );
  });
});
