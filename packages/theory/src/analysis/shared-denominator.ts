import Fraction from "fraction.js";

import { exact } from "./arithmetic";
import { Piecewise } from "./piecewise";
import type { Rational } from "../rational";

/**
 * The hot loops of the exact analysis for networks whose breakpoints are not dyadic, such as
 * integer weights, which put breakpoints at −b/w. All quantities at one breakpoint, x and every
 * neuron's value, are bigint numerators over one positive bigint denominator of that breakpoint.
 * The affine step is then integer arithmetic with no gcd per operation. A breakpoint is reduced
 * by its gcd when a kink crossing creates it, and otherwise only past `REDUCE_LIMIT`.
 *
 * The fraction.js loops in analyze.ts, which normalise by a gcd after every operation, remain
 * as the reference that tests compare against (`analyzeExactly(…, "fraction")`). The end rays,
 * a few crossings per layer, still take the generic code in fraction.js.
 *
 * Grading the random depth-8, width-32 network with integer weights in bench/run.ts
 * (`BENCH_REPEATS=3 npx tsx bench/run.ts`, 2 × AMD EPYC shared with other jobs, Node.js 20)
 * took a median of 611 ms before this file and 64 ms after, over three and four runs.
 * About half of the gain comes from `sharedFunctions`, which finds each hidden neuron's kinks
 * in integers where plotting would otherwise simplify it in fraction.js.
 */

/**
 * Breakpoints whose denominator passes this bound are reduced by their gcd. Crossings are
 * reduced when they are made, so only breakpoints carried over from earlier layers grow, by the
 * lcm of each layer's weight denominators. With rational weights the reduced denominators grow
 * about as fast, so reducing early buys nothing. On random networks with weights in sixths and
 * leaky ReLU 1/3 (depth 20 × width 12, 30 × 6 and 80 × 6), bounds of 2^32 to 2^512 were up to
 * 9 times slower than never reducing, and 2^1024 was as fast within the noise.
 */
const REDUCE_LIMIT = 1n << 1024n;

/** Breakpoints of a layer and each neuron's value there, as numerators over a shared denominator. */
export class SharedGrid {
  constructor(
    /** Positive denominator d_t of breakpoint t. */
    readonly den: bigint[],
    /** Numerator of x_t over d_t. */
    readonly xs: bigint[],
    /** Numerator of neuron k's value at breakpoint t over d_t, as values[k][t]. */
    readonly values: bigint[][],
  ) {}

  get size(): number {
    return this.den.length;
  }

  /** Builds a grid from breakpoints given as rationals, all with the same number of neurons. */
  static fromPoints(points: { x: Rational; values: Rational[] }[], width: number): SharedGrid {
    const grid = new SharedGrid(
      [],
      [],
      Array.from({ length: width }, () => []),
    );
    for (const point of points) {
      let d = point.x.d;
      for (const v of point.values) d = lcm(d, v.d);
      grid.den.push(d);
      grid.xs.push(numeratorOver(point.x, d));
      point.values.forEach((v, k) => grid.values[k]!.push(numeratorOver(v, d)));
    }
    return grid;
  }

  /** Returns breakpoint t and every neuron's value there as rationals. */
  point(t: number): { x: Rational; values: Rational[] } {
    const d = this.den[t]!;
    return {
      x: new Fraction(this.xs[t]!, d),
      values: this.values.map((v) => new Fraction(v[t]!, d)),
    };
  }
}

/** Places ray points before and after a grid's breakpoints. */
export function joinShared(
  before: { x: Rational; values: Rational[] }[],
  middle: SharedGrid,
  after: { x: Rational; values: Rational[] }[],
): SharedGrid {
  const width = middle.values.length;
  const head = SharedGrid.fromPoints(before, width);
  const tail = SharedGrid.fromPoints(after, width);
  return new SharedGrid(
    [...head.den, ...middle.den, ...tail.den],
    [...head.xs, ...middle.xs, ...tail.xs],
    middle.values.map((v, k) => [...head.values[k]!, ...v, ...tail.values[k]!]),
  );
}

/**
 * Applies an affine layer. With L the lcm of the denominators of its weights and biases, neuron
 * i's new numerator is Σ_j (w_ij·L)·N_j + (b_i·L)·d_t over the denominator d_t·L.
 */
export function affineShared(
  grid: SharedGrid,
  weights: Rational[][],
  biases: Rational[],
): SharedGrid {
  let scale = 1n;
  for (const row of weights) for (const w of row) scale = lcm(scale, w.d);
  for (const b of biases) scale = lcm(scale, b.d);

  const values = weights.map((row, i) =>
    combineRow(
      grid,
      row.map((w) => numeratorOver(w, scale)),
      numeratorOver(biases[i]!, scale),
    ),
  );
  if (scale === 1n) return new SharedGrid(grid.den, grid.xs, values);

  const scaled = new SharedGrid(
    grid.den.map((d) => d * scale),
    grid.xs.map((x) => x * scale),
    values,
  );
  for (let t = 0; t < scaled.size; t++) reduceIfLarge(scaled, t);
  return scaled;
}

/** Returns Σ_j row_j·N_j + bias·d_t at every breakpoint t, in integers. */
function combineRow(grid: SharedGrid, row: bigint[], bias: bigint): bigint[] {
  const { den, values } = grid;
  const size = den.length;
  const out = new Array<bigint>(size);
  if (bias === 0n) out.fill(0n);
  else for (let t = 0; t < size; t++) out[t] = bias * den[t]!;
  for (let j = 0; j < row.length; j++) {
    const w = row[j]!;
    if (w === 0n) continue;
    const source = values[j]!;
    if (w === 1n) for (let t = 0; t < size; t++) out[t] = out[t]! + source[t]!;
    else if (w === -1n) for (let t = 0; t < size; t++) out[t] = out[t]! - source[t]!;
    else for (let t = 0; t < size; t++) out[t] = out[t]! + w * source[t]!;
  }
  return out;
}

/**
 * An activation in integers. A value N/d lies above kink i when N·kinkScale > kinks[i]·d, and
 * in region r it maps to (slopes[r]·N + offsets[r]·d) / (d·scale).
 */
export interface SharedActivation {
  kinks: bigint[];
  kinkScale: bigint;
  slopes: bigint[];
  offsets: bigint[];
  scale: bigint;
  relu: boolean;
}

/** Converts an activation's kinks and regions, given as rationals, to integer form. */
export function sharedActivation(shape: {
  kinks: Rational[];
  slopes: Rational[];
  offsets: Rational[];
  relu: boolean;
}): SharedActivation {
  const kinkScale = shape.kinks.reduce((l, k) => lcm(l, k.d), 1n);
  const scale = [...shape.slopes, ...shape.offsets].reduce((l, v) => lcm(l, v.d), 1n);
  return {
    kinks: shape.kinks.map((k) => numeratorOver(k, kinkScale)),
    kinkScale,
    slopes: shape.slopes.map((s) => numeratorOver(s, scale)),
    offsets: shape.offsets.map((o) => numeratorOver(o, scale)),
    scale,
    relu: shape.relu,
  };
}

/** Output arrays of `activateInteriorShared`, filled one breakpoint at a time. */
class GridBuilder {
  readonly grid: SharedGrid;
  private readonly point: bigint[];

  constructor(
    private readonly activation: SharedActivation,
    width: number,
  ) {
    this.grid = new SharedGrid(
      [],
      [],
      Array.from({ length: width }, () => []),
    );
    this.point = new Array<bigint>(width);
  }

  /** Appends a breakpoint with the neuron numerators `point`, after applying the activation. */
  push(d: bigint, x: bigint, point: ArrayLike<bigint>): void {
    const { kinks, kinkScale, slopes, offsets, scale, relu } = this.activation;
    const { den, xs, values } = this.grid;
    const t = den.length;
    den.push(d * scale);
    xs.push(x * scale);
    for (let k = 0; k < values.length; k++) {
      const n = point[k]!;
      if (relu) {
        values[k]!.push(n < 0n ? 0n : n);
        continue;
      }
      const scaled = kinkScale === 1n ? n : n * kinkScale;
      let region = 0;
      while (region < kinks.length && scaled > kinks[region]! * d) region += 1;
      const offset = offsets[region]!;
      const value = slopes[region]! * n;
      values[k]!.push(offset === 0n ? value : value + offset * d);
    }
    if (scale !== 1n) reduceIfLarge(this.grid, t);
  }

  /** Appends breakpoint t of `source`. */
  pushFrom(source: SharedGrid, t: number): void {
    const point = this.point;
    for (let k = 0; k < point.length; k++) point[k] = source.values[k]![t]!;
    this.push(source.den[t]!, source.xs[t]!, point);
  }
}

/** A kink crossing at ratio p/q of the way from one breakpoint to the next, 0 < p < q. */
interface Crossing {
  p: bigint;
  q: bigint;
}

/**
 * Inserts a breakpoint wherever a neuron crosses a kink between two breakpoints and applies
 * the activation at every breakpoint: the shared-denominator form of `activateInteriorGeneric`
 * in analyze.ts. Returns null when the grid would hold more than `limit` breakpoints.
 */
export function activateInteriorShared(
  grid: SharedGrid,
  activation: SharedActivation,
  limit: number,
): SharedGrid | null {
  const { den, xs, values } = grid;
  const size = den.length;
  const width = values.length;
  const out = new GridBuilder(activation, width);
  const crossings: Crossing[] = [];
  const point = new Array<bigint>(width);
  for (let t = 0; t < size; t++) {
    if (out.grid.size >= limit) return null;
    out.pushFrom(grid, t);
    if (t + 1 === size) break;

    findCrossings(grid, t, activation, crossings);
    if (crossings.length === 0) continue;
    if (out.grid.size + crossings.length > limit) return null;
    const d0 = den[t]!;
    const d1 = den[t + 1]!;
    for (const { p, q } of crossings) {
      // U = U_t/d0 + (p/q)·(U_{t+1}/d1 − U_t/d0) = (c0·U_t + c1·U_{t+1}) / (q·d0·d1).
      let c0 = (q - p) * d1;
      let c1 = p * d0;
      let d = q * d0 * d1;
      const common = gcd(gcd(c0, c1), d);
      if (common !== 1n) {
        c0 /= common;
        c1 /= common;
        d /= common;
      }
      let g = d;
      const x = c0 * xs[t]! + c1 * xs[t + 1]!;
      g = gcd(g, x);
      for (let k = 0; k < width; k++) {
        const v = values[k]!;
        const n = c0 * v[t]! + c1 * v[t + 1]!;
        point[k] = n;
        if (g !== 1n) g = gcd(g, n);
      }
      if (g === 1n) {
        out.push(d, x, point);
        continue;
      }
      for (let k = 0; k < width; k++) point[k] = point[k]! / g;
      out.push(d / g, x / g, point);
    }
  }
  return out.grid;
}

/**
 * Fills `found` with the distinct ratios at which some neuron crosses a kink between
 * breakpoints t and t + 1, in increasing order. For a kink κ = K/kinkScale, α = N_t·kinkScale −
 * K·d_t has the sign of value − κ at t, likewise β at t + 1, and the crossing ratio is
 * |α|·d_{t+1} / (|α|·d_{t+1} + |β|·d_t).
 */
function findCrossings(
  grid: SharedGrid,
  t: number,
  activation: SharedActivation,
  found: Crossing[],
): void {
  const { kinks, kinkScale } = activation;
  const d0 = grid.den[t]!;
  const d1 = grid.den[t + 1]!;
  found.length = 0;
  for (const v of grid.values) {
    const a = kinkScale === 1n ? v[t]! : v[t]! * kinkScale;
    const b = kinkScale === 1n ? v[t + 1]! : v[t + 1]! * kinkScale;
    for (const kink of kinks) {
      let alpha = kink === 0n ? a : a - kink * d0;
      let beta = kink === 0n ? b : b - kink * d1;
      if (alpha === 0n || beta === 0n || alpha < 0n === beta < 0n) continue;
      if (alpha < 0n) alpha = -alpha;
      else beta = -beta;
      const p = alpha * d1;
      insertCrossing(found, { p, q: p + beta * d0 });
    }
  }
}

/** Inserts a ratio into a sorted list unless an equal one is there. */
function insertCrossing(found: Crossing[], crossing: Crossing): void {
  let at = found.length;
  while (at > 0) {
    const before = found[at - 1]!;
    const left = before.p * crossing.q;
    const right = crossing.p * before.q;
    if (left === right) return;
    if (left < right) break;
    at -= 1;
  }
  found.splice(at, 0, crossing);
}

/**
 * Splits a grid into one function per neuron with exact rational storage, keeping only the
 * breakpoints where the neuron's slope changes, as `Piecewise.simplify` would. The kinks are
 * found in integers, which spares converting and comparing the many breakpoints where a
 * neuron stays linear because another neuron bends.
 */
export function sharedFunctions(
  grid: SharedGrid,
  left: Rational[] | null,
  right: Rational[] | null,
): Piecewise<Rational>[] {
  const { den, xs } = grid;
  const size = den.length;
  // rise(U)_t = U_{t+1}·d_t − U_t·d_{t+1} is (u_{t+1} − u_t)·d_t·d_{t+1}, so two pieces have
  // the same slope when their rises of y and x are in proportion.
  const rise = (u: bigint[], t: number) => u[t + 1]! * den[t]! - u[t]! * den[t + 1]!;
  const runs = Array.from({ length: size - 1 }, (_, t) => rise(xs, t));
  const pointXs = new Array<Rational | undefined>(size);
  const xAt = (t: number) => (pointXs[t] ??= new Fraction(xs[t]!, den[t]!));

  return grid.values.map((ys, k) => {
    const leftSlope = left === null ? null : left[k]!;
    const rightSlope = right === null ? null : right[k]!;
    const rises = Array.from({ length: size - 1 }, (_, t) => rise(ys, t));
    const kinks = kinkIndices(rises, runs, leftSlope, rightSlope);
    return new Piecewise(
      exact,
      kinks.map(xAt),
      kinks.map((t) => new Fraction(ys[t]!, den[t]!)),
      leftSlope,
      rightSlope,
      true,
    );
  });
}

/**
 * Returns the breakpoints where a function's slope changes, from the rises of y and x between
 * neighbours, with the same rules at the ends as `Piecewise.simplify`.
 */
function kinkIndices(
  rises: bigint[],
  runs: bigint[],
  leftSlope: Rational | null,
  rightSlope: Rational | null,
): number[] {
  const size = rises.length + 1;
  const endBends = (slope: Rational | null, t: number) =>
    slope === null || rises[t]! * slope.d !== slope.s * slope.n * runs[t]!;
  const kinks: number[] = [];
  if (size === 1) {
    if (leftSlope === null || rightSlope === null || !leftSlope.equals(rightSlope)) kinks.push(0);
  } else if (endBends(leftSlope, 0)) {
    kinks.push(0);
  }
  for (let t = 1; t + 1 < size; t++) {
    const before = rises[t - 1]!;
    const after = rises[t]!;
    if (before === 0n && after === 0n) continue;
    if (before * runs[t]! !== after * runs[t - 1]!) kinks.push(t);
  }
  if (size > 1 && endBends(rightSlope, size - 2)) kinks.push(size - 1);
  // An unbounded line keeps one point to carry its value.
  if (kinks.length === 0) kinks.push(0);
  return kinks;
}

/** Divides breakpoint t's denominator and numerators by their gcd once the denominator is large. */
function reduceIfLarge(grid: SharedGrid, t: number): void {
  const { den, xs, values } = grid;
  const d = den[t]!;
  if (d < REDUCE_LIMIT) return;
  let g = gcd(d, xs[t]!);
  for (let k = 0; k < values.length && g !== 1n; k++) g = gcd(g, values[k]![t]!);
  if (g === 1n) return;
  den[t] = d / g;
  xs[t] = xs[t]! / g;
  for (const v of values) v[t] = v[t]! / g;
}

/** Returns the numerator of a rational written over `scale`, a multiple of its denominator. */
function numeratorOver(value: Rational, scale: bigint): bigint {
  const n = value.s * value.n;
  return scale === value.d ? n : n * (scale / value.d);
}

/** Returns the greatest common divisor of |a| and |b| (Euclid's algorithm). */
function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

function lcm(a: bigint, b: bigint): bigint {
  if (a === b || b === 1n) return a;
  if (a === 1n) return b;
  return (a / gcd(a, b)) * b;
}
