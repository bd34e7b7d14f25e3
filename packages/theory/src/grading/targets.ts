import { dyadic, exact } from "../analysis/arithmetic";
import { analyzeNetwork, BudgetExceeded, type AnalysisBudget } from "../analysis/analyze";
import type { Domain } from "../analysis/domain";
import { Piecewise } from "../analysis/piecewise";
import type { TargetSpec } from "../exercise/schema";
import type { Network } from "../network/network";
import { ZERO } from "../rational";
import { restrict } from "./compare";

/** A target that is one fixed function, to be compared for equality. */
export type FunctionTarget = Extract<
  TargetSpec,
  { kind: "tent" | "sawtooth" | "points" | "network" }
>;

/** Tells whether a target asks for one exact function. */
export function isFunctionTarget(target: TargetSpec): target is FunctionTarget {
  return ["tent", "sawtooth", "points", "network"].includes(target.kind);
}

/**
 * Builds the exact function a target names on a domain. A reference network arrives already
 * read, because reading it can fail and the exercise loader reports that.
 */
export function targetFunction(
  target: FunctionTarget,
  domain: Domain,
  budget: AnalysisBudget,
  reference?: Network,
): Piecewise {
  switch (target.kind) {
    case "tent":
      return onDomain(target.variant === "h2" ? tentH2() : tentH3(), domain);
    case "sawtooth":
      return sawtooth(target.k, domain, budget);
    case "points": {
      const xs = target.points.map(([x]) => x);
      const ys = target.points.map(([, y]) => y);
      const f = new Piecewise(exact, xs, ys, target.leftSlope ?? ZERO, target.rightSlope ?? ZERO);
      return onDomain(f as Piecewise, domain);
    }
    case "network": {
      if (!reference) throw new Error("a network target needs its reference network");
      try {
        return analyzeNetwork(reference, domain, { budget }).outputs[0]!;
      } catch (error) {
        // Layer 0 marks the target as the part over budget, not the student's network.
        if (error instanceof BudgetExceeded)
          throw new BudgetExceeded(0, error.breakpoints, error.limit, error.unit);
        throw error;
      }
    }
  }
}

function tentH2(): Piecewise {
  return new Piecewise(dyadic, [0, 0.5], [0, 1], 0, -2) as Piecewise;
}

function tentH3(): Piecewise {
  return new Piecewise(dyadic, [0, 0.5, 1], [0, 1, 0], 0, 0) as Piecewise;
}

function onDomain(f: Piecewise, domain: Domain): Piecewise {
  if (domain.lo === null && domain.hi === null) return f;
  return restrict(f, domain.lo, domain.hi);
}

/**
 * Builds f^k: breakpoints i/2^k on [0, 1] with values i mod 2, and 0 outside [0, 1]. On [0, 1]
 * or ℝ it is built directly in doubles, which hold i/2^k exactly for k up to 52.
 */
function sawtooth(k: number, domain: Domain, budget: AnalysisBudget): Piecewise {
  const count = 2 ** k + 1;
  if (count > budget.maxBreakpoints) throw new BudgetExceeded(0, count, budget.maxBreakpoints);
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const step = 2 ** -k;
  for (let i = 0; i < count; i++) {
    xs[i] = i * step;
    ys[i] = i % 2;
  }
  const unitInterval = domain.lo?.equals(0) === true && domain.hi?.equals(1) === true;
  if (unitInterval) return new Piecewise(dyadic, xs, ys, null, null, true) as Piecewise;
  return onDomain(new Piecewise(dyadic, xs, ys, 0, 0, true) as Piecewise, domain);
}
