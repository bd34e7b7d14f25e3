import { z } from "zod";

import type { Activation } from "../network/activation";
import type { Network } from "../network/network";
import { readActivation } from "./activation";
import { checkFields } from "./fields";
import { readLayers, type RawLayer } from "./layers";
import { NETWORK_LIMITS, type Place, type ProblemList } from "./problem";

const nativeSchema = z.strictObject({
  layers: z.array(z.unknown()),
  activation: z.unknown().optional(),
  outputActivation: z.unknown().optional(),
});

const layerSchema = z.strictObject({ weights: z.unknown(), biases: z.unknown() });

/** The activations a submission gets when it names none. */
export const DEFAULT_ACTIVATIONS = {
  activation: { name: "relu" },
  outputActivation: { name: "identity" },
} as const satisfies Record<string, Activation>;

/**
 * Reads the native format, `{"layers": [{"weights": [[1], [1]], "biases": [0, "-1/2"]}, …],
 * "activation": "relu", "outputActivation": "identity"}`, from parsed JSON or from a plain
 * JavaScript value. Returns the network, or undefined after recording its problems.
 */
export function readNativeNetwork(value: unknown, problems: ProblemList): Network | undefined {
  const top = checkFields(value, nativeSchema, ["layers"], {}, problems);
  if (top === undefined) return undefined;

  const count = top.layers.length;
  if (count > NETWORK_LIMITS.maxLayers) {
    const bound = NETWORK_LIMITS.maxLayers;
    problems.add({
      code: "too-big",
      place: { field: "layers" },
      limit: "layers",
      bound,
      received: count,
    });
    return undefined;
  }

  const rawLayers = top.layers.map((layerValue, index) =>
    readRawLayer(layerValue, index + 1, problems),
  );
  const activations = readActivations(top, problems);
  // A layer with a missing or unknown field would shift the comparison of neighbouring layers.
  if (rawLayers.some((layer) => layer === undefined)) return undefined;

  const layers = readLayers(rawLayers as RawLayer[], { field: "layers" }, problems);
  if (layers === undefined || activations === undefined) return undefined;
  return { layers, ...activations };
}

function readRawLayer(
  value: unknown,
  layerNumber: number,
  problems: ProblemList,
): RawLayer | undefined {
  const place: Place = { layer: layerNumber };
  const layer = checkFields(value, layerSchema, ["weights", "biases"], place, problems);
  if (layer === undefined) return undefined;
  return {
    weights: layer.weights,
    biases: layer.biases,
    weightsPlace: { ...place, field: "weights" },
    biasesPlace: { ...place, field: "biases" },
  };
}

/**
 * Reads `activation` and `outputActivation` from a submission, with the defaults for absent
 * fields. Returns undefined after recording a problem.
 */
export function readActivations(
  fields: { activation?: unknown; outputActivation?: unknown },
  problems: ProblemList,
): Pick<Network, "activation" | "outputActivation"> | undefined {
  const activation =
    fields.activation === undefined
      ? DEFAULT_ACTIVATIONS.activation
      : readActivation(fields.activation, { field: "activation" }, problems);
  const outputActivation =
    fields.outputActivation === undefined
      ? DEFAULT_ACTIVATIONS.outputActivation
      : readActivation(fields.outputActivation, { field: "outputActivation" }, problems);
  if (activation === undefined || outputActivation === undefined) return undefined;
  return { activation, outputActivation };
}
