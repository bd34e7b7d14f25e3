import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  ABS,
  HARD_TANH,
  RELU,
  composeNetworks,
  permuteHiddenNeurons,
  randomNetwork,
  rationalOf,
  rescaleHiddenNeuron,
  sawtoothNetwork,
  sumNetwork,
  yarotskySquareNetwork,
} from "./networks";
import { evaluateNetwork, type Network } from "../network/network";
import { formatRational, type Rational } from "../rational";

const FAST_CHECK = { seed: 1_509_081_010, numRuns: 100 } as const;

function valueAt(network: Network, x: Rational): Rational {
  return evaluateNetwork(network, [x])[0]!;
}

function formatNetwork(network: Network): string {
  const layers = network.layers.map(({ weights, biases }) =>
    [...weights.flat(), ...biases].map(formatRational).join(" "),
  );
  return `${network.activation.name}: ${layers.join(" | ")}`;
}

const point = fc
  .tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 1, max: 40 }))
  .map(([top, bottom]) => rationalOf(`${top}/${bottom}`));

const sawtoothOptions = {
  depth: [1, 4],
  width: [1, 4],
  activations: [RELU, ABS, HARD_TANH],
  activateOutput: true,
} as const;

describe("randomNetwork", () => {
  it("repeats a network for the same seed", () => {
    expect(randomNetwork(7, { numbers: "rational" })).toEqual(
      randomNetwork(7, { numbers: "rational" }),
    );
  });

  it("varies the network with the seed", () => {
    const networks = Array.from({ length: 10 }, (_, seed) => formatNetwork(randomNetwork(seed)));
    expect(new Set(networks).size).toBe(10);
  });

  it("keeps depth and width within the options", () => {
    for (let seed = 0; seed < 50; seed++) {
      const network = randomNetwork(seed, { depth: [2, 3], width: [4, 5] });
      const widths = network.layers.map((layer) => layer.biases.length);
      expect(widths.length).toBeGreaterThanOrEqual(2);
      expect(widths.length).toBeLessThanOrEqual(3);
      expect(widths.at(-1)).toBe(1);
      for (const width of widths.slice(0, -1)) expect(width).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("sumNetwork", () => {
  it("adds the two outputs", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), point, (seedF, seedG, x) => {
        const f = randomNetwork(seedF, { ...sawtoothOptions, activations: [RELU] });
        const g = randomNetwork(seedG, { ...sawtoothOptions, activations: [RELU] });
        const sum = valueAt(sumNetwork(f, g), x);
        expect(sum.equals(valueAt(f, x).add(valueAt(g, x)))).toBe(true);
      }),
      FAST_CHECK,
    );
  });

  it("rejects summands with different activations", () => {
    expect(() =>
      sumNetwork(sawtoothNetwork(1), { ...sawtoothNetwork(1), activation: ABS }),
    ).toThrow(RangeError);
  });
});

describe("composeNetworks", () => {
  it("applies the outer network to the inner output", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), point, (seedF, seedG, x) => {
        const f = randomNetwork(seedF, sawtoothOptions);
        const g = randomNetwork(seedG, { ...sawtoothOptions, activations: [f.activation] });
        const composed = valueAt(composeNetworks(f, g), x);
        expect(composed.equals(valueAt(f, valueAt(g, x)))).toBe(true);
      }),
      FAST_CHECK,
    );
  });
});

describe("hidden neuron transforms", () => {
  it("keep the network's values", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 9 }), point, (seed, factor, x) => {
        const network = randomNetwork(seed, { depth: [2, 4], numbers: "dyadic" });
        const width = network.layers[0]!.biases.length;
        const order = Array.from({ length: width }, (_, i) => (i + 1) % width);
        const permuted = permuteHiddenNeurons(network, 0, order);
        const rescaled = rescaleHiddenNeuron(network, 0, width - 1, rationalOf(factor));
        const expected = valueAt(network, x);
        expect(valueAt(permuted, x).equals(expected)).toBe(true);
        expect(valueAt(rescaled, x).equals(expected)).toBe(true);
      }),
      FAST_CHECK,
    );
  });
});

describe("yarotskySquareNetwork", () => {
  it("evaluates to the interpolant of x² at the grid", () => {
    const network = yarotskySquareNetwork(3);
    for (let j = 0; j <= 8; j++) {
      const x = rationalOf(`${j}/8`);
      expect(valueAt(network, x).equals(x.mul(x))).toBe(true);
    }
  });
});
