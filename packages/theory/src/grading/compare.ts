import * as arithmetics from "../analysis/arithmetic";
import { exact, Inexact, type Arithmetic } from "../analysis/arithmetic";
import { Piecewise } from "../analysis/piecewise";
import type { Rational } from "../rational";

// A local binding: some module loaders turn imports into getters, which the JIT cannot inline.
const exactSub = arithmetics.exactSub;

/**
 * A maximal interval where two functions differ; a null end is unbounded. A finite end belongs
 * to the interval exactly when the functions differ there. An interval ends at every point where
 * the functions agree, so only an end of a bounded domain can be closed.
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
  const { gaps, signs, supIndex } = gapsOf(arithmetic, merged);

  const slopeGap = (a: T | null, b: T | null) => (a === null || b === null ? null : sub(a, b));
  const leftGap = slopeGap(expected.leftSlope, actual.leftSlope);
  const rightGap = slopeGap(expected.rightSlope, actual.rightSlope);
  const leftDiffers = leftGap !== null && (sign(leftGap) !== 0 || signs[0] !== 0);

  const intervals = differingIntervals(arithmetic, { xs, gaps, signs, leftGap, rightGap });
  const intervalCount = intervals.count;

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
    intervals: intervals.listed,
    intervalCount,
  };
}

/** The gap expected − actual at the merged breakpoints, and its slope on each end ray. */
interface Gap<T> {
  xs: ArrayLike<T>;
  gaps: ArrayLike<T>;
  signs: Int8Array;
  /** The slope of the gap on the left ray, or null when the domain is bounded on the left. */
  leftGap: T | null;
  /** The slope of the gap on the right ray, or null when the domain is bounded on the right. */
  rightGap: T | null;
}

/** The kind of point an interval ends at: a breakpoint, the zero inside a piece, or infinity. */
type EndKind = "breakpoint" | "root" | "infinity";

/**
 * Lists the intervals where the gap is nonzero, split at each of its zeros. Those zeros are the
 * breakpoints where the gap is 0, the pieces where it is identically 0, and the one root inside
 * each linear piece (segment or end ray) whose gap changes sign there. So an end inside the
 * domain is a zero of the gap and is open, and only an end of a bounded domain can be closed.
 */
function differingIntervals<T>(
  arithmetic: Arithmetic<T>,
  gap: Gap<T>,
): { listed: Interval[]; count: number } {
  const { sign, toRational } = arithmetic;
  const { xs, signs, leftGap, rightGap } = gap;
  const last = xs.length - 1;
  const listed: Interval[] = [];
  let count = 0;

  // Ends are converted to rationals only while the list has room, because a long list of
  // dyadic breakpoints would otherwise cost a conversion each.
  const endAt = (kind: EndKind, index: number): Rational | null => {
    if (kind === "infinity") return null;
    return kind === "breakpoint" ? toRational(xs[index]!) : rootIn(arithmetic, gap, index);
  };
  let open = false;
  let lo: Rational | null = null;
  let loClosed = false;
  const begin = (kind: EndKind, index: number, closed: boolean) => {
    if (open) return;
    open = true;
    if (listed.length >= MAX_LISTED_INTERVALS) return;
    lo = endAt(kind, index);
    loClosed = closed;
  };
  const end = (kind: EndKind, index: number, closed: boolean) => {
    if (!open) return;
    open = false;
    count += 1;
    if (listed.length >= MAX_LISTED_INTERVALS) return;
    listed.push({ lo, hi: endAt(kind, index), loClosed, hiClosed: closed });
  };
  const splitAtRoot = (piece: number) => {
    end("root", piece, false);
    begin("root", piece, false);
  };

  if (leftGap !== null) {
    const slope = sign(leftGap);
    if (slope !== 0 || signs[0] !== 0) begin("infinity", 0, false);
    // Going left from xs[0] the gap changes by −slope per unit, so it reaches 0 on the ray
    // exactly when its value at xs[0] has the sign of the slope.
    if (signs[0] !== 0 && signs[0] === slope) splitAtRoot(-1);
  }
  for (let i = 0; i <= last; i++) {
    // A nonzero breakpoint opens an interval only at the left end of a bounded domain, because
    // the gap is continuous and so also nonzero just left of any other one.
    if (signs[i] === 0) end("breakpoint", i, false);
    else begin("breakpoint", i, true);
    if (i === last) break;
    const next = signs[i + 1]!;
    if (signs[i] === 0 && next !== 0) begin("breakpoint", i, false);
    else if (signs[i]! * next < 0) splitAtRoot(i);
  }
  if (rightGap !== null) {
    const slope = sign(rightGap);
    if (signs[last] === 0 && slope !== 0) begin("breakpoint", last, false);
    else if (signs[last] !== 0 && signs[last] === -slope) splitAtRoot(last);
    end("infinity", 0, false);
  } else {
    // An interval still open here has a nonzero gap at the right end of the domain.
    end("breakpoint", last, true);
  }
  return { listed, count };
}

/**
 * Returns the zero of the gap inside a piece whose gap changes sign. Piece −1 is the left ray,
 * piece `last` the right ray, and piece i the segment [xs[i], xs[i + 1]]. The gap is linear on
 * the piece, so the zero is x − gap(x) / slope for any point x of it, and exact in rationals.
 */
function rootIn<T>(arithmetic: Arithmetic<T>, gap: Gap<T>, piece: number): Rational {
  const { toRational } = arithmetic;
  const { xs, gaps, leftGap, rightGap } = gap;
  const last = xs.length - 1;
  const anchor = Math.max(piece, 0);
  const x = toRational(xs[anchor]!);
  const value = toRational(gaps[anchor]!);
  let slope: Rational;
  if (piece < 0) slope = toRational(leftGap!);
  else if (piece === last) slope = toRational(rightGap!);
  else {
    const rise = toRational(gaps[piece + 1]!).sub(value);
    slope = rise.div(toRational(xs[piece + 1]!).sub(x));
  }
  return x.sub(value.div(slope));
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
