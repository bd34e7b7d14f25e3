import { exact } from "../analysis/arithmetic";
import { analyzeNetwork, type AnalysisBudget } from "../analysis/analyze";
import type { Domain } from "../analysis/domain";
import { Piecewise } from "../analysis/piecewise";
import type { Network } from "../network/network";
import { formatRational, type Rational } from "../rational";
import { compareFunctions, type Difference, type Interval } from "./compare";
import type { Finding } from "./feedback";

/** Functions larger than this get no diagnosis beyond the counterexample, to bound the cost. */
const MAX_DIAGNOSED_BREAKPOINTS = 10_000;

/**
 * Names the likely mistake behind a wrong function: the slope on the first wrong piece, a sign
 * flip, a constant offset, or an output ReLU missing or added. These findings let a tutor group
 * incorrect attempts by mistake.
 */
export function diagnose(
  expected: Piecewise,
  actual: Piecewise,
  network: Network,
  domain: Domain,
  difference: Difference,
  budget: AnalysisBudget,
): Finding[] {
  if (expected.size > MAX_DIAGNOSED_BREAKPOINTS || actual.size > MAX_DIAGNOSED_BREAKPOINTS)
    return [];
  const findings: Finding[] = [];
  const first = difference.intervals[0];
  const slope = first && slopeFinding(expected.toExact(), actual.toExact(), first);
  if (slope) findings.push(slope);
  if (compareFunctions(negate(expected), actual).equal) findings.push({ code: "function.negated" });
  const example = difference.counterexample;
  if (example) {
    const by = example.actual.sub(example.expected);
    if (compareFunctions(shift(expected, by), actual).equal) {
      findings.push({ code: "function.offset", by: formatRational(by) });
    }
  }

  const output = network.outputActivation.name;
  if (output === "identity" || output === "relu") {
    const swapped: Network = {
      ...network,
      outputActivation: { name: output === "identity" ? "relu" : "identity" },
    };
    const other = analyzeNetwork(swapped, domain, { budget }).outputs[0]!;
    if (compareFunctions(expected, other).equal) {
      const code =
        output === "identity" ? "function.missing-output-relu" : "function.extra-output-relu";
      findings.push({ code });
    }
  }
  return findings;
}

function negate(f: Piecewise): Piecewise {
  const g = f.toExact();
  const flip = (s: Rational | null) => (s === null ? null : s.neg());
  return new Piecewise(
    exact,
    g.xs,
    Array.from(g.ys, (y) => y.neg()),
    flip(g.leftSlope),
    flip(g.rightSlope),
  ) as Piecewise;
}

function shift(f: Piecewise, by: Rational): Piecewise {
  const g = f.toExact();
  const ys = Array.from(g.ys, (y) => y.add(by));
  return new Piecewise(exact, g.xs, ys, g.leftSlope, g.rightSlope) as Piecewise;
}

/** Returns f's slope just right of x, or null when f ends at x. */
function slopeRightOf(f: Piecewise<Rational>, x: Rational): Rational | null {
  const { xs, ys } = f;
  const last = xs.length - 1;
  if (x.compare(xs[0]!) < 0) return f.leftSlope;
  if (x.compare(xs[last]!) >= 0) return f.rightSlope;
  let i = 0;
  while (i < last - 1 && x.compare(xs[i + 1]!) >= 0) i++;
  return ys[i + 1]!.sub(ys[i]!).div(xs[i + 1]!.sub(xs[i]!));
}

/**
 * Describes the first interval where the functions differ by the two slopes at its start, or
 * returns null when those slopes are equal and say nothing about the mistake.
 */
function slopeFinding(
  expected: Piecewise<Rational>,
  actual: Piecewise<Rational>,
  { lo, hi, loClosed, hiClosed }: Interval,
): Finding | null {
  // An interval unbounded on the left starts on the left rays.
  const expectedSlope = lo === null ? expected.leftSlope : slopeRightOf(expected, lo);
  const actualSlope = lo === null ? actual.leftSlope : slopeRightOf(actual, lo);
  if (expectedSlope === null || actualSlope === null || expectedSlope.equals(actualSlope)) {
    return null;
  }
  return {
    code: "function.slope",
    interval: [lo === null ? null : formatRational(lo), hi === null ? null : formatRational(hi)],
    closed: [loClosed, hiClosed],
    expected: formatRational(expectedSlope),
    actual: formatRational(actualSlope),
  };
}
