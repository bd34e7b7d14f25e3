import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { analyzeExactly, BudgetExceeded, type Analysis, type AnalysisOptions } from "./analyze";
import { formatDomain, type Domain } from "./domain";
import { evaluateNetwork, type Layer, type Network } from "../network/network";
import { formatRational, rational, type Rational } from "../rational";
import {
  ABS,
  HARD_TANH,
  IDENTITY,
  RELU,
  leakyRelu,
  randomNetwork,
  rescaleHiddenNeuron,
} from "../testing/networks";
import { breakpointsOf, describeDifference } from "../testing/piecewise";

const FAST_CHECK = { seed: 424_242, numRuns: 80 } as const;

/** Denominators a network's weights and biases are drawn from. */
const DENOMINATORS = {
  integer: [1n],
  thirds: [1n, 3n],
  fifths: [1n, 5n],
  mixed: [1n, 3n, 5n],
} as const;

const number = (denominators: readonly bigint[]) =>
  fc
    .tuple(fc.integer({ min: -6, max: 6 }), fc.constantFrom(...denominators))
    .map(([top, bottom]) => rational(BigInt(top), bottom));

/** A one-input, one-output network of depth 1 to 5 and width 1 to 5. */
const anyNetwork: fc.Arbitrary<Network> = fc
  .record({
    denominators: fc.constantFrom(...Object.values(DENOMINATORS)),
    widths: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 4 }),
    activation: fc.constantFrom(RELU, leakyRelu("1/3"), ABS, HARD_TANH),
    activateOutput: fc.boolean(),
  })
  .chain(({ denominators, widths, activation, activateOutput }) => {
    const sizes = [1, ...widths, 1];
    const layers = sizes.slice(1).map((rows, i) => {
      const columns = sizes[i]!;
      return fc.record({
        weights: fc.array(
          fc.array(number(denominators), { minLength: columns, maxLength: columns }),
          {
            minLength: rows,
            maxLength: rows,
          },
        ),
        biases: fc.array(number(denominators), { minLength: rows, maxLength: rows }),
      });
    });
    return fc.tuple(...layers).map((drawn) => ({
      layers: drawn as Layer[],
      activation,
      outputActivation: activateOutput ? activation : IDENTITY,
    }));
  });

/** ℝ, both half-lines, a closed interval or a single point, with ends in sevenths. */
const anyDomain: fc.Arbitrary<Domain> = fc
  .tuple(
    fc.integer({ min: -40, max: 40 }),
    fc.integer({ min: 0, max: 60 }),
    fc.constantFrom("line", "left", "right", "interval"),
  )
  .map(([start, length, kind]) => {
    const lo = rational(BigInt(start), 7n);
    const hi = rational(BigInt(start + length), 7n);
    if (kind === "line") return { lo: null, hi: null };
    if (kind === "left") return { lo: null, hi };
    if (kind === "right") return { lo, hi: null };
    return { lo, hi };
  });

/** Describes the first function where two analyses differ, or returns null. */
function firstDifference(actual: Analysis, expected: Analysis): string | null {
  const output = describeDifference(actual.outputs[0]!, expected.outputs[0]!);
  if (output !== null) return `output: ${output}`;
  for (const [layer, neurons] of (expected.neurons ?? []).entries()) {
    for (const [k, f] of neurons.entries()) {
      const difference = describeDifference(actual.neurons![layer]![k]!, f);
      if (difference !== null) return `layer ${layer + 1} neuron ${k + 1}: ${difference}`;
    }
  }
  return null;
}

function analyzeBoth(network: Network, domain: Domain, options: AnalysisOptions = {}) {
  return {
    shared: analyzeExactly(network, domain, "shared-denominator", options),
    fraction: analyzeExactly(network, domain, "fraction", options),
  };
}

/** Breakpoints, midpoints between them and points beyond unbounded ends. */
function probePoints(breakpoints: Rational[], domain: Domain): Rational[] {
  const middles = breakpoints.slice(1).map((x, i) => x.add(breakpoints[i]!).div(2));
  const outside = [
    domain.lo === null ? breakpoints[0]!.sub(rational(13n, 3n)) : null,
    domain.hi === null ? breakpoints[breakpoints.length - 1]!.add(rational(11n, 5n)) : null,
  ];
  return [...breakpoints, ...middles, ...outside.filter((x) => x !== null)];
}

describe("shared-denominator analysis", () => {
  it("matches the fraction.js loops, hidden neurons included", () => {
    fc.assert(
      fc.property(anyNetwork, anyDomain, (network, domain) => {
        const { shared, fraction } = analyzeBoth(network, domain, { neurons: true });
        expect(shared.arithmetic).toBe("rational");
        expect(shared.neurons?.length).toBe(fraction.neurons?.length);
        expect(firstDifference(shared, fraction)).toBeNull();
      }),
      FAST_CHECK,
    );
  });

  it("agrees with evaluateNetwork at breakpoints and between them", () => {
    fc.assert(
      fc.property(anyNetwork, anyDomain, (network, domain) => {
        const f = analyzeExactly(network, domain, "shared-denominator").outputs[0]!;
        expect(formatDomain(f.domain)).toBe(formatDomain(domain));
        const xs = breakpointsOf(f).map(({ x }) => x);
        const wrong = probePoints(xs, domain).flatMap((x) => {
          const expected = evaluateNetwork(network, [x])[0]!;
          const actual = f.valueAt(x);
          if (actual.equals(expected)) return [];
          return [`${formatRational(x)}: ${formatRational(actual)} ≠ ${formatRational(expected)}`];
        });
        expect(wrong).toEqual([]);
      }),
      FAST_CHECK,
    );
  });

  it("stores hidden neurons with every collinear breakpoint removed", () => {
    fc.assert(
      fc.property(anyNetwork, anyDomain, (network, domain) => {
        const { neurons } = analyzeExactly(network, domain, "shared-denominator", {
          neurons: true,
        });
        for (const f of (neurons ?? []).flat()) expect(f.simplify().size).toBe(f.size);
      }),
      FAST_CHECK,
    );
  });

  it("exceeds a small budget at the same layer as the fraction.js loops", () => {
    const layerOfFailure = (work: () => unknown): number | null => {
      try {
        work();
        return null;
      } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
        return error.layer;
      }
    };
    fc.assert(
      fc.property(
        anyNetwork,
        anyDomain,
        fc.integer({ min: 1, max: 12 }),
        (network, domain, max) => {
          const budget = { maxBreakpoints: max };
          const shared = layerOfFailure(() =>
            analyzeExactly(network, domain, "shared-denominator", { budget }),
          );
          const fraction = layerOfFailure(() =>
            analyzeExactly(network, domain, "fraction", { budget }),
          );
          expect(shared).toBe(fraction);
        },
      ),
      FAST_CHECK,
    );
  });

  it("reduces breakpoints whose denominators pass 2^1024", () => {
    // Rescaling neuron k of each hidden layer by (2^300 + k)/(layer + 2) leaves a ReLU network's
    // function as it is, but puts 300-bit denominators into every layer's weights, so the
    // unreduced denominators pass 2^1024 by the fifth layer.
    const rescaled = fc.integer().map((seed) => {
      let network = randomNetwork(seed, { depth: [6, 6], width: [2, 3], activations: [RELU] });
      for (let layer = 0; layer + 1 < network.layers.length; layer++) {
        const width = network.layers[layer]!.biases.length;
        for (let k = 0; k < width; k++) {
          const factor = rational(2n ** 300n + BigInt(k), BigInt(layer + 2));
          network = rescaleHiddenNeuron(network, layer, k, factor);
        }
      }
      return network;
    });
    fc.assert(
      fc.property(rescaled, anyDomain, (network, domain) => {
        const { shared, fraction } = analyzeBoth(network, domain, { neurons: true });
        expect(firstDifference(shared, fraction)).toBeNull();
      }),
      { ...FAST_CHECK, numRuns: 20 },
    );
  });
});
