import { dyadic, exact, Inexact, type Arithmetic } from "./arithmetic";
import { activateInteriorDyadic, combineDyadic } from "./kernel";
import type { Domain } from "./domain";
import { Piecewise } from "./piecewise";
import {
  activateInteriorShared,
  affineShared,
  joinShared,
  SharedGrid,
  sharedActivation,
  sharedFunctions,
} from "./shared-denominator";
import { activationShape, type Activation, type ActivationShape } from "../network/activation";
import { inputCount, type Network } from "../network/network";
import type { Rational } from "../rational";

/** Limits on one analysis; past them it stops with `BudgetExceeded`, never with a verdict. */
export interface AnalysisBudget {
  /** Most breakpoints a layer's shared grid may have. */
  maxBreakpoints: number;
  /**
   * Most values one layer may carry: breakpoints times the layer's neurons, which bounds memory.
   * Default `DEFAULT_BUDGET.maxValues`.
   */
  maxValues?: number;
}

/**
 * The default budget: f^21 (2,097,152 pieces, two neurons a layer) fits and f^22 does not. The
 * value bound keeps one layer's doubles near 100 MB, so f^20 followed by a layer of 1,024 neurons
 * stops at that layer instead of filling gigabytes.
 */
const DEFAULT_VALUES = 12_000_000;
export const DEFAULT_BUDGET: AnalysisBudget = {
  maxBreakpoints: 2_200_000,
  maxValues: DEFAULT_VALUES,
};

export interface AnalysisOptions {
  budget?: AnalysisBudget;
  /**
   * Keep each hidden neuron's function after its activation, for plots and dead neurons, as
   * long as no hidden layer's grid has more than `neuronLimit` breakpoints (default 4097).
   */
  neurons?: boolean;
  neuronLimit?: number;
}

/** The exact function of a one-input network on a domain. */
export interface Analysis {
  /** One function per output neuron, with collinear breakpoints merged. */
  outputs: Piecewise[];
  /**
   * For each hidden layer, each neuron's function after the activation; null when not kept.
   * In rational arithmetic their collinear breakpoints are already merged.
   */
  neurons: Piecewise[][] | null;
  /** The arithmetic that carried the analysis: exact doubles or rationals. */
  arithmetic: "dyadic" | "rational";
}

/** Raised when an analysis would pass its budget. */
export class BudgetExceeded extends Error {
  constructor(
    readonly layer: number,
    readonly breakpoints: number,
    readonly limit: number,
    /** What passed the limit: a grid's breakpoints, or a layer's values (breakpoints × neurons). */
    readonly unit: "breakpoints" | "values" = "breakpoints",
  ) {
    super(`layer ${layer} needs more than ${limit} ${unit}`);
    this.name = "BudgetExceeded";
  }
}

/** The values of every neuron of one layer on a shared grid of breakpoints. */
interface LayerState<T> {
  /** A `SharedGrid` on the exact path unless the fraction.js loops were requested. */
  grid: Grid<T> | SharedGrid;
  /** Slope of each neuron left of the first breakpoint, or null on a closed left end. */
  left: T[] | null;
  right: T[] | null;
}

/** The loops of an exact analysis: shared denominators, or fraction.js at every step. */
export type ExactPath = "shared-denominator" | "fraction";

/**
 * Computes the exact continuous piecewise-linear function of a one-input network on a domain.
 * It first tries doubles checked to be exact at every step, and repeats the work in rationals
 * as soon as any value is not a double.
 */
export function analyzeNetwork(
  network: Network,
  domain: Domain,
  options: AnalysisOptions = {},
): Analysis {
  if (inputCount(network) !== 1) {
    throw new RangeError(`the analysis takes one input, the network has ${inputCount(network)}`);
  }
  try {
    return propagate(dyadic, network, domain, options, "fraction");
  } catch (error) {
    if (!(error instanceof Inexact)) throw error;
    return propagate(exact, network, domain, options, "shared-denominator");
  }
}

/**
 * Analyses a network in rationals only, skipping the dyadic path. Tests and benchmarks use it
 * to compare the shared-denominator loops with the fraction.js ones.
 */
export function analyzeExactly(
  network: Network,
  domain: Domain,
  path: ExactPath,
  options: AnalysisOptions = {},
): Analysis {
  return propagate(exact, network, domain, options, path);
}

function propagate<T>(
  arithmetic: Arithmetic<T>,
  network: Network,
  domain: Domain,
  options: AnalysisOptions,
  path: ExactPath,
): Analysis {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const neuronLimit = options.neuronLimit ?? 4097;
  let hidden = options.neurons ? ([] as Piecewise[][]) : null;
  let state = inputState(arithmetic, domain, path);
  const lastLayer = network.layers.length - 1;

  network.layers.forEach((layer, index) => {
    const weights = layer.weights.map((row) => row.map((w) => arithmetic.from(w)));
    const biases = layer.biases.map((b) => arithmetic.from(b));
    const activation = index === lastLayer ? network.outputActivation : network.activation;
    const values = gridSize(state.grid) * biases.length;
    const maxValues = budget.maxValues ?? DEFAULT_VALUES;
    if (values > maxValues) throw new BudgetExceeded(index + 1, values, maxValues, "values");
    state = applyAffine(arithmetic, state, weights, biases);
    state = applyActivation(arithmetic, state, activation, budget, index + 1);
    if (hidden && index < lastLayer) {
      const size = gridSize(state.grid);
      hidden = size > neuronLimit ? null : [...hidden, toFunctions(arithmetic, state)];
    }
  });

  return {
    outputs: toFunctions(arithmetic, state).map((f) => f.simplify()),
    neurons: hidden,
    arithmetic: arithmetic.kind,
  };
}

function inputState<T>(arithmetic: Arithmetic<T>, domain: Domain, path: ExactPath): LayerState<T> {
  const { lo, hi } = domain;
  const { from, zero, one } = arithmetic;
  let points: T[];
  if (lo !== null && hi !== null) points = lo.equals(hi) ? [from(lo)] : [from(lo), from(hi)];
  else if (lo !== null) points = [from(lo)];
  else if (hi !== null) points = [from(hi)];
  else points = [zero];
  const left = lo === null ? [one] : null;
  const right = hi === null ? [one] : null;
  if (arithmetic.kind === "rational" && path === "shared-denominator") {
    const exactPoints = (points as Rational[]).map((x) => ({ x, values: [x] }));
    return { grid: SharedGrid.fromPoints(exactPoints, 1), left, right };
  }
  const xs = storage(arithmetic, points);
  return { grid: { xs, values: [xs] }, left, right };
}

function gridSize<T>(grid: Grid<T> | SharedGrid): number {
  return grid instanceof SharedGrid ? grid.size : grid.xs.length;
}

function gridWidth<T>(grid: Grid<T> | SharedGrid): number {
  return grid.values.length;
}

/** Returns breakpoint t and every neuron's value there. */
function gridPoint<T>(grid: Grid<T> | SharedGrid, t: number): RayPoint<T> {
  if (grid instanceof SharedGrid) return grid.point(t) as RayPoint<T>;
  return { x: grid.xs[t]!, values: grid.values.map((v) => v[t]!) };
}

/**
 * Stores values as the arithmetic's loops expect them: the dyadic kernel reads Float64Arrays
 * only, because mixing them with plain arrays would make its element loads polymorphic.
 */
function storage<T>(arithmetic: Arithmetic<T>, values: T[]): ArrayLike<T> {
  if (arithmetic.kind !== "dyadic") return values;
  return Float64Array.from(values as number[]) as unknown as ArrayLike<T>;
}

function applyAffine<T>(
  arithmetic: Arithmetic<T>,
  state: LayerState<T>,
  weights: T[][],
  biases: T[],
): LayerState<T> {
  const { add, mul, sign, equals, one, zero } = arithmetic;
  const slopes = (rays: T[] | null) =>
    rays === null
      ? null
      : weights.map((row) => row.reduce((acc, w, j) => add(acc, mul(w, rays[j]!)), zero));
  if (state.grid instanceof SharedGrid) {
    return {
      grid: affineShared(state.grid, weights as Rational[][], biases as Rational[]),
      left: slopes(state.left),
      right: slopes(state.right),
    };
  }
  const { xs, values } = state.grid;
  const size = xs.length;
  const combineGeneric = (inputs: ArrayLike<T>[], row: T[], bias: T): T[] => {
    const out = new Array<T>(size).fill(bias);
    row.forEach((weight, column) => {
      if (sign(weight) === 0) return;
      const source = inputs[column]!;
      if (equals(weight, one)) for (let t = 0; t < size; t++) out[t] = add(out[t]!, source[t]!);
      else for (let t = 0; t < size; t++) out[t] = add(out[t]!, mul(weight, source[t]!));
    });
    return out;
  };
  const combine =
    arithmetic.kind === "dyadic"
      ? (inputs: ArrayLike<T>[], row: T[], bias: T) =>
          combineDyadic(
            inputs as ArrayLike<number>[],
            row as number[],
            bias as number,
            size,
          ) as unknown as ArrayLike<T>
      : combineGeneric;
  return {
    grid: { xs, values: weights.map((row, neuron) => combine(values, row, biases[neuron]!)) },
    left: slopes(state.left),
    right: slopes(state.right),
  };
}

/** Exact forms of an activation's kinks and regions in the analysis's arithmetic. */
interface Shape<T> {
  kinks: T[];
  slopes: T[];
  offsets: T[];
  /** True for ReLU, which takes a shorter path. */
  relu: boolean;
}

function shapeIn<T>(arithmetic: Arithmetic<T>, activation: Activation): Shape<T> {
  const shape: ActivationShape = activationShape(activation);
  return {
    kinks: shape.kinks.map((k) => arithmetic.from(k)),
    slopes: shape.regions.map((r) => arithmetic.from(r.slope)),
    offsets: shape.regions.map((r) => arithmetic.from(r.offset)),
    relu: activation.name === "relu",
  };
}

/** Applies the activation to one value. */
function activate<T>(arithmetic: Arithmetic<T>, shape: Shape<T>, value: T): T {
  if (shape.relu) return arithmetic.sign(value) < 0 ? arithmetic.zero : value;
  let region = 0;
  while (region < shape.kinks.length && arithmetic.compare(value, shape.kinks[region]!) > 0) {
    region += 1;
  }
  return arithmetic.add(arithmetic.mul(shape.slopes[region]!, value), shape.offsets[region]!);
}

/**
 * Returns a neuron's slope after the activation on an end ray that starts at `value` with
 * slope `slope`; `travel` is -1 for the left ray and 1 for the right one. Values rising away
 * from the grid sit in the activation's region above `value`, falling ones in the region below.
 */
function raySlope<T>(
  arithmetic: Arithmetic<T>,
  shape: Shape<T>,
  value: T,
  slope: T,
  travel: number,
): T {
  const direction = arithmetic.sign(slope) * travel;
  if (direction === 0) return slope;
  let region = 0;
  for (const kink of shape.kinks) {
    const side = arithmetic.compare(value, kink);
    if (side > 0 || (side === 0 && direction > 0)) region += 1;
  }
  return arithmetic.mul(shape.slopes[region]!, slope);
}

/** A grid with each neuron's values, after the activation. */
interface Grid<T> {
  xs: ArrayLike<T>;
  values: ArrayLike<T>[];
}

/**
 * Applies the activation to every neuron of a layer. Where a neuron's value crosses a kink
 * of the activation between two breakpoints or on an end ray, the crossing becomes a new
 * breakpoint of the shared grid, so each neuron stays linear between breakpoints.
 */
function applyActivation<T>(
  arithmetic: Arithmetic<T>,
  state: LayerState<T>,
  activation: Activation,
  budget: AnalysisBudget,
  layer: number,
): LayerState<T> {
  const shape = shapeIn(arithmetic, activation);
  if (shape.kinks.length === 0) return state;
  const { add, mul } = arithmetic;
  const last = gridSize(state.grid) - 1;
  const first = state.left === null ? null : gridPoint(state.grid, 0);
  const final = state.right === null ? null : gridPoint(state.grid, last);

  const leftOffsets = rayCrossings(arithmetic, shape, first?.values, state.left, -1);
  const rightOffsets = rayCrossings(arithmetic, shape, final?.values, state.right, 1);
  // A grid may grow only while every neuron's values stay within the value budget too.
  const width = Math.max(1, gridWidth(state.grid));
  const maxValues = budget.maxValues ?? DEFAULT_VALUES;
  const room =
    Math.min(budget.maxBreakpoints, Math.floor(maxValues / width)) -
    leftOffsets.length -
    rightOffsets.length;
  const interior = activateInterior(arithmetic, shape, state.grid, room);
  if (interior === null)
    throw new BudgetExceeded(layer, budget.maxBreakpoints + 1, budget.maxBreakpoints);

  // Points on the rays: the value there is the end value moved along the ray's slope.
  const rayPoint = (offset: T, end: RayPoint<T>, slopes: T[]) => ({
    x: add(end.x, offset),
    values: end.values.map((v, k) => activate(arithmetic, shape, add(v, mul(slopes[k]!, offset)))),
  });
  const before = leftOffsets.map((offset) => rayPoint(offset, first!, state.left!));
  const after = rightOffsets.map((offset) => rayPoint(offset, final!, state.right!));
  let grid = interior;
  if (before.length + after.length > 0) {
    grid =
      interior instanceof SharedGrid
        ? joinShared(before as RayPoint<Rational>[], interior, after as RayPoint<Rational>[])
        : joinGrid(arithmetic, before, interior, after);
  }

  // The rays beyond the outermost crossings sit in one region of the activation each.
  const outerValue = (value: T, slope: T, offsets: T[], travel: number) => {
    const outermost = travel < 0 ? offsets[0] : offsets[offsets.length - 1];
    return add(value, mul(slope, outermost ?? arithmetic.zero));
  };
  const rays = (end: RayPoint<T> | null, slopes: T[] | null, offsets: T[], travel: number) =>
    slopes === null
      ? null
      : slopes.map((slope, k) => {
          const value = outerValue(end!.values[k]!, slope, offsets, travel);
          return raySlope(arithmetic, shape, value, slope, travel);
        });
  return {
    grid,
    left: rays(first, state.left, leftOffsets, -1),
    right: rays(final, state.right, rightOffsets, 1),
  };
}

/** A breakpoint with every neuron's value there. */
interface RayPoint<T> {
  x: T;
  values: T[];
}

/** Runs the interior step in the loops that fit the grid's storage. */
function activateInterior<T>(
  arithmetic: Arithmetic<T>,
  shape: Shape<T>,
  grid: Grid<T> | SharedGrid,
  room: number,
): Grid<T> | SharedGrid | null {
  if (grid instanceof SharedGrid) {
    return activateInteriorShared(grid, sharedActivation(shape as Shape<Rational>), room);
  }
  if (arithmetic.kind === "dyadic") {
    return activateInteriorDyadic(
      grid.xs as ArrayLike<number>,
      grid.values as ArrayLike<number>[],
      shape as Shape<number>,
      room,
    ) as Grid<T> | null;
  }
  return activateInteriorGeneric(arithmetic, shape, grid.xs, grid.values, room);
}

/**
 * Offsets from an end where a ray crosses a kink: negative on the left, positive on the right.
 * `ends` contains each neuron's value at the end the rays start from.
 */
function rayCrossings<T>(
  arithmetic: Arithmetic<T>,
  shape: Shape<T>,
  ends: T[] | undefined,
  rays: T[] | null,
  side: number,
): T[] {
  if (rays === null || ends === undefined) return [];
  const { div, sub, sign, equals, compare } = arithmetic;
  const found: T[] = [];
  rays.forEach((slope, k) => {
    if (sign(slope) === 0) return;
    for (const kink of shape.kinks) {
      const offset = div(sub(kink, ends[k]!), slope);
      if (sign(offset) === side && !found.some((o) => equals(o, offset))) found.push(offset);
    }
  });
  return found.sort(compare);
}

function joinGrid<T>(
  arithmetic: Arithmetic<T>,
  before: RayPoint<T>[],
  interior: Grid<T>,
  after: RayPoint<T>[],
): Grid<T> {
  const join = (head: T[], middle: ArrayLike<T>, tail: T[]) =>
    storage(arithmetic, [...head, ...Array.from(middle), ...tail]);
  return {
    xs: join(
      before.map((p) => p.x),
      interior.xs,
      after.map((p) => p.x),
    ),
    values: interior.values.map((v, k) =>
      join(
        before.map((p) => p.values[k]!),
        v,
        after.map((p) => p.values[k]!),
      ),
    ),
  };
}

/** Applies the activation in the interior like `activateInteriorDyadic`, in rationals. */
function activateInteriorGeneric<T>(
  arithmetic: Arithmetic<T>,
  shape: Shape<T>,
  xs: ArrayLike<T>,
  values: ArrayLike<T>[],
  limit: number,
): Grid<T> | null {
  const { add, sub, mul, div, compare, equals } = arithmetic;
  const size = xs.length;
  const width = values.length;
  const outXs: T[] = [];
  const outValues: T[][] = values.map(() => []);
  const ratios: T[] = [];
  for (let t = 0; t < size; t++) {
    if (outXs.length >= limit) return null;
    outXs.push(xs[t]!);
    for (let k = 0; k < width; k++) outValues[k]!.push(activate(arithmetic, shape, values[k]![t]!));
    if (t + 1 === size) break;

    ratios.splice(0);
    for (let k = 0; k < width; k++) {
      const a = values[k]![t]!;
      const b = values[k]![t + 1]!;
      if (equals(a, b)) continue;
      for (const kink of shape.kinks) {
        if (compare(a, kink) * compare(b, kink) >= 0) continue;
        const ratio = div(sub(kink, a), sub(b, a));
        if (!ratios.some((r) => equals(r, ratio))) ratios.push(ratio);
      }
    }
    if (ratios.length > 1) ratios.sort(compare);
    const x0 = xs[t]!;
    const step = sub(xs[t + 1]!, x0);
    for (const ratio of ratios) {
      if (outXs.length >= limit) return null;
      outXs.push(add(x0, mul(ratio, step)));
      for (let k = 0; k < width; k++) {
        const a = values[k]![t]!;
        const value = add(a, mul(ratio, sub(values[k]![t + 1]!, a)));
        outValues[k]!.push(activate(arithmetic, shape, value));
      }
    }
  }
  return { xs: outXs, values: outValues };
}

/** Splits a layer's state into one function per neuron. */
function toFunctions<T>(arithmetic: Arithmetic<T>, state: LayerState<T>): Piecewise[] {
  const { grid } = state;
  if (grid instanceof SharedGrid) {
    const slopes = (rays: T[] | null) => rays as Rational[] | null;
    return sharedFunctions(grid, slopes(state.left), slopes(state.right)) as Piecewise[];
  }
  return grid.values.map(
    (ys, k) =>
      new Piecewise(
        arithmetic,
        grid.xs as ArrayLike<T>,
        ys as ArrayLike<T>,
        state.left === null ? null : state.left[k]!,
        state.right === null ? null : state.right[k]!,
      ) as Piecewise,
  );
}
