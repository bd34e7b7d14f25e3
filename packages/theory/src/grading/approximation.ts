import type { Piecewise } from "../analysis/piecewise";
import { formatRational, ZERO, type Rational } from "../rational";
import type { Finding } from "./feedback";

/** How often a piece is halved while the Bernstein bound of a degree-3+ error stays undecided. */
const MAX_SUBDIVISIONS = 12;

/** The outcome of an approximation check: the finding and the sup error where it is known. */
export interface ApproximationResult {
  finding: Finding;
  /** The exact sup error for degree ≤ 2, and null where only bounds on it are known. */
  error: Rational | null;
}

/**
 * Checks sup |f − p| ≤ tolerance on f's closed domain. For a polynomial of degree ≤ 2 the error
 * on each piece is a quadratic, whose largest size sits at an end or at its vertex, so the sup
 * is exact. For higher degrees the Bernstein coefficients of the error on each piece bound its
 * range, and pieces are halved until the bound decides or the subdivisions run out.
 */
export function checkApproximation(
  f: Piecewise,
  coefficients: Rational[],
  tolerance: Rational,
): ApproximationResult {
  const g = f.simplify().toExact();
  const degree = trimmedDegree(coefficients);
  let worst = ZERO;
  let worstAt = g.xs[0]!;
  let upper = ZERO;
  for (let i = 0; i + 1 < g.xs.length || i === 0; i++) {
    const a = g.xs[i]!;
    const b = g.xs[i + 1] ?? a;
    const slope = b.equals(a) ? ZERO : g.ys[i + 1]!.sub(g.ys[i]!).div(b.sub(a));
    const error = errorPolynomial(coefficients, slope, g.ys[i]!.sub(slope.mul(a)));
    const piece = degree <= 2 ? quadraticSup(error, a, b) : bernsteinSup(error, a, b, tolerance);
    if (piece.lower.compare(worst) > 0) {
      worst = piece.lower;
      worstAt = piece.at;
    }
    if (piece.upper.compare(upper) > 0) upper = piece.upper;
    if (g.xs.length === 1) break;
  }
  const text = formatRational;
  if (worst.compare(tolerance) > 0) {
    const finding: Finding = {
      code: "approximation.exceeds",
      x: text(worstAt),
      error: text(worst),
      tolerance: text(tolerance),
    };
    return { finding, error: degree <= 2 ? worst : null };
  }
  if (upper.compare(tolerance) <= 0) {
    return {
      finding: {
        code: "approximation.within",
        error: text(upper),
        exact: degree <= 2,
        tolerance: text(tolerance),
      },
      error: degree <= 2 ? upper : null,
    };
  }
  return {
    finding: {
      code: "approximation.undecided",
      lower: text(worst),
      upper: text(upper),
      tolerance: text(tolerance),
    },
    error: null,
  };
}

function trimmedDegree(coefficients: Rational[]): number {
  let degree = coefficients.length - 1;
  while (degree > 0 && coefficients[degree]!.n === 0n) degree -= 1;
  return degree;
}

/** Coefficients of (slope·x + intercept) − p(x), constant term first. */
function errorPolynomial(p: Rational[], slope: Rational, intercept: Rational): Rational[] {
  const e = p.map((c) => c.neg());
  e[0] = (e[0] ?? ZERO).add(intercept);
  e[1] = (e[1] ?? ZERO).add(slope);
  return e;
}

function evaluate(e: Rational[], x: Rational): Rational {
  return e.reduceRight((acc, c) => acc.mul(x).add(c), ZERO);
}

/** Bounds on sup |e| over [a, b], with the point where the lower bound is reached. */
interface PieceBound {
  lower: Rational;
  upper: Rational;
  at: Rational;
}

function largestAt(e: Rational[], points: Rational[]): PieceBound {
  let best: PieceBound = { lower: ZERO, upper: ZERO, at: points[0]! };
  for (const x of points) {
    const size = evaluate(e, x).abs();
    if (size.compare(best.lower) > 0 || x === points[0]) best = { lower: size, upper: size, at: x };
  }
  return best;
}

function quadraticSup(e: Rational[], a: Rational, b: Rational): PieceBound {
  const points = [a, b];
  const square = e[2] ?? ZERO;
  if (square.n !== 0n) {
    const vertex = (e[1] ?? ZERO).neg().div(square.mul(2));
    if (vertex.compare(a) > 0 && vertex.compare(b) < 0) points.push(vertex);
  }
  return largestAt(e, points);
}

/** Rewrites e on [a, b] in the variable t ∈ [0, 1] with x = a + (b − a)·t. */
function onUnitInterval(e: Rational[], a: Rational, b: Rational): Rational[] {
  const width = b.sub(a);
  // Horner's scheme on polynomials: q ← q·(a + width·t) + c.
  let q: Rational[] = [ZERO];
  for (let k = e.length - 1; k >= 0; k--) {
    const next = new Array<Rational>(q.length + 1).fill(ZERO);
    q.forEach((c, i) => {
      next[i] = next[i]!.add(c.mul(a));
      next[i + 1] = next[i + 1]!.add(c.mul(width));
    });
    next[0] = next[0]!.add(e[k]!);
    q = next;
  }
  return q;
}

function binomial(n: number, k: number): bigint {
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

/** Returns the largest |Bernstein coefficient| of e on [a, b], an upper bound on sup |e|. */
function bernsteinBound(e: Rational[], a: Rational, b: Rational): Rational {
  const c = onUnitInterval(e, a, b);
  const n = c.length - 1;
  let bound = ZERO;
  for (let i = 0; i <= n; i++) {
    let coefficient = ZERO;
    for (let j = 0; j <= i; j++) {
      coefficient = coefficient.add(c[j]!.mul(binomial(i, j)).div(binomial(n, j)));
    }
    if (coefficient.abs().compare(bound) > 0) bound = coefficient.abs();
  }
  return bound;
}

function bernsteinSup(e: Rational[], a: Rational, b: Rational, tolerance: Rational): PieceBound {
  const result = largestAt(e, [a, b]);
  let pending: [Rational, Rational, number][] = [[a, b, 0]];
  let upper = ZERO;
  while (pending.length > 0) {
    const [lo, hi, depth] = pending.pop()!;
    const bound = bernsteinBound(e, lo, hi);
    if (bound.compare(tolerance) <= 0 || depth >= MAX_SUBDIVISIONS) {
      if (bound.compare(upper) > 0) upper = bound;
      continue;
    }
    const middle = lo.add(hi).div(2);
    const atMiddle = largestAt(e, [middle]);
    if (atMiddle.lower.compare(result.lower) > 0) {
      result.lower = atMiddle.lower;
      result.at = middle;
    }
    if (result.lower.compare(tolerance) > 0) break;
    pending = pending.concat([
      [lo, middle, depth + 1],
      [middle, hi, depth + 1],
    ]);
  }
  return {
    lower: result.lower,
    upper: upper.compare(result.lower) > 0 ? upper : result.lower,
    at: result.at,
  };
}
