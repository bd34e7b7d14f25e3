import { describe, expect, it } from "vitest";

import { analyzeNetwork, BudgetExceeded, DEFAULT_BUDGET } from "./analyze";
import { REAL_LINE, type Domain } from "./domain";
import type { Piecewise } from "./piecewise";
import type { Activation } from "../network/activation";
import type { Network } from "../network/network";
import { formatRational, rational, ONE, ZERO } from "../rational";
import {
  ABS,
  HARD_TANH,
  h2Network,
  h3Network,
  layerOf,
  leakyRelu,
  rationalOf,
  rescaleHiddenLayer,
  RELU,
  IDENTITY,
  sawtoothNetwork,
  shallowSawtoothNetwork,
} from "../testing/networks";
import { breakpointsOf, describeDifference, piecewiseOf } from "../testing/piecewise";

const UNIT: Domain = { lo: ZERO, hi: ONE };

function outputOf(network: Network, domain: Domain): Piecewise {
  const [output] = analyzeNetwork(network, domain).outputs;
  return output!;
}

function domainOf(lo: string | null, hi: string | null): Domain {
  return { lo: lo === null ? null : rationalOf(lo), hi: hi === null ? null : rationalOf(hi) };
}

describe("analyzeNetwork on the tent networks", () => {
  it("gives h2 exactly on ℝ", () => {
    const h2 = outputOf(h2Network(), REAL_LINE);
    expect(describeDifference(h2, piecewiseOf([0, "1/2"], [0, 1], 0, -2))).toBeNull();
    expect(h2.pieceCount()).toBe(3);
  });

  it("gives h3 exactly on ℝ", () => {
    const h3 = outputOf(h3Network(), REAL_LINE);
    expect(describeDifference(h3, piecewiseOf([0, "1/2", 1], [0, 1, 0], 0, 0))).toBeNull();
    expect(h3.pieceCount()).toBe(4);
  });

  const outsideRows: string[] = ["-1000", "-1/3", "0", "1", "5/4", "1000"];

  it.each(outsideRows)("gives h3(%s) = 0", (x) => {
    expect(formatRational(outputOf(h3Network(), REAL_LINE).valueAt(rationalOf(x)))).toBe("0");
  });

  const domainRows: [string, Domain, Piecewise][] = [
    [
      "[1/4, 2]",
      domainOf("1/4", "2"),
      piecewiseOf(["1/4", "1/2", 1, 2], ["1/2", 1, 0, 0], null, null),
    ],
    ["[1/2, 1/2]", domainOf("1/2", "1/2"), piecewiseOf(["1/2"], [1], null, null)],
    ["(-∞, 1/4]", domainOf(null, "1/4"), piecewiseOf([0, "1/4"], [0, "1/2"], 0, null)],
    ["[1/4, ∞)", domainOf("1/4", null), piecewiseOf(["1/4", "1/2", 1], ["1/2", 1, 0], null, 0)],
    ["[-3, -2]", domainOf("-3", "-2"), piecewiseOf([-3, -2], [0, 0], null, null)],
  ];

  it.each(domainRows)("restricts h3 to %s", (_, domain, expected) => {
    expect(describeDifference(outputOf(h3Network(), domain), expected)).toBeNull();
  });

  it("restricts h3 to [1, ∞)", () => {
    const expected = piecewiseOf([1], [0], null, 0);
    expect(describeDifference(outputOf(h3Network(), domainOf("1", null)), expected)).toBeNull();
  });

  it("gives φ(x + 1) on [0, ∞)", () => {
    const network: Network = {
      layers: [layerOf([[1]], [1])],
      activation: RELU,
      outputActivation: RELU,
    };
    const expected = piecewiseOf([0], [1], null, 1);
    expect(describeDifference(outputOf(network, domainOf("0", null)), expected)).toBeNull();
  });

  it("returns the hidden neurons on request", () => {
    const { neurons } = analyzeNetwork(h2Network(), REAL_LINE, { neurons: true });
    const layer = neurons?.[0] ?? [];
    expect(layer).toHaveLength(2);
    expect(describeDifference(layer[0]!, piecewiseOf([0], [0], 0, 1))).toBeNull();
    expect(describeDifference(layer[1]!, piecewiseOf(["1/2"], [0], 0, 1))).toBeNull();
  });

  it("omits the hidden neurons by default", () => {
    expect(analyzeNetwork(h2Network(), REAL_LINE).neurons).toBeNull();
  });

  it("rejects a network with two inputs", () => {
    const network: Network = {
      layers: [layerOf([[1, 1]], [0])],
      activation: RELU,
      outputActivation: IDENTITY,
    };
    expect(() => analyzeNetwork(network, REAL_LINE)).toThrow(RangeError);
  });
});

describe("analyzeNetwork on one activation", () => {
  const single = (
    activation: Activation,
    weight: number,
    bias: number,
    shift: number,
  ): Network => ({
    layers: [layerOf([[weight]], [bias]), layerOf([[1]], [shift])],
    activation,
    outputActivation: IDENTITY,
  });
  const rows: [string, Network, Piecewise][] = [
    ["relu(2 − x)", single(RELU, -1, 2, 0), piecewiseOf([2], [0], -1, 0)],
    ["leaky-relu(x) at −1/3", single(leakyRelu("-1/3"), 1, 0, 0), piecewiseOf([0], [0], "-1/3", 1)],
    ["|x − 1|", single(ABS, 1, -1, 0), piecewiseOf([1], [0], -1, 1)],
    [
      "hard-tanh(2x − 2) + 3",
      single(HARD_TANH, 2, -2, 3),
      piecewiseOf(["1/2", "3/2"], [2, 4], 0, 0),
    ],
  ];

  it.each(rows)("gives %s on ℝ", (_, network, expected) => {
    expect(describeDifference(outputOf(network, REAL_LINE), expected)).toBeNull();
  });
});

describe("analyzeNetwork on the sawtooth f^k", () => {
  const ks = Array.from({ length: 12 }, (_, i) => i + 1);

  it.each(ks)("gives f^%i 2^k pieces on [0, 1]", (k) => {
    const analysis = analyzeNetwork(sawtoothNetwork(k), UNIT);
    const f = analysis.outputs[0]!.toExact();
    const count = 2 ** k;
    const grid = Array.from({ length: count + 1 }, (_, i) => rational(BigInt(i), BigInt(count)));
    const alternating = grid.map((_, i) => String(i % 2));

    expect(analysis.arithmetic).toBe("dyadic");
    expect(f.pieceCount()).toBe(count);
    const breakpoints = breakpointsOf(f);
    expect(breakpoints.map(({ x }) => formatRational(x))).toEqual(grid.map(formatRational));
    expect(breakpoints.map(({ y }) => formatRational(y))).toEqual(alternating);
    expect(grid.map((x) => formatRational(f.valueAt(x)))).toEqual(alternating);
  });

  it.each(ks)("gives f^%i 0 outside [0, 1]", (k) => {
    const f = outputOf(sawtoothNetwork(k), REAL_LINE);
    expect(f.pieceCount()).toBe(2 ** k + 2);
    expect(f.slopes().left?.toFraction()).toBe("0");
    expect(f.slopes().right?.toFraction()).toBe("0");
    expect(formatRational(f.point(0).x)).toBe("0");
    expect(formatRational(f.point(f.size - 1).x)).toBe("1");
    expect(formatRational(f.valueAt(rationalOf("-1/3")))).toBe("0");
    expect(formatRational(f.valueAt(rationalOf("7/5")))).toBe("0");
  });

  const shallowKs = [1, 2, 3, 4, 5, 6];

  it.each(shallowKs)("gives f^%i from the width-2^k two-layer network", (k) => {
    const deep = outputOf(sawtoothNetwork(k), REAL_LINE);
    const shallow = outputOf(shallowSawtoothNetwork(k), REAL_LINE);
    expect(describeDifference(shallow, deep)).toBeNull();
  });

  it("tells the two-layer network apart from f^k with one weight off", () => {
    const network = shallowSawtoothNetwork(3);
    const [hidden, output] = network.layers;
    const weights = output!.weights[0]!.map((w, j) => (j === 5 ? w.add(1) : w));
    const altered: Network = { ...network, layers: [hidden!, { ...output!, weights: [weights] }] };
    const deep = outputOf(sawtoothNetwork(3), REAL_LINE);
    expect(describeDifference(outputOf(altered, REAL_LINE), deep)).not.toBeNull();
  });
});

describe("analyzeNetwork arithmetic", () => {
  it("uses doubles for dyadic weights", () => {
    expect(analyzeNetwork(sawtoothNetwork(3), UNIT).arithmetic).toBe("dyadic");
  });

  it("uses rationals when a weight is 1/3", () => {
    const network = rescaleHiddenLayer(sawtoothNetwork(3), 0, rational(3n));
    const analysis = analyzeNetwork(network, UNIT);
    expect(analysis.arithmetic).toBe("rational");
    expect(describeDifference(analysis.outputs[0]!, outputOf(sawtoothNetwork(3), UNIT))).toBeNull();
  });

  it("uses rationals for a domain end of 1/3", () => {
    const analysis = analyzeNetwork(h3Network(), domainOf("1/3", "2/3"));
    expect(analysis.arithmetic).toBe("rational");
    const expected = piecewiseOf(["1/3", "1/2", "2/3"], ["2/3", 1, "2/3"], null, null);
    expect(describeDifference(analysis.outputs[0]!, expected)).toBeNull();
  });

  it("keeps a product that underflows the doubles", () => {
    const tiny = rational(1n, 2n ** 500n);
    const network: Network = {
      layers: [
        { weights: [[tiny]], biases: [ZERO] },
        { weights: [[tiny]], biases: [ZERO] },
      ],
      activation: RELU,
      outputActivation: IDENTITY,
    };
    const expected = piecewiseOf([0, 1], [0, `1/${2n ** 1000n}`], null, null);
    expect(describeDifference(outputOf(network, UNIT), expected)).toBeNull();
  });
});

describe("analyzeNetwork budget", () => {
  it("stops f^22 on [0, 1] at layer 43", () => {
    let result: unknown = null;
    let error: unknown = null;
    try {
      result = analyzeNetwork(sawtoothNetwork(22), UNIT);
    } catch (caught) {
      error = caught;
    }
    expect(result).toBeNull();
    expect(error).toBeInstanceOf(BudgetExceeded);
    const exceeded = error as BudgetExceeded;
    // Layer 2k − 1 of f^k splits every piece of f^(k−1) at 1/2, which gives f^22's grid.
    expect(exceeded.layer).toBe(43);
    expect(exceeded.limit).toBe(DEFAULT_BUDGET.maxBreakpoints);
    expect(exceeded.breakpoints).toBe(DEFAULT_BUDGET.maxBreakpoints + 1);
    expect(exceeded.message).toBe("layer 43 needs more than 2200000 breakpoints");
  }, 30_000);

  const rows: [string, Network, Domain, number, number][] = [
    ["h3 on ℝ", h3Network(), REAL_LINE, 2, 2],
    ["f^3 on [0, 1]", sawtoothNetwork(3), UNIT, 8, 5],
    ["f^3 with 1/3 weights", rescaleHiddenLayer(sawtoothNetwork(3), 2, rational(3n)), UNIT, 8, 5],
    ["two-layer f^4 on ℝ", shallowSawtoothNetwork(4), REAL_LINE, 10, 1],
  ];

  it.each(rows)("stops %s at a small budget", (_, network, domain, limit, layer) => {
    const run = () => analyzeNetwork(network, domain, { budget: { maxBreakpoints: limit } });
    expect(run).toThrow(BudgetExceeded);
    expect(run).toThrow(`layer ${layer} needs more than ${limit} breakpoints`);
  });

  it("lets f^3 on [0, 1] use exactly 9 breakpoints", () => {
    const analysis = analyzeNetwork(sawtoothNetwork(3), UNIT, { budget: { maxBreakpoints: 9 } });
    expect(analysis.outputs[0]!.pieceCount()).toBe(8);
  });
});

describe("analyzeNetwork value budget", () => {
  it("stops a wide layer after f^20 before it allocates", () => {
    const f = sawtoothNetwork(20);
    const neurons = 1024;
    const wide: Network = {
      ...f,
      layers: [
        ...f.layers,
        layerOf(
          Array.from({ length: neurons }, () => [1]),
          Array.from({ length: neurons }, (_, i) => `-${i}/${neurons}`),
        ),
        layerOf([Array.from({ length: neurons }, () => 1)], [0]),
      ],
    };
    let error: unknown = null;
    try {
      analyzeNetwork(wide, UNIT);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BudgetExceeded);
    expect((error as BudgetExceeded).unit).toBe("values");
    expect((error as BudgetExceeded).layer).toBe(41);
  });
});
