import { parseRational, rational, ONE, ZERO, type Rational } from "../rational";
import type { Activation } from "../network/activation";
import type { Layer, Network } from "../network/network";

/**
 * Builders for the lecture's networks and for random networks, shared by tests, benchmarks and
 * grading fixtures. Nothing here imports a test framework.
 */

export const RELU: Activation = { name: "relu" };
export const IDENTITY: Activation = { name: "identity" };
export const ABS: Activation = { name: "abs" };
export const HARD_TANH: Activation = { name: "hard-tanh" };

/** Returns a leaky ReLU whose slope for negative inputs is `slope`, written like `"1/3"`. */
export function leakyRelu(slope: string): Activation {
  return { name: "leaky-relu", slope: rationalOf(slope) };
}

/** Parses `"-1/2"`, `"3"` or an integer into a rational, throwing on invalid text. */
export function rationalOf(value: string | number | bigint): Rational {
  const result = parseRational(value);
  if (!result.ok) throw new RangeError(`invalid rational ${String(value)}: ${result.error.code}`);
  return result.value;
}

/** Builds a layer from rows of weights and biases written as numbers or fraction strings. */
export function layerOf(weights: (string | number)[][], biases: (string | number)[]): Layer {
  return {
    weights: weights.map((row) => row.map(rationalOf)),
    biases: biases.map(rationalOf),
  };
}

/** Returns the layers of h2(x) = 2φ(x) − 4φ(x − 1/2) with the lecture's weights. */
function tentLayers(): Layer[] {
  return [layerOf([[1], [1]], [0, "-1/2"]), layerOf([[2, -4]], [0])];
}

/** Returns h2, the lecture's width-2 depth-2 tent network with no activation on the output. */
export function h2Network(): Network {
  return { layers: tentLayers(), activation: RELU, outputActivation: IDENTITY };
}

/** Returns h3 = φ(h2): the tent on [0, 1] and 0 outside it. */
export function h3Network(): Network {
  return { layers: tentLayers(), activation: RELU, outputActivation: RELU };
}

/** Returns f^k = h3 ∘ … ∘ h3 (k times) as 2k layers of width 2. */
export function sawtoothNetwork(k: number): Network {
  const layers: Layer[] = [];
  for (let i = 0; i < k; i++) layers.push(...tentLayers());
  return { layers, activation: RELU, outputActivation: RELU };
}

/**
 * Returns f^k as the two-layer network φ(Σ_j α_j φ(x − j/2^k)), j = 0 … 2^k − 1.
 *
 * Below 1, f^k is the continuous function that is 0 left of 0 and whose slope is 2^k on
 * [0, 2^−k], then changes sign at every breakpoint j/2^k. A sum of ReLUs starting at those
 * breakpoints has that shape when α_j is the change of slope at j/2^k: α_0 = 2^k, then
 * −2^(k+1) at odd j (peaks) and +2^(k+1) at even j (valleys). Right of 1 the sum keeps the
 * last slope −2^k and turns negative, which the outer φ clips to 0.
 */
export function shallowSawtoothNetwork(k: number): Network {
  const count = 2 ** k;
  const scale = BigInt(count);
  const hidden: Layer = {
    weights: Array.from({ length: count }, () => [ONE]),
    biases: Array.from({ length: count }, (_, j) => rational(-BigInt(j), scale)),
  };
  const slopeChanges = Array.from({ length: count }, (_, j) => {
    if (j === 0) return rational(scale);
    return rational(j % 2 === 1 ? -2n * scale : 2n * scale);
  });
  const output: Layer = { weights: [slopeChanges], biases: [ZERO] };
  return { layers: [hidden, output], activation: RELU, outputActivation: RELU };
}

/**
 * Returns Yarotsky's network for x − Σ_{s=1}^{m} g_s(x)/4^s on [0, 1], with g_s the s-fold
 * tent map and g_0(x) = x. It has m + 1 layers. Hidden layer s carries three neurons: the
 * partial sum x − Σ_{r<s} g_r(x)/4^r, φ(g_{s−1}) and φ(g_{s−1} − 1/2), from which
 * g_s = 2φ(g_{s−1}) − 4φ(g_{s−1} − 1/2).
 * The partial sum is the interpolant of x² on a coarser grid, so it is never negative on
 * [0, 1] and passes φ unchanged. Outside [0, 1] the network computes something else.
 */
export function yarotskySquareNetwork(m: number): Network {
  if (m < 1) throw new RangeError(`Yarotsky's network needs m ≥ 1, got ${m}`);
  const layers: Layer[] = [layerOf([[1], [1], [1]], [0, 0, "-1/2"])];
  for (let s = 1; s <= m; s++) {
    const weight = rational(1n, 4n ** BigInt(s));
    const partialSum = [ONE, weight.mul(-2), weight.mul(4)];
    if (s === m) {
      layers.push({ weights: [partialSum], biases: [ZERO] });
    } else {
      const tent = [ZERO, rational(2n), rational(-4n)];
      layers.push({ weights: [partialSum, tent, tent], biases: [ZERO, ZERO, rational(-1n, 2n)] });
    }
  }
  return { layers, activation: RELU, outputActivation: IDENTITY };
}

/** Kind of number that a random network draws its weights and biases from. */
export type NumberKind = "integer" | "dyadic" | "rational";

export interface RandomNetworkOptions {
  /** Smallest and largest number of affine layers. */
  depth?: readonly [number, number];
  /** Smallest and largest number of neurons in each hidden layer; the output has one. */
  width?: readonly [number, number];
  /** Activations to pick the hidden activation from. */
  activations?: readonly Activation[];
  /** When true the output passes through the hidden activation, as in a sawtooth network. */
  activateOutput?: boolean;
  numbers?: NumberKind;
}

/**
 * A deterministic pseudo-random source (Marsaglia's xorshift32), so a test that fails on a
 * seed fails again on the same seed.
 */
export interface RandomSource {
  /** Returns an integer in [low, high], both ends included. */
  integer(low: number, high: number): number;
  pick<T>(items: readonly T[]): T;
}

/** Creates a pseudo-random source from a seed; equal seeds give equal sequences. */
export function randomSource(seed: number): RandomSource {
  // Neighbouring seeds give nearly equal first outputs in xorshift32, so the seed is mixed
  // first. The state must not be 0, which xorshift32 never leaves.
  let state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  state = (state ^ (state >>> 13)) >>> 0 || 0x9e3779b9;
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
  for (let i = 0; i < 4; i++) next();
  return {
    integer: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** Draws a small number: integers in [−3, 3], halves and quarters, or thirds to sixths. */
export function randomNumber(random: RandomSource, kind: NumberKind): Rational {
  switch (kind) {
    case "integer":
      return rational(BigInt(random.integer(-3, 3)));
    case "dyadic":
      return rational(BigInt(random.integer(-8, 8)), random.pick([1n, 2n, 4n]));
    case "rational":
      return rational(BigInt(random.integer(-6, 6)), BigInt(random.integer(1, 6)));
  }
}

/** Builds a random one-input, one-output network; equal seeds and options give equal networks. */
export function randomNetwork(seed: number, options: RandomNetworkOptions = {}): Network {
  const random = randomSource(seed);
  const [minDepth, maxDepth] = options.depth ?? [1, 4];
  const [minWidth, maxWidth] = options.width ?? [1, 4];
  const kind = options.numbers ?? "integer";
  const activation = random.pick(options.activations ?? [RELU]);

  const depth = random.integer(minDepth, maxDepth);
  const layers: Layer[] = [];
  let inputs = 1;
  for (let index = 0; index < depth; index++) {
    const neurons = index === depth - 1 ? 1 : random.integer(minWidth, maxWidth);
    const row = () => Array.from({ length: inputs }, () => randomNumber(random, kind));
    layers.push({
      weights: Array.from({ length: neurons }, row),
      biases: Array.from({ length: neurons }, () => randomNumber(random, kind)),
    });
    inputs = neurons;
  }
  const outputActivation = options.activateOutput ? activation : IDENTITY;
  return { layers, activation, outputActivation };
}

/** Tells whether two activations are the same map. */
export function sameActivation(a: Activation, b: Activation): boolean {
  if (a.name === "leaky-relu" && b.name === "leaky-relu") return a.slope.equals(b.slope);
  return a.name === b.name;
}

/** Activations σ with σ(σ(v)) = σ(v), through which a layer [[1]] carries a value unchanged. */
const IDEMPOTENT = new Set(["relu", "identity", "abs", "hard-tanh"]);

/**
 * Checks that a network can feed its output into further layers: one input, one output, and
 * the output activation equal to the hidden one.
 */
function requireSawtoothShape(network: Network, role: string): void {
  const widths = network.layers.map((layer) => layer.biases.length);
  if (network.layers[0]?.weights[0]?.length !== 1 || widths[widths.length - 1] !== 1) {
    throw new RangeError(`${role} must have one input and one output`);
  }
  if (!sameActivation(network.activation, network.outputActivation)) {
    throw new RangeError(`${role} must apply its hidden activation to the output`);
  }
}

/** Appends [[1]] layers so the network has `depth` layers; needs an idempotent activation. */
function padToDepth(network: Network, depth: number): Layer[] {
  const layers = network.layers.slice();
  if (layers.length < depth && !IDEMPOTENT.has(network.activation.name)) {
    throw new RangeError(`cannot carry a value through ${network.activation.name} unchanged`);
  }
  while (layers.length < depth) layers.push({ weights: [[ONE]], biases: [ZERO] });
  return layers;
}

/** Places two layers side by side: the first takes the inputs before the second's. */
function stackLayers(top: Layer, bottom: Layer, shareInput: boolean): Layer {
  const topInputs = shareInput ? 0 : (top.weights[0]?.length ?? 0);
  const bottomInputs = shareInput ? 0 : (bottom.weights[0]?.length ?? 0);
  const zeros = (count: number) => Array.from({ length: count }, () => ZERO);
  return {
    weights: [
      ...top.weights.map((row) => [...row, ...zeros(bottomInputs)]),
      ...bottom.weights.map((row) => [...zeros(topInputs), ...row]),
    ],
    biases: [...top.biases, ...bottom.biases],
  };
}

/**
 * Builds a network for f + g from two sawtooth networks that apply the same activation σ to
 * hidden layers and output. The two run side by side, the shorter one padded with [[1]]
 * layers, and a last layer [[1, 1]] adds the two outputs.
 */
export function sumNetwork(f: Network, g: Network): Network {
  requireSawtoothShape(f, "the first summand");
  requireSawtoothShape(g, "the second summand");
  if (!sameActivation(f.activation, g.activation)) {
    throw new RangeError("the summands must use the same activation");
  }
  const depth = Math.max(f.layers.length, g.layers.length);
  const fLayers = padToDepth(f, depth);
  const gLayers = padToDepth(g, depth);
  const layers = fLayers.map((layer, index) => stackLayers(layer, gLayers[index]!, index === 0));
  layers.push({ weights: [[ONE, ONE]], biases: [ZERO] });
  return { layers, activation: f.activation, outputActivation: IDENTITY };
}

/** Builds a network for outer ∘ inner by running inner's layers, then outer's. */
export function composeNetworks(outer: Network, inner: Network): Network {
  requireSawtoothShape(inner, "the inner network");
  if (!sameActivation(outer.activation, inner.activation)) {
    throw new RangeError("the composed networks must use the same activation");
  }
  return {
    layers: [...inner.layers, ...outer.layers],
    activation: inner.activation,
    outputActivation: outer.outputActivation,
  };
}

function requireHiddenLayer(network: Network, layer: number): void {
  if (layer < 0 || layer >= network.layers.length - 1) {
    throw new RangeError(
      `layer ${layer} is not a hidden layer of a ${network.layers.length}-layer network`,
    );
  }
}

/**
 * Reorders the neurons of hidden layer `layer` (0-based): new neuron i is old neuron
 * `order[i]`. The next layer's columns move with them, so the function stays the same.
 */
export function permuteHiddenNeurons(network: Network, layer: number, order: number[]): Network {
  requireHiddenLayer(network, layer);
  const layers = network.layers.map((current, index) => {
    if (index === layer) {
      return {
        weights: order.map((old) => current.weights[old]!),
        biases: order.map((old) => current.biases[old]!),
      };
    }
    if (index === layer + 1) {
      return {
        weights: current.weights.map((row) => order.map((old) => row[old]!)),
        biases: current.biases,
      };
    }
    return current;
  });
  return { ...network, layers };
}

/**
 * Multiplies the incoming weights and bias of one hidden neuron by `factor` and its outgoing
 * weights by 1/factor. For a positive factor and a positively homogeneous activation
 * (ReLU, leaky ReLU, |x|) the function stays the same.
 */
export function rescaleHiddenNeuron(
  network: Network,
  layer: number,
  neuron: number,
  factor: Rational,
): Network {
  requireHiddenLayer(network, layer);
  const inverse = ONE.div(factor);
  const layers = network.layers.map((current, index) => {
    if (index === layer) {
      return {
        weights: current.weights.map((row, i) =>
          i === neuron ? row.map((w) => w.mul(factor)) : row,
        ),
        biases: current.biases.map((b, i) => (i === neuron ? b.mul(factor) : b)),
      };
    }
    if (index === layer + 1) {
      return {
        weights: current.weights.map((row) =>
          row.map((w, j) => (j === neuron ? w.mul(inverse) : w)),
        ),
        biases: current.biases,
      };
    }
    return current;
  });
  return { ...network, layers };
}

/** Rescales every neuron of hidden layer `layer` by `factor`, as `rescaleHiddenNeuron` does. */
export function rescaleHiddenLayer(network: Network, layer: number, factor: Rational): Network {
  const width = network.layers[layer]?.biases.length ?? 0;
  let result = network;
  for (let neuron = 0; neuron < width; neuron++) {
    result = rescaleHiddenNeuron(result, layer, neuron, factor);
  }
  return result;
}
