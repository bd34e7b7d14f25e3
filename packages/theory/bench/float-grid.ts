import type { Piecewise } from "../src/analysis/piecewise";
import type { Network } from "../src/network/network";

/** A network with its weights rounded to doubles, laid out for a tight loop. */
interface FloatNetwork {
  layers: { weights: Float64Array[]; biases: Float64Array }[];
  hidden: (v: number) => number;
  output: (v: number) => number;
}

const ACTIVATIONS: Record<string, (v: number) => number> = {
  relu: (v) => (v < 0 ? 0 : v),
  identity: (v) => v,
  abs: Math.abs,
  "hard-tanh": (v) => (v < -1 ? -1 : v > 1 ? 1 : v),
};

function toFloat(network: Network): FloatNetwork {
  return {
    layers: network.layers.map((layer) => ({
      weights: layer.weights.map((row) => Float64Array.from(row, (w) => w.valueOf())),
      biases: Float64Array.from(layer.biases, (b) => b.valueOf()),
    })),
    hidden: ACTIVATIONS[network.activation.name] ?? ACTIVATIONS.relu!,
    output: ACTIVATIONS[network.outputActivation.name] ?? ACTIVATIONS.identity!,
  };
}

/** Returns the midpoint of every piece of f, in doubles: one grid point per piece. */
export function pieceMidpoints(f: Piecewise): Float64Array {
  const g = f.simplify();
  const xs = Array.from({ length: g.size }, (_, i) => g.point(i).x.valueOf());
  if (xs.length === 1) return Float64Array.of(xs[0]!);
  return Float64Array.from({ length: xs.length - 1 }, (_, i) => (xs[i]! + xs[i + 1]!) / 2);
}

/**
 * Evaluates the network in float64 at every point and returns the sum, so the work cannot be
 * optimised away. This is the baseline the exact grader is measured against.
 */
export function floatGrid(network: Network, points: Float64Array): number {
  const floats = toFloat(network);
  const width = Math.max(...network.layers.map((l) => l.biases.length), 1);
  let current = new Float64Array(width);
  let next = new Float64Array(width);
  let sum = 0;
  const last = floats.layers.length - 1;
  for (const x of points) {
    current[0] = x;
    let inputs = 1;
    floats.layers.forEach((layer, index) => {
      const activation = index === last ? floats.output : floats.hidden;
      for (let neuron = 0; neuron < layer.biases.length; neuron++) {
        const row = layer.weights[neuron]!;
        let total = layer.biases[neuron]!;
        for (let j = 0; j < inputs; j++) total += row[j]! * current[j]!;
        next[neuron] = activation(total);
      }
      inputs = layer.biases.length;
      [current, next] = [next, current];
    });
    sum += current[0]!;
  }
  return sum;
}
