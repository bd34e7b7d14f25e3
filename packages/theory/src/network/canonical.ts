import { formatRational } from "../rational";
import type { Activation } from "./activation";
import type { Network } from "./network";

/**
 * Writes a network as canonical JSON: fixed key order and every number as a reduced fraction,
 * so two submissions of the same network in any layout or notation give the same text.
 */
export function networkToJson(network: Network): string {
  return JSON.stringify({
    layers: network.layers.map((layer) => ({
      weights: layer.weights.map((row) => row.map(formatRational)),
      biases: layer.biases.map(formatRational),
    })),
    activation: activationToJson(network.activation),
    outputActivation: activationToJson(network.outputActivation),
  });
}

function activationToJson(activation: Activation): { name: string; slope?: string } {
  if (activation.name === "leaky-relu") {
    return { name: activation.name, slope: formatRational(activation.slope) };
  }
  return { name: activation.name };
}
