import { formatActivation } from "../network/activation";
import type { Network } from "../network/network";
import { formatRational } from "../rational";
import { prepareExercise, type PreparedExercise } from "../exercise/prepare";
import type { ExerciseInput } from "../exercise/schema";

/**
 * Builders for exercises and submissions in grading tests. Nothing here imports a test
 * framework.
 */

/** The lecture's h2 in the native submission format. */
export const TENT_H2_SUBMISSION = {
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [0] },
  ],
  activation: "relu",
  outputActivation: "identity",
};

/**
 * Prepares an exercise from the fields given, filling in an id, a title, a statement and a
 * reference (h2), and throws with the problems when the file is invalid.
 */
export function prepareOrThrow(fields: Partial<ExerciseInput>): PreparedExercise {
  const result = prepareExercise({
    id: "test-exercise",
    title: "Test exercise",
    statement: "Build the target.",
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    reference: TENT_H2_SUBMISSION,
    ...fields,
  });
  if (!result.ok) throw new Error(`invalid exercise: ${JSON.stringify(result.problems)}`);
  return result.prepared;
}

/** Converts a network to the native submission format, with every number as exact text. */
export function nativeOf(network: Network): unknown {
  return {
    layers: network.layers.map((layer) => ({
      weights: layer.weights.map((row) => row.map(formatRational)),
      biases: layer.biases.map(formatRational),
    })),
    activation: formatActivation(network.activation),
    outputActivation: formatActivation(network.outputActivation),
  };
}
