import { exact } from "../analysis/arithmetic";
import { Piecewise } from "../analysis/piecewise";
import { formatRational, type Rational } from "../rational";
import { rationalOf } from "./networks";

/**
 * Helpers that state expected piecewise-linear functions and compare them exactly, for tests
 * and benchmarks. Nothing here imports a test framework.
 */

type Written = string | number;

/**
 * Builds an exact function from its breakpoints `xs`, the values `ys` there and its end
 * slopes; a null slope closes the domain at that end.
 */
export function piecewiseOf(
  xs: readonly Written[],
  ys: readonly Written[],
  leftSlope: Written | null,
  rightSlope: Written | null,
): Piecewise<Rational> {
  if (xs.length !== ys.length || xs.length === 0) {
    throw new RangeError(
      `expected as many values as breakpoints, got ${xs.length} and ${ys.length}`,
    );
  }
  return new Piecewise(
    exact,
    xs.map(rationalOf),
    ys.map(rationalOf),
    leftSlope === null ? null : rationalOf(leftSlope),
    rightSlope === null ? null : rationalOf(rightSlope),
  );
}

/** Returns the stored breakpoints of a function as exact rationals, in order. */
export function breakpointsOf(p: Piecewise): { x: Rational; y: Rational }[] {
  return Array.from({ length: p.size }, (_, i) => p.point(i));
}

function formatEnd(value: Rational | null): string {
  return value === null ? "none" : formatRational(value);
}

/**
 * Compares two functions exactly after `simplify()`: domain, breakpoints, values and end
 * slopes. Returns null when they are the same function, otherwise the first difference in
 * words, so a failing assertion shows where the functions part.
 */
export function describeDifference(actual: Piecewise, expected: Piecewise): string | null {
  const a = actual.simplify();
  const b = expected.simplify();

  const slopesA = a.slopes();
  const slopesB = b.slopes();
  if (!sameOrBothNull(slopesA.left, slopesB.left)) {
    return `left slope ${formatEnd(slopesA.left)}, expected ${formatEnd(slopesB.left)}`;
  }
  if (!sameOrBothNull(slopesA.right, slopesB.right)) {
    return `right slope ${formatEnd(slopesA.right)}, expected ${formatEnd(slopesB.right)}`;
  }

  // A line on ℝ keeps one arbitrary point after simplify, so compare it at the same x.
  if (isLine(a) && isLine(b)) {
    const x = b.point(0).x;
    const y = a.valueAt(x);
    const expectedY = b.point(0).y;
    if (y.equals(expectedY)) return null;
    return `value ${formatRational(y)} at ${formatRational(x)}, expected ${formatRational(expectedY)}`;
  }

  const count = Math.min(a.size, b.size);
  for (let i = 0; i < count; i++) {
    const p = a.point(i);
    const q = b.point(i);
    if (!p.x.equals(q.x) || !p.y.equals(q.y)) {
      const formatPoint = (x: Rational, y: Rational) =>
        `(${formatRational(x)}, ${formatRational(y)})`;
      return `breakpoint ${i} is ${formatPoint(p.x, p.y)}, expected ${formatPoint(q.x, q.y)}`;
    }
  }
  if (a.size !== b.size) return `${a.size} breakpoints, expected ${b.size}`;
  return null;
}

/** Tells whether a simplified function is one line on all of ℝ. */
function isLine(p: Piecewise): boolean {
  const { left, right } = p.slopes();
  return p.size === 1 && left !== null && right !== null && left.equals(right);
}

function sameOrBothNull(a: Rational | null, b: Rational | null): boolean {
  if (a === null || b === null) return a === b;
  return a.equals(b);
}
