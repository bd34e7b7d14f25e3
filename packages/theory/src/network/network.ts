import { ZERO, type Rational } from "../rational";
import { applyActivation, sawtoothPieces, type Activation } from "./activation";

/**
 * One affine layer x ↦ Wx + b. `weights` has one row per neuron of the layer and one column
 * per input, so the lecture's W⁽¹⁾ = (1 1)ᵀ is `[[1], [1]]`.
 */
export interface Layer {
  weights: Rational[][];
  biases: Rational[];
}

/**
 * A fully connected feed-forward network. `activation` follows every layer but the last, and
 * `outputActivation` follows the last one.
 */
export interface Network {
  layers: Layer[];
  activation: Activation;
  outputActivation: Activation;
}

/** The figures by which exercises constrain a network's architecture. */
export interface Architecture {
  inputs: number;
  outputs: number;
  /** Number of affine layers, as the lecture counts depth: h2 has depth 2. */
  depth: number;
  /** Largest number of neurons in any layer, the output layer included. */
  width: number;
  /** Neurons of each layer, first to last. */
  widths: number[];
  /** Number of weights and biases. */
  parameters: number;
}

/** Returns the number of inputs the first layer takes. */
export function inputCount(network: Network): number {
  return network.layers[0]?.weights[0]?.length ?? 0;
}

/** Returns the depth, widths and parameter count of a network. */
export function architectureOf(network: Network): Architecture {
  const widths = network.layers.map((layer) => layer.biases.length);
  const parameters = network.layers.reduce(
    (sum, layer) => sum + layer.biases.length * (1 + (layer.weights[0]?.length ?? 0)),
    0,
  );
  return {
    inputs: inputCount(network),
    outputs: widths[widths.length - 1] ?? 0,
    depth: network.layers.length,
    width: Math.max(0, ...widths),
    widths,
    parameters,
  };
}

/**
 * Returns Lemma 2.1's bound (t·m)^ℓ on the number of linear pieces of a one-input network of
 * width m and depth ℓ whose activations are t-sawtooth, as an exact bigint.
 */
export function pieceBound(network: Network): bigint {
  const { width, depth } = architectureOf(network);
  const t = Math.max(sawtoothPieces(network.activation), sawtoothPieces(network.outputActivation));
  return BigInt(t * width) ** BigInt(depth);
}

/** Evaluates a network exactly at one input vector. */
export function evaluateNetwork(network: Network, input: Rational[]): Rational[] {
  let values = input;
  network.layers.forEach((layer, index) => {
    const last = index === network.layers.length - 1;
    const activation = last ? network.outputActivation : network.activation;
    values = layer.weights.map((row, neuron) => {
      const sum = row.reduce((acc, weight, column) => acc.add(weight.mul(values[column]!)), ZERO);
      return applyActivation(activation, sum.add(layer.biases[neuron]!));
    });
  });
  return values;
}
