import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { analyzeNetwork } from "./analyze";
import { REAL_LINE } from "./domain";
import { pieceBound, type Network } from "../network/network";
import {
  ABS,
  HARD_TANH,
  RELU,
  composeNetworks,
  h2Network,
  h3Network,
  leakyRelu,
  randomNetwork,
  sawtoothNetwork,
  shallowSawtoothNetwork,
  sumNetwork,
  type NumberKind,
} from "../testing/networks";

const FAST_CHECK = { seed: 1_509_081_023, numRuns: 150 } as const;

const NUMBER_KINDS: NumberKind[] = ["integer", "dyadic", "rational"];

/** Returns the number of linear pieces of a one-input network on ℝ. */
function piecesOf(network: Network): number {
  return analyzeNetwork(network, REAL_LINE).outputs[0]!.pieceCount();
}

describe("Lemma 2.1: (t·m)^ℓ pieces", () => {
  const lectureRows: [string, Network][] = [
    ["h2", h2Network()],
    ["h3", h3Network()],
    ["f^5", sawtoothNetwork(5)],
    ["two-layer f^5", shallowSawtoothNetwork(5)],
  ];

  it.each(lectureRows)("bounds %s", (_, network) => {
    expect(BigInt(piecesOf(network))).toBeLessThanOrEqual(pieceBound(network));
  });

  it("bounds random networks", () => {
    const activations = [RELU, leakyRelu("1/3"), leakyRelu("-1/2"), ABS, HARD_TANH];
    const network = fc
      .record({
        seed: fc.integer(),
        numbers: fc.constantFrom(...NUMBER_KINDS),
        activateOutput: fc.boolean(),
      })
      .map(({ seed, numbers, activateOutput }) =>
        randomNetwork(seed, { depth: [1, 6], width: [1, 6], activations, numbers, activateOutput }),
      );
    fc.assert(
      fc.property(network, (sample) => {
        expect(BigInt(piecesOf(sample))).toBeLessThanOrEqual(pieceBound(sample));
      }),
      FAST_CHECK,
    );
  });
});

describe("Lemma 2.3: sums and compositions", () => {
  const sawtooth = fc
    .record({
      seed: fc.integer(),
      numbers: fc.constantFrom(...NUMBER_KINDS),
      activation: fc.constantFrom(RELU, ABS, HARD_TANH),
    })
    .map(({ seed, numbers, activation }) =>
      randomNetwork(seed, {
        depth: [1, 4],
        width: [1, 4],
        activations: [activation],
        numbers,
        activateOutput: true,
      }),
    );
  const pair = sawtooth.chain((f) =>
    fc.tuple(
      fc.constant(f),
      fc
        .record({ seed: fc.integer(), numbers: fc.constantFrom(...NUMBER_KINDS) })
        .map(({ seed, numbers }) =>
          randomNetwork(seed, {
            depth: [1, 4],
            width: [1, 4],
            activations: [f.activation],
            numbers,
            activateOutput: true,
          }),
        ),
    ),
  );

  it("bounds the pieces of f + g by their sum", () => {
    fc.assert(
      fc.property(pair, ([f, g]) => {
        expect(piecesOf(sumNetwork(f, g))).toBeLessThanOrEqual(piecesOf(f) + piecesOf(g));
      }),
      FAST_CHECK,
    );
  });

  it("bounds the pieces of f ∘ g by their product", () => {
    fc.assert(
      fc.property(pair, ([f, g]) => {
        expect(piecesOf(composeNetworks(f, g))).toBeLessThanOrEqual(piecesOf(f) * piecesOf(g));
      }),
      FAST_CHECK,
    );
  });

  const sawtoothRows: [number, number][] = [
    [1, 1],
    [2, 3],
    [4, 1],
  ];

  it.each(sawtoothRows)("bounds f^%i with f^%i", (a, b) => {
    const f = sawtoothNetwork(a);
    const g = sawtoothNetwork(b);
    const [pf, pg] = [piecesOf(f), piecesOf(g)];
    expect(piecesOf(sumNetwork(f, g))).toBeLessThanOrEqual(pf + pg);
    expect(piecesOf(composeNetworks(f, g))).toBeLessThanOrEqual(pf * pg);
    // The composition is f^(a+b), with 2^(a+b) pieces on [0, 1] and a zero ray on each side.
    expect(piecesOf(composeNetworks(f, g))).toBe(2 ** (a + b) + 2);
  });
});
