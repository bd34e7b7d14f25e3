import Fraction from "fraction.js";

import { ONE, ZERO, formatRational, type Rational } from "../rational";

export type ActivationName = "relu" | "identity" | "leaky-relu" | "abs" | "hard-tanh";

/** An activation by name; leaky ReLU carries its slope for negative inputs. */
export type Activation =
  | { name: "relu" }
  | { name: "identity" }
  | { name: "leaky-relu"; slope: Rational }
  | { name: "abs" }
  | { name: "hard-tanh" };

/** One linear region of an activation: it maps v to `slope·v + offset`. */
export interface ActivationRegion {
  slope: Rational;
  offset: Rational;
}

/**
 * An activation as a continuous piecewise-linear map: `kinks` in increasing order split the
 * line into `kinks.length + 1` regions. The number of regions is its `t` in "t-sawtooth".
 */
export interface ActivationShape {
  kinks: Rational[];
  regions: ActivationRegion[];
}

const MINUS_ONE = new Fraction(-1n);

function region(slope: Rational, offset: Rational = ZERO): ActivationRegion {
  return { slope, offset };
}

/** Returns the kinks and linear regions of an activation. */
export function activationShape(activation: Activation): ActivationShape {
  switch (activation.name) {
    case "identity":
      return { kinks: [], regions: [region(ONE)] };
    case "relu":
      return { kinks: [ZERO], regions: [region(ZERO), region(ONE)] };
    case "leaky-relu":
      return { kinks: [ZERO], regions: [region(activation.slope), region(ONE)] };
    case "abs":
      return { kinks: [ZERO], regions: [region(MINUS_ONE), region(ONE)] };
    case "hard-tanh":
      return {
        kinks: [MINUS_ONE, ONE],
        regions: [region(ZERO, MINUS_ONE), region(ONE), region(ZERO, ONE)],
      };
  }
}

/** Returns t such that the activation is t-sawtooth (its number of linear pieces). */
export function sawtoothPieces(activation: Activation): number {
  return activationShape(activation).regions.length;
}

/** Applies an activation to one exact value. */
export function applyActivation(activation: Activation, value: Rational): Rational {
  const { kinks, regions } = activationShape(activation);
  let index = 0;
  while (index < kinks.length && value.compare(kinks[index]!) > 0) index += 1;
  const { slope, offset } = regions[index]!;
  return slope.mul(value).add(offset);
}

/** Formats an activation as the submission formats write it: `relu`, `leaky-relu(1/10)`. */
export function formatActivation(activation: Activation): string {
  return activation.name === "leaky-relu"
    ? `leaky-relu(${formatRational(activation.slope)})`
    : activation.name;
}
