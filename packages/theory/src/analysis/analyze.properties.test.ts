import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { analyzeNetwork } from "./analyze";
import { REAL_LINE, formatDomain, type Domain } from "./domain";
import type { Piecewise } from "./piecewise";
import { evaluateNetwork, type Network } from "../network/network";
import { formatRational, rational, type Rational } from "../rational";
import {
  ABS,
  HARD_TANH,
  RELU,
  leakyRelu,
  permuteHiddenNeurons,
  randomNetwork,
  rescaleHiddenLayer,
  rescaleHiddenNeuron,
  yarotskySquareNetwork,
  type NumberKind,
} from "../testing/networks";
import { breakpointsOf, describeDifference } from "../testing/piecewise";

const FAST_CHECK = { seed: 1_611_014_910, numRuns: 60 } as const;

const ACTIVATIONS = [RELU, leakyRelu("1/4"), leakyRelu("-1/3"), ABS, HARD_TANH];
const NUMBER_KINDS: NumberKind[] = ["integer", "dyadic", "rational"];

const anyNetwork = fc
  .record({ seed: fc.integer(), numbers: fc.constantFrom(...NUMBER_KINDS) })
  .map(({ seed, numbers }) =>
    randomNetwork(seed, { depth: [1, 5], width: [1, 5], activations: ACTIVATIONS, numbers }),
  );

/** A rational in [0, 1] with a denominator up to 97. */
const fraction = fc
  .tuple(fc.integer({ min: 1, max: 97 }), fc.nat())
  .map(([bottom, top]) => rational(BigInt(top % (bottom + 1)), BigInt(bottom)));

/** A positive distance, from 1/7 to 10^6. */
const distance = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 7 }))
  .map(([top, bottom]) => rational(BigInt(top), BigInt(bottom)));

function networkValue(network: Network, x: Rational): Rational {
  return evaluateNetwork(network, [x])[0]!;
}

/**
 * Returns the points where the exact function and direct evaluation disagree, written as
 * `x: function value ≠ network value`.
 */
function mismatches(network: Network, f: Piecewise, points: Rational[]): string[] {
  const exact = f.toExact();
  return points.flatMap((x) => {
    const expected = networkValue(network, x);
    const actual = exact.valueAt(x);
    if (actual.equals(expected)) return [];
    return [`${formatRational(x)}: ${formatRational(actual)} ≠ ${formatRational(expected)}`];
  });
}

/** Breakpoints and the midpoints between neighbours, so every piece is visited. */
function gridPoints(f: Piecewise): Rational[] {
  const xs = breakpointsOf(f).map(({ x }) => x);
  const middles = xs.slice(1).map((x, i) => x.add(xs[i]!).div(2));
  return [...xs, ...middles];
}

describe("analyzeNetwork against evaluateNetwork", () => {
  it("agrees on ℝ inside and outside the breakpoints", () => {
    fc.assert(
      fc.property(anyNetwork, fraction, distance, (network, t, d) => {
        const f = analyzeNetwork(network, REAL_LINE).outputs[0]!;
        const first = f.point(0).x;
        const last = f.point(f.size - 1).x;
        const inside = first.add(last.sub(first).mul(t));
        const points = [...gridPoints(f), inside, first.sub(d), last.add(d)];
        expect(mismatches(network, f, points)).toEqual([]);
      }),
      FAST_CHECK,
    );
  });

  it("agrees on a closed interval", () => {
    fc.assert(
      fc.property(anyNetwork, distance, distance, fraction, (network, left, width, t) => {
        const lo = left.sub(500_000);
        const hi = lo.add(width.div(1000));
        const domain: Domain = { lo, hi };
        const f = analyzeNetwork(network, domain).outputs[0]!;
        expect(formatDomain(f.domain)).toBe(formatDomain(domain));
        const points = [...gridPoints(f), lo.add(hi.sub(lo).mul(t))];
        expect(mismatches(network, f, points)).toEqual([]);
      }),
      FAST_CHECK,
    );
  });
});

describe("analyzeNetwork arithmetic paths", () => {
  const integerNetwork = fc.integer().map((seed) =>
    randomNetwork(seed, {
      depth: [2, 5],
      width: [1, 5],
      activations: [RELU, leakyRelu("1/4"), ABS],
    }),
  );

  it("gives the same function on the dyadic and rational paths", () => {
    fc.assert(
      fc.property(integerNetwork, fc.nat(), (network, layerSeed) => {
        const fast = analyzeNetwork(network, REAL_LINE);
        // Crossings at thirds and fifths send many integer networks to rationals as well.
        fc.pre(fast.arithmetic === "dyadic");
        // Scaling a hidden layer by 3 and the next by 1/3 keeps a positively homogeneous
        // activation's function, and puts thirds into the weights unless all of the next
        // layer's weights are multiples of 3.
        const layer = layerSeed % (network.layers.length - 1);
        const next = network.layers[layer + 1]!.weights.flat();
        fc.pre(next.some((w) => w.div(3).d !== 1n));
        const scaled = rescaleHiddenLayer(network, layer, rational(3n));
        const slow = analyzeNetwork(scaled, REAL_LINE);
        expect(slow.arithmetic).toBe("rational");
        expect(describeDifference(slow.outputs[0]!, fast.outputs[0]!)).toBeNull();
      }),
      FAST_CHECK,
    );
  });
});

describe("analyzeNetwork symmetries", () => {
  const reluNetwork = fc
    .record({ seed: fc.integer(), numbers: fc.constantFrom(...NUMBER_KINDS) })
    .map(({ seed, numbers }) => randomNetwork(seed, { depth: [2, 5], width: [2, 6], numbers }));
  const sortKeys = fc.array(fc.nat(), { minLength: 6, maxLength: 6 });
  const factor = fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
    .map(([top, bottom]) => rational(BigInt(top), BigInt(bottom)));

  it("ignores the order of hidden neurons", () => {
    fc.assert(
      fc.property(reluNetwork, fc.nat(), sortKeys, (network, layerSeed, keys) => {
        const layer = layerSeed % (network.layers.length - 1);
        const width = network.layers[layer]!.biases.length;
        const order = Array.from({ length: width }, (_, i) => i).sort(
          (a, b) => keys[a]! - keys[b]! || a - b,
        );
        const permuted = permuteHiddenNeurons(network, layer, order);
        const expected = analyzeNetwork(network, REAL_LINE).outputs[0]!;
        expect(
          describeDifference(analyzeNetwork(permuted, REAL_LINE).outputs[0]!, expected),
        ).toBeNull();
      }),
      FAST_CHECK,
    );
  });

  it("ignores a positive rescaling of a ReLU neuron", () => {
    fc.assert(
      fc.property(reluNetwork, fc.nat(), fc.nat(), factor, (network, layerSeed, neuronSeed, c) => {
        const layer = layerSeed % (network.layers.length - 1);
        const neuron = neuronSeed % network.layers[layer]!.biases.length;
        const rescaled = rescaleHiddenNeuron(network, layer, neuron, c);
        const expected = analyzeNetwork(network, REAL_LINE).outputs[0]!;
        expect(
          describeDifference(analyzeNetwork(rescaled, REAL_LINE).outputs[0]!, expected),
        ).toBeNull();
      }),
      FAST_CHECK,
    );
  });
});

describe("analyzeNetwork on Yarotsky's x² network", () => {
  const UNIT: Domain = { lo: rational(0n), hi: rational(1n) };
  const cache = new Map<number, Piecewise>();
  const squareApproximation = (m: number): Piecewise => {
    let f = cache.get(m);
    if (f === undefined) {
      f = analyzeNetwork(yarotskySquareNetwork(m), UNIT).outputs[0]!.toExact();
      cache.set(m, f);
    }
    return f;
  };

  it("interpolates x² at j/2^m", () => {
    const gridPoint = fc
      .integer({ min: 1, max: 8 })
      .chain((m) => fc.tuple(fc.constant(m), fc.integer({ min: 0, max: 2 ** m })));
    fc.assert(
      fc.property(gridPoint, ([m, j]) => {
        const x = rational(BigInt(j), 2n ** BigInt(m));
        expect(formatRational(squareApproximation(m).valueAt(x))).toBe(formatRational(x.mul(x)));
      }),
      FAST_CHECK,
    );
  });

  const ms = [1, 2, 3, 4, 5, 6, 7, 8];

  it.each(ms)("has its kinks only at j/2^%i", (m) => {
    const f = squareApproximation(m);
    const grid = Array.from({ length: 2 ** m + 1 }, (_, j) => rational(BigInt(j), 2n ** BigInt(m)));
    expect(f.pieceCount()).toBe(2 ** m);
    expect(breakpointsOf(f.simplify()).map(({ x }) => formatRational(x))).toEqual(
      grid.map(formatRational),
    );
  });

  it.each(ms)("misses x² by 2^(−2m−2) at the midpoints for m = %i", (m) => {
    const f = squareApproximation(m);
    const error = rational(1n, 4n ** BigInt(m + 1));
    for (let j = 0; j < 2 ** m; j++) {
      const x = rational(BigInt(2 * j + 1), 2n ** BigInt(m + 1));
      expect(formatRational(f.valueAt(x).sub(x.mul(x)))).toBe(formatRational(error));
    }
  });
});
