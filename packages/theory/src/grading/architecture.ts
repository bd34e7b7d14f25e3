import type { Constraints } from "../exercise/schema";
import { formatActivation } from "../network/activation";
import { architectureOf, type Network } from "../network/network";
import { formatRational, type Rational } from "../rational";
import type { Finding } from "./feedback";

/** Checks a network against an exercise's architecture constraints; returns the violations. */
export function checkArchitecture(network: Network, constraints: Constraints): Finding[] {
  const figures = architectureOf(network);
  const findings: Finding[] = [];
  const { inputs, outputs, minDepth, maxDepth, maxWidth, maxParameters } = constraints;

  if (figures.inputs !== inputs) {
    findings.push({ code: "architecture.inputs", required: inputs, received: figures.inputs });
  }
  if (figures.outputs !== outputs) {
    findings.push({ code: "architecture.outputs", required: outputs, received: figures.outputs });
  }
  if (maxDepth !== undefined && figures.depth > maxDepth) {
    findings.push({ code: "architecture.too-deep", limit: maxDepth, received: figures.depth });
  }
  if (minDepth !== undefined && figures.depth < minDepth) {
    findings.push({ code: "architecture.too-shallow", limit: minDepth, received: figures.depth });
  }
  if (maxWidth !== undefined && figures.width > maxWidth) {
    const layer = figures.widths.findIndex((w) => w > maxWidth) + 1;
    findings.push({
      code: "architecture.too-wide",
      limit: maxWidth,
      received: figures.width,
      layer,
    });
  }
  if (maxParameters !== undefined && figures.parameters > maxParameters) {
    findings.push({
      code: "architecture.too-many-parameters",
      limit: maxParameters,
      received: figures.parameters,
    });
  }
  findings.push(...checkActivations(network, constraints));
  if (constraints.numbers !== "any") findings.push(...checkNumbers(network, constraints.numbers));
  return findings;
}

function checkActivations(network: Network, constraints: Constraints): Finding[] {
  const findings: Finding[] = [];
  const hidden = constraints.activations;
  // A one-layer network applies no hidden activation, so any choice is harmless there.
  if (hidden && network.layers.length > 1 && !hidden.includes(network.activation.name)) {
    findings.push({
      code: "architecture.activation",
      field: "activation",
      received: formatActivation(network.activation),
      allowed: hidden,
    });
  }
  const output = constraints.outputActivations;
  if (output && !output.includes(network.outputActivation.name)) {
    findings.push({
      code: "architecture.activation",
      field: "outputActivation",
      received: formatActivation(network.outputActivation),
      allowed: output,
    });
  }
  return findings;
}

function isDyadic(value: Rational): boolean {
  return (value.d & (value.d - 1n)) === 0n;
}

/** Reports the first weight or bias, in reading order, that is not of the required kind. */
function checkNumbers(network: Network, kind: "integer" | "dyadic"): Finding[] {
  const fits = kind === "integer" ? (v: Rational) => v.d === 1n : isDyadic;
  for (const [index, layer] of network.layers.entries()) {
    for (const [row, weights] of layer.weights.entries()) {
      const column = weights.findIndex((w) => !fits(w));
      if (column >= 0) {
        const value = formatRational(weights[column]!);
        const place = { layer: index + 1, row: row + 1, column: column + 1 };
        return [{ code: "architecture.numbers", kind, field: "weights", ...place, value }];
      }
    }
    const row = layer.biases.findIndex((b) => !fits(b));
    if (row >= 0) {
      const value = formatRational(layer.biases[row]!);
      return [
        {
          code: "architecture.numbers",
          kind,
          field: "biases",
          layer: index + 1,
          row: row + 1,
          value,
        },
      ];
    }
  }
  return [];
}
