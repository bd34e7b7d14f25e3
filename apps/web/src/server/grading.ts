import "server-only";

import { performance } from "node:perf_hooks";

import {
  formatRational,
  grade,
  gradeNetwork,
  prepareExercise,
  readSubmission,
  type Activation,
  type Feedback,
  type Network,
  type PreparedExercise,
} from "@sawtooth/theory";

import { BoundedCache } from "./bounded-cache";

/** An exercise version as stored: its id and the exercise file's JSON text. */
export interface StoredVersion {
  id: string;
  definition: string;
}

/** A graded submission with what the attempt store keeps besides the raw text. */
export interface GradedSubmission {
  /** The engine's feedback, already cut to what the exercise reveals. */
  feedback: Feedback;
  /** The parsed network as canonical JSON text, or null when the submission did not parse. */
  network: string | null;
  /** Wall-clock time of reading, analysing and checking, in whole milliseconds. */
  gradingMs: number;
}

/** Prepared exercises by version id. Each holds its parsed file and reference network. */
const preparedByVersion = new BoundedCache<string, PreparedExercise>(64);

/**
 * Returns the prepared exercise of a stored version, preparing it on first use. A version's
 * definition never changes, so its id is the cache key. Throws when the stored definition is
 * invalid, which seeding rules out by validating every exercise file.
 */
export function prepareVersion(version: StoredVersion): PreparedExercise {
  return preparedByVersion.getOrCreate(version.id, () => {
    const result = prepareExercise(JSON.parse(version.definition));
    if (!result.ok) {
      const problems = result.problems.map((problem) => `${problem.path}: ${problem.message}`);
      throw new Error(`Exercise version ${version.id} is invalid: ${problems.join("; ")}`);
    }
    return result.prepared;
  });
}

/** Returns the prepared exercise of version `id` if it is cached, so its definition need not be read. */
export function cachedPreparedVersion(id: string): PreparedExercise | undefined {
  return preparedByVersion.get(id);
}

/** Returns how many prepared versions are cached; for tests of the cache bound. */
export function cachedVersionCount(): number {
  return preparedByVersion.size;
}

/**
 * Grades a submission against an exercise version. Grading is synchronous and bounded by the
 * engine's analysis budget.
 */
export function gradeSubmission(version: StoredVersion, submission: string): GradedSubmission {
  return gradePrepared(prepareVersion(version), submission);
}

/** Grades a submission against a prepared exercise version, as {@link gradeSubmission} does. */
export function gradePrepared(prepared: PreparedExercise, submission: string): GradedSubmission {
  const started = performance.now();

  const read = readSubmission(submission);
  // An unreadable submission goes through `grade`, which builds the feedback for its problems.
  const feedback = read.ok ? gradeNetwork(prepared, read.network) : grade(prepared, submission);

  const gradingMs = Math.round(performance.now() - started);
  const network = read.ok ? networkToJson(read.network) : null;
  return { feedback, network, gradingMs };
}

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
