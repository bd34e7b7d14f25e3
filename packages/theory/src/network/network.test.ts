import { describe, expect, it } from "vitest";

import { architectureOf, evaluateNetwork, inputCount, pieceBound, type Network } from "./network";
import {
  HARD_TANH,
  h2Network,
  h3Network,
  layerOf,
  rationalOf,
  sawtoothNetwork,
  shallowSawtoothNetwork,
} from "../testing/networks";

function valueOf(network: Network, x: string): string {
  const [output] = evaluateNetwork(network, [rationalOf(x)]);
  return output!.toFraction();
}

describe("evaluateNetwork", () => {
  const rows: [string, string, string][] = [
    ["-1", "0", "0"],
    ["0", "0", "0"],
    ["1/4", "1/2", "1/2"],
    ["1/2", "1", "1"],
    ["3/4", "1/2", "1/2"],
    ["1", "0", "0"],
    ["3", "-4", "0"],
  ];

  it.each(rows)("evaluates h2 and h3 at %s", (x, h2, h3) => {
    expect(valueOf(h2Network(), x)).toBe(h2);
    expect(valueOf(h3Network(), x)).toBe(h3);
  });

  it("evaluates a two-input network", () => {
    // max(a, b) = b + φ(a − b), with b carried through φ as φ(b) − φ(−b).
    const max: Network = {
      layers: [
        layerOf(
          [
            [1, -1],
            [0, 1],
            [0, -1],
          ],
          [0, 0, 0],
        ),
        layerOf([[1, 1, -1]], [0]),
      ],
      activation: { name: "relu" },
      outputActivation: { name: "identity" },
    };
    const [output] = evaluateNetwork(max, [rationalOf("-3/2"), rationalOf("-2")]);
    expect(output!.toFraction()).toBe("-3/2");
  });
});

describe("architectureOf", () => {
  const rows: [string, Network, number, number[], number][] = [
    ["h2", h2Network(), 2, [2, 1], 7],
    ["f^3", sawtoothNetwork(3), 6, [2, 1, 2, 1, 2, 1], 21],
    ["two-layer f^3", shallowSawtoothNetwork(3), 2, [8, 1], 3 * 8 + 1],
  ];

  it.each(rows)("measures %s", (_, network, depth, widths, parameters) => {
    const architecture = architectureOf(network);
    expect(architecture.depth).toBe(depth);
    expect(architecture.widths).toEqual(widths);
    expect(architecture.width).toBe(Math.max(...widths));
    expect(architecture.parameters).toBe(parameters);
    expect(architecture.inputs).toBe(1);
    expect(architecture.outputs).toBe(1);
    expect(inputCount(network)).toBe(1);
  });
});

describe("pieceBound", () => {
  const rows: [string, Network, bigint][] = [
    ["h2", h2Network(), 16n],
    ["h3", h3Network(), 16n],
    ["f^3", sawtoothNetwork(3), 4n ** 6n],
    ["two-layer f^4", shallowSawtoothNetwork(4), 32n ** 2n],
    ["hard-tanh h2", { ...h2Network(), activation: HARD_TANH }, 36n],
    ["f^40", sawtoothNetwork(40), 4n ** 80n],
  ];

  it.each(rows)("gives (t·m)^ℓ for %s", (_, network, bound) => {
    expect(pieceBound(network)).toBe(bound);
  });
});
