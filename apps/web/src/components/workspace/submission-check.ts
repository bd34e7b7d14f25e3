import {
  checkArchitecture,
  describeFinding,
  describeProblem,
  parseRational,
  readSubmission,
  type ActivationName,
  type Constraints,
  type Network,
  type Place,
} from "@sawtooth/theory";

import type { ConstraintsView } from "@/lib/submission-contract";
import { submissionSizeProblem, utf8Bytes } from "@/lib/submission-limits";

/** The outcome of checking a submission in the browser before the server grades it. */
export type SubmissionCheck =
  | { ok: true; network: Network }
  /** `reasons` are the engine's sentences: why the text cannot be read, or which rule it breaks. */
  | { ok: false; network: Network | null; reasons: string[] };

/**
 * Checks a submission's text as the server will: readable by the engine, within the size the
 * server accepts, and within the exercise's visible constraints (depth, width, parameters,
 * activations, inputs, outputs and the kind of numbers).
 */
export function checkSubmission(text: string, constraints: ConstraintsView): SubmissionCheck {
  const sizeProblem = submissionSizeProblem(utf8Bytes(text));
  if (sizeProblem !== null) {
    return { ok: false, network: null, reasons: [sizeProblem] };
  }

  const read = readSubmission(text);
  if (!read.ok) {
    return { ok: false, network: null, reasons: read.problems.map(describeProblem) };
  }

  const breaches = checkArchitecture(read.network, toConstraints(constraints));
  if (breaches.length > 0) {
    return { ok: false, network: read.network, reasons: breaches.flatMap(describeFinding) };
  }
  return { ok: true, network: read.network };
}

/** Converts the browser's view of the constraints to the engine's form, null meaning no rule. */
export function toConstraints(view: ConstraintsView): Constraints {
  const constraints: Constraints = {
    inputs: view.inputs,
    outputs: view.outputs,
    numbers: view.numbers,
  };
  if (view.minDepth !== null) constraints.minDepth = view.minDepth;
  if (view.maxDepth !== null) constraints.maxDepth = view.maxDepth;
  if (view.maxWidth !== null) constraints.maxWidth = view.maxWidth;
  if (view.maxParameters !== null) constraints.maxParameters = view.maxParameters;
  if (view.activations !== null) constraints.activations = view.activations as ActivationName[];
  if (view.outputActivations !== null) {
    constraints.outputActivations = view.outputActivations as ActivationName[];
  }
  return constraints;
}

/** Returns the engine's sentence for a cell it cannot read as an exact number, else null. */
export function cellProblem(text: string, place: Place): string | null {
  const parsed = parseRational(text);
  if (parsed.ok) return null;
  const { code, input, bound } = parsed.error;
  const problem = { code: "invalid-number" as const, place, reason: code, input };
  return describeProblem(bound === undefined ? problem : { ...problem, bound });
}
