import "server-only";

import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";

import { gradeText, prepareExercise, type Feedback, type PreparedExercise } from "@sawtooth/theory";

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

/**
 * Prepared exercises by {@link preparedKey}. Each holds its parsed file and reference network.
 */
const preparedByVersion = new BoundedCache<string, PreparedExercise>(64);

/**
 * Returns the cache key of a stored version: its id and a hash of its text. A version's wording
 * (title, statement, tags) is edited in place, possibly by another server process sharing the
 * database, so the id alone would keep serving the old statement.
 */
export function preparedKey(version: StoredVersion): string {
  const hash = createHash("sha256").update(version.definition).digest("base64url");
  return `${version.id}:${hash}`;
}

/**
 * Returns the prepared exercise of a stored version, preparing it on first use of its id and
 * text. Throws when the stored definition is invalid, which seeding rules out by validating
 * every exercise file.
 */
export function prepareVersion(version: StoredVersion): PreparedExercise {
  return preparedByVersion.getOrCreate(preparedKey(version), () => {
    const result = prepareExercise(JSON.parse(version.definition), { stored: true });
    if (!result.ok) {
      const problems = result.problems.map((problem) => `${problem.path}: ${problem.message}`);
      throw new Error(`Exercise version ${version.id} is invalid: ${problems.join("; ")}`);
    }
    return result.prepared;
  });
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
  const { feedback, network } = gradeText(prepared, submission);
  const gradingMs = Math.round(performance.now() - started);
  return { feedback, network, gradingMs };
}
