import * as checked from "./arithmetic";

/**
 * The hot loops of the analysis specialised to checked doubles on Float64Arrays. They do the
 * same work as the generic loops in analyze.ts, which carry rationals; the specialisation is
 * what lets f^20 (a million pieces) finish in a fraction of a second (see docs/benchmarks.md).
 */

// Local bindings: some module loaders turn imports into getters, which the JIT cannot inline.
const exactAdd = checked.exactAdd;
const exactSub = checked.exactSub;
const exactMul = checked.exactMul;
const exactDiv = checked.exactDiv;
const exactScale = checked.exactScale;
const isPowerOfTwo = checked.isPowerOfTwo;

/** Returns Σ_j w_j·inputs_j + bias at every breakpoint. */
export function combineDyadic(
  inputs: ArrayLike<number>[],
  row: number[],
  bias: number,
  size: number,
): Float64Array {
  const out = new Float64Array(size).fill(bias);
  row.forEach((weight, column) => {
    if (weight === 0) return;
    const source = inputs[column]!;
    if (weight === 1) {
      for (let t = 0; t < size; t++) out[t] = exactAdd(out[t]!, source[t]!);
    } else if (isPowerOfTwo(weight)) {
      for (let t = 0; t < size; t++) out[t] = exactAdd(out[t]!, exactScale(weight, source[t]!));
    } else {
      for (let t = 0; t < size; t++) out[t] = exactAdd(out[t]!, exactMul(weight, source[t]!));
    }
  });
  return out;
}

/** An activation in doubles: kinks in increasing order and each region's slope and offset. */
export interface DyadicShape {
  kinks: number[];
  slopes: number[];
  offsets: number[];
  relu: boolean;
}

function activate(shape: DyadicShape, value: number): number {
  if (shape.relu) return value < 0 ? 0 : value;
  const kinks = shape.kinks;
  let region = 0;
  while (region < kinks.length && value > kinks[region]!) region += 1;
  return exactAdd(exactMul(shape.slopes[region]!, value), shape.offsets[region]!);
}

/** Counts the kinks strictly between a and b. */
function kinksBetween(kinks: number[], a: number, b: number): number {
  const low = a < b ? a : b;
  const high = a < b ? b : a;
  let count = 0;
  for (let i = 0; i < kinks.length; i++) if (low < kinks[i]! && kinks[i]! < high) count++;
  return count;
}

/**
 * Inserts a breakpoint wherever a neuron crosses a kink between two breakpoints and applies
 * the activation at every breakpoint. Returns null when the grid would exceed `limit`.
 */
export function activateInteriorDyadic(
  xs: ArrayLike<number>,
  values: ArrayLike<number>[],
  shape: DyadicShape,
  limit: number,
): { xs: Float64Array; values: Float64Array[] } | null {
  if (shape.relu) return reluInteriorDyadic(xs as Float64Array, values as Float64Array[], limit);
  const size = xs.length;
  const width = values.length;
  const kinks = shape.kinks;

  // First pass: an upper bound on the new grid's size, so the arrays are allocated once.
  let capacity = size;
  for (let k = 0; k < width; k++) {
    const v = values[k]!;
    for (let t = 0; t + 1 < size; t++) {
      const a = v[t]!;
      const b = v[t + 1]!;
      if (a !== b) capacity += kinksBetween(kinks, a, b);
    }
  }
  if (capacity > limit) return null;

  const outXs = new Float64Array(capacity);
  const outValues = values.map(() => new Float64Array(capacity));
  const ratios = new Float64Array(width * kinks.length + 1);
  let n = 0;
  for (let t = 0; t < size; t++) {
    outXs[n] = xs[t]!;
    for (let k = 0; k < width; k++) outValues[k]![n] = activate(shape, values[k]![t]!);
    n += 1;
    if (t + 1 === size) break;

    let found = 0;
    for (let k = 0; k < width; k++) {
      const v = values[k]!;
      const a = v[t]!;
      const b = v[t + 1]!;
      if (a === b) continue;
      const low = a < b ? a : b;
      const high = a < b ? b : a;
      for (let i = 0; i < kinks.length; i++) {
        const kink = kinks[i]!;
        if (!(low < kink && kink < high)) continue;
        const ratio = exactDiv(exactSub(kink, a), exactSub(b, a));
        // Insertion into the sorted list, skipping a ratio another neuron already gave.
        let at = found;
        while (at > 0 && ratios[at - 1]! > ratio) at--;
        if (at > 0 && ratios[at - 1] === ratio) continue;
        for (let j = found; j > at; j--) ratios[j] = ratios[j - 1]!;
        ratios[at] = ratio;
        found += 1;
      }
    }
    if (found === 0) continue;

    const x0 = xs[t]!;
    const step = exactSub(xs[t + 1]!, x0);
    for (let i = 0; i < found; i++) {
      const ratio = ratios[i]!;
      outXs[n] = exactAdd(x0, exactMul(ratio, step));
      for (let k = 0; k < width; k++) {
        const a = values[k]![t]!;
        const value = exactAdd(a, exactMul(ratio, exactSub(values[k]![t + 1]!, a)));
        outValues[k]![n] = activate(shape, value);
      }
      n += 1;
    }
  }
  return { xs: outXs.subarray(0, n), values: outValues.map((v) => v.subarray(0, n)) };
}

/**
 * The ReLU case of `activateInteriorDyadic`, the one every lecture network takes. With the
 * single kink at 0 known, the crossing ratio is −a/(b − a) and the activation is a comparison.
 */
function reluInteriorDyadic(
  xs: Float64Array,
  values: Float64Array[],
  limit: number,
): { xs: Float64Array; values: Float64Array[] } | null {
  const size = xs.length;
  const width = values.length;

  let capacity = size;
  for (let k = 0; k < width; k++) {
    const v = values[k]!;
    for (let t = 0; t + 1 < size; t++) {
      const a = v[t]!;
      const b = v[t + 1]!;
      if ((a < 0 && b > 0) || (a > 0 && b < 0)) capacity++;
    }
  }
  if (capacity > limit) return null;
  if (capacity === size) return reluInPlace(xs, values);

  const outXs = new Float64Array(capacity);
  const outValues = values.map(() => new Float64Array(capacity));
  const ratios = new Float64Array(width + 1);
  let n = 0;
  for (let t = 0; t < size; t++) {
    outXs[n] = xs[t]!;
    for (let k = 0; k < width; k++) {
      const value = values[k]![t]!;
      outValues[k]![n] = value < 0 ? 0 : value;
    }
    n += 1;
    if (t + 1 === size) break;

    let found = 0;
    for (let k = 0; k < width; k++) {
      const v = values[k]!;
      const a = v[t]!;
      const b = v[t + 1]!;
      if (!((a < 0 && b > 0) || (a > 0 && b < 0))) continue;
      const ratio = exactDiv(-a, exactSub(b, a));
      let at = found;
      while (at > 0 && ratios[at - 1]! > ratio) at--;
      if (at > 0 && ratios[at - 1] === ratio) continue;
      for (let j = found; j > at; j--) ratios[j] = ratios[j - 1]!;
      ratios[at] = ratio;
      found += 1;
    }
    if (found === 0) continue;

    const x0 = xs[t]!;
    const step = exactSub(xs[t + 1]!, x0);
    for (let i = 0; i < found; i++) {
      const ratio = ratios[i]!;
      outXs[n] = exactAdd(x0, exactMul(ratio, step));
      for (let k = 0; k < width; k++) {
        const v = values[k]!;
        const a = v[t]!;
        const value = exactAdd(a, exactMul(ratio, exactSub(v[t + 1]!, a)));
        outValues[k]![n] = value < 0 ? 0 : value;
      }
      n += 1;
    }
  }
  return { xs: outXs.subarray(0, n), values: outValues.map((v) => v.subarray(0, n)) };
}

/** Applies ReLU where no neuron crosses 0 between breakpoints, reusing arrays that stay as they are. */
function reluInPlace(
  xs: Float64Array,
  values: Float64Array[],
): { xs: Float64Array; values: Float64Array[] } {
  const out = values.map((v) => {
    let negative = false;
    for (let t = 0; t < v.length; t++) if (v[t]! < 0) negative = true;
    return negative ? v.map((value) => (value < 0 ? 0 : value)) : v;
  });
  return { xs, values: out };
}

/**
 * Marks the breakpoints of a closed-domain function on Float64Arrays where the slope changes,
 * the ends included: the dyadic form of `isKink` in piecewise.ts.
 */
export function kinkFlagsDyadic(xs: ArrayLike<number>, ys: ArrayLike<number>): Uint8Array {
  const size = xs.length;
  const flags = new Uint8Array(size);
  flags[0] = 1;
  flags[size - 1] = 1;
  for (let i = 1; i + 1 < size; i++) {
    const leftRise = exactSub(ys[i]!, ys[i - 1]!);
    const rightStep = exactSub(xs[i + 1]!, xs[i]!);
    const rightRise = exactSub(ys[i + 1]!, ys[i]!);
    const leftStep = exactSub(xs[i]!, xs[i - 1]!);
    // The slopes differ when leftRise·rightStep ≠ rightRise·leftStep. Each rounded product is
    // within 2^-53 of its exact value, so rounded products further apart than 2^-50 of their
    // size settle it; only nearly equal ones need the exact products.
    const p = leftRise * rightStep;
    const q = rightRise * leftStep;
    const scale = Math.abs(p) + Math.abs(q);
    if (Math.abs(p - q) > scale * 2 ** -50 && scale > 2 ** -900) flags[i] = 1;
    else if (exactMul(leftRise, rightStep) !== exactMul(rightRise, leftStep)) flags[i] = 1;
  }
  return flags;
}
