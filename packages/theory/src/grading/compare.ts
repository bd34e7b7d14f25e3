import * as arithmetics from "../analysis/arithmetic";
import { exact, Inexact, type Arithmetic } from "../analysis/arithmetic";
import { Piecewise } from "../analysis/piecewise";
import type { Rational } from "../rational";

// A local binding: some module loaders turn imports into getters, which the JIT cannot inline.
const exactSub = arithmetics.exactSub;

/**
 * A maximal interval where two functions differ; a null end is unbounded. A finite end belongs
 * to the interval exactly when the functions differ there. A run of differing segments ends
 * where the gap is zero, so only an end of a bounded domain can be closed.
 */
export interface Interval {
  lo: Rational | null;
  hi: Rational | null;
  /** Whether the interval contains `lo`: false when `lo` is null or the functions agree there. */
  loClosed: boolean;
  /** Whether the interval contains `hi`: false when `hi` is null or the functions agree there. */
  hiClosed: boolean;
}

/** The exact difference between two continuous piecewise-linear functions on one domain. */
export interface Difference {
  equal: boolean;
  /** The leftmost breakpoint where they differ, with both values; null when equal. */
  counterexample: { x: Rational; expected: Rational; actual: Rational } | null;
  /** The largest |expected − actual| on the domain, or "unbounded" when the end slopes differ. */
  supNorm: Rational | "unbounded";
  /** Where that largest difference is reached (null when unbounded or equal everywhere). */
  supAt: Rational | null;
  /** The first `MAX_LISTED_INTERVALS` intervals where the functions differ, left to right. */
  intervals: Interval[];
  /** How many such intervals there are in all. */
  intervalCount: number;
}

/** How many difference intervals a comparison lists; the count covers them all. */
export const MAX_LISTED_INTERVALS = 50;

/**
 * Compares two functions on the same domain. Two continuous piecewise-linear functions agree
 * on an interval exactly when they agree at its ends, at every breakpoint of either, and on
 * unbounded ends also in slope; their largest difference is reached at one of those points.
 */
export function compareFunctions(expected: Piecewise, actual: Piecewise): Difference {
  if (expected.arithmetic.kind === "dyadic" && actual.arithmetic.kind === "dyadic") {
    try {
      return comparePiecewise(expected.arithmetic, expected, actual as typeof expected);
    } catch (error) {
      if (!(error instanceof Inexact)) throw error;
    }
  }
  return comparePiecewise(exact, expected.toExact(), actual.toExact());
}

/** Values of both functions on the union of their breakpoints. */
interface Merged<T> {
  xs: ArrayLike<T>;
  expected: ArrayLike<T>;
  actual: ArrayLike<T>;
}

function comparePiecewise<T>(
  arithmetic: Arithmetic<T>,
  expected: Piecewise<T>,
  actual: Piecewise<T>,
): Difference {
  const { sub, sign, toRational } = arithmetic;
  const merged = mergeGrids(arithmetic, expected, actual);
  const { xs } = merged;
  const last = xs.length - 1;
  const { gaps, signs, supIndex } = gapsOf(arithmetic, merged);

  const slopeGap = (a: T | null, b: T | null) => (a === null || b === null ? null : sub(a, b));
  const leftGap = slopeGap(expected.leftSlope, actual.leftSlope);
  const rightGap = slopeGap(expected.rightSlope, actual.rightSlope);
  const leftDiffers = leftGap !== null && (sign(leftGap) !== 0 || signs[0] !== 0);
  const rightDiffers = rightGap !== null && (sign(rightGap) !== 0 || signs[last] !== 0);

  // Maximal runs of segments on which the gap is not identically zero.
  const intervals: Interval[] = [];
  let intervalCount = 0;
  let openAt: number | "ray" | null = leftDiffers ? "ray" : null;
  const close = (end: number | null) => {
    intervalCount += 1;
    if (intervals.length >= MAX_LISTED_INTERVALS) return;
    const start = openAt === "ray" ? null : (openAt as number);
    intervals.push({
      lo: start === null ? null : toRational(xs[start]!),
      hi: end === null ? null : toRational(xs[end]!),
      loClosed: start !== null && signs[start] !== 0,
      hiClosed: end !== null && signs[end] !== 0,
    });
  };
  for (let i = 0; i < last; i++) {
    const differs = signs[i] !== 0 || signs[i + 1] !== 0;
    if (differs && openAt === null) openAt = i;
    if (!differs && openAt !== null) {
      close(i);
      openAt = null;
    }
  }
  if (rightDiffers) {
    if (openAt === null) openAt = last;
    close(null);
  } else if (openAt !== null) {
    close(last);
  } else if (last === 0 && signs[0] !== 0) {
    // A domain of one point has no segment, so the point itself is the difference.
    openAt = 0;
    close(0);
  }

  const unbounded =
    (leftGap !== null && sign(leftGap) !== 0) || (rightGap !== null && sign(rightGap) !== 0);
  const equal = intervalCount === 0;
  const supGap = supIndex < 0 ? arithmetic.zero : gaps[supIndex]!;
  return {
    equal,
    counterexample: equal
      ? null
      : counterexample(arithmetic, merged, signs, leftDiffers, expected, actual),
    supNorm: unbounded ? "unbounded" : toRational(supGap).abs(),
    supAt: unbounded || supIndex < 0 ? null : toRational(xs[supIndex]!),
    intervals,
    intervalCount,
  };
}

/** Returns expected − actual at every merged breakpoint, its signs and where |gap| is largest. */
function gapsOf<T>(
  arithmetic: Arithmetic<T>,
  merged: Merged<T>,
): { gaps: ArrayLike<T>; signs: Int8Array; supIndex: number } {
  const size = merged.xs.length;
  const signs = new Int8Array(size);
  let supIndex = -1;
  if (arithmetic.kind === "dyadic") {
    const expected = merged.expected as ArrayLike<number>;
    const actual = merged.actual as ArrayLike<number>;
    const gaps = new Float64Array(size);
    let largest = 0;
    for (let i = 0; i < size; i++) {
      const gap = exactSub(expected[i]!, actual[i]!);
      gaps[i] = gap;
      signs[i] = gap < 0 ? -1 : gap > 0 ? 1 : 0;
      if (Math.abs(gap) > largest) {
        largest = Math.abs(gap);
        supIndex = i;
      }
    }
    return { gaps: gaps as unknown as ArrayLike<T>, signs, supIndex };
  }
  const { sub, sign, compare, neg } = arithmetic;
  const gaps = new Array<T>(size);
  let largest = arithmetic.zero;
  for (let i = 0; i < size; i++) {
    const gap = sub(merged.expected[i]!, merged.actual[i]!);
    gaps[i] = gap;
    signs[i] = sign(gap);
    const size = signs[i]! < 0 ? neg(gap) : gap;
    if (compare(size, largest) > 0) {
      largest = size;
      supIndex = i;
    }
  }
  return { gaps, signs, supIndex };
}

/**
 * Picks the leftmost point where the functions differ. That is a point on the left ray when
 * they differ there but agree at the first breakpoint; otherwise the leftmost breakpoint where
 * the values differ; and when the values agree at every breakpoint, a point on the right ray.
 * Points on a ray are the nearest integers beyond its end, which are easy to check by hand.
 */
function counterexample<T>(
  arithmetic: Arithmetic<T>,
  merged: Merged<T>,
  signs: Int8Array,
  leftDiffers: boolean,
  expected: Piecewise<T>,
  actual: Piecewise<T>,
): Difference["counterexample"] {
  const { toRational } = arithmetic;
  const index = signs.findIndex((sign) => sign !== 0);
  let x: Rational;
  if (leftDiffers && index !== 0) {
    const end = toRational(merged.xs[0]!);
    const floor = end.floor();
    x = floor.compare(end) < 0 ? floor : end.sub(1);
  } else if (index >= 0) {
    x = toRational(merged.xs[index]!);
  } else {
    const end = toRational(merged.xs[merged.xs.length - 1]!);
    const ceil = end.ceil();
    x = ceil.compare(end) > 0 ? ceil : end.add(1);
  }
  return { x, expected: expected.valueAt(x), actual: actual.valueAt(x) };
}

/** Evaluates both functions on the sorted union of their breakpoints. */
function mergeGrids<T>(
  arithmetic: Arithmetic<T>,
  expected: Piecewise<T>,
  actual: Piecewise<T>,
): Merged<T> {
  const { compare } = arithmetic;
  const a = expected.xs;
  const b = actual.xs;
  if (sameGrid(arithmetic, a, b)) return { xs: a, expected: expected.ys, actual: actual.ys };
  const xs: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && compare(a[i]!, b[j]!) < 0)) xs.push(a[i++]!);
    else if (i >= a.length || compare(b[j]!, a[i]!) < 0) xs.push(b[j++]!);
    else {
      xs.push(a[i++]!);
      j += 1;
    }
  }
  return {
    xs,
    expected: sampleAt(arithmetic, expected, xs),
    actual: sampleAt(arithmetic, actual, xs),
  };
}

function sameGrid<T>(arithmetic: Arithmetic<T>, a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  if (arithmetic.kind === "dyadic") {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  for (let i = 0; i < a.length; i++) if (!arithmetic.equals(a[i]!, b[i]!)) return false;
  return true;
}

/** Evaluates a function at sorted points that lie in its domain, in one sweep. */
function sampleAt<T>(arithmetic: Arithmetic<T>, f: Piecewise<T>, points: T[]): T[] {
  const { add, sub, mul, div, compare } = arithmetic;
  const { xs, ys } = f;
  const last = xs.length - 1;
  let segment = 0;
  return points.map((x) => {
    if (compare(x, xs[0]!) < 0) return add(ys[0]!, mul(f.leftSlope!, sub(x, xs[0]!)));
    if (compare(x, xs[last]!) > 0) return add(ys[last]!, mul(f.rightSlope!, sub(x, xs[last]!)));
    while (segment < last && compare(x, xs[segment + 1]!) >= 0) segment += 1;
    if (segment === last || compare(x, xs[segment]!) === 0) return ys[segment]!;
    const ratio = div(sub(x, xs[segment]!), sub(xs[segment + 1]!, xs[segment]!));
    return add(ys[segment]!, mul(ratio, sub(ys[segment + 1]!, ys[segment]!)));
  });
}

/** Restricts a function to a closed sub-domain, adding the new ends as breakpoints. */
export function restrict(f: Piecewise, lo: Rational | null, hi: Rational | null): Piecewise {
  const g = f.toExact();
  const inside = (x: Rational) =>
    (lo === null || x.compare(lo) > 0) && (hi === null || x.compare(hi) < 0);
  const xs: Rational[] = [];
  if (lo !== null) xs.push(lo);
  for (let i = 0; i < g.xs.length; i++) if (inside(g.xs[i]!)) xs.push(g.xs[i]!);
  if (hi !== null && (lo === null || !hi.equals(lo))) xs.push(hi);
  if (xs.length === 0) xs.push(g.xs[0]!);
  const ys = xs.map((x) => g.valueAt(x));
  return new Piecewise(
    exact,
    xs,
    ys,
    lo === null ? g.leftSlope : null,
    hi === null ? g.rightSlope : null,
  ) as Piecewise;
}
