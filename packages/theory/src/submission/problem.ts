import type { NumberErrorCode } from "../rational";
import { JsonNumber, type JsonPath } from "./json";

/** Bounds on a submitted network; documented in the package README. */
export const NETWORK_LIMITS = {
  /** Maximum number of affine layers in one network. */
  maxLayers: 64,
  /** Maximum number of neurons in one layer, which also bounds the inputs of a layer. */
  maxNeurons: 1024,
  /** Maximum number of weights and biases in the whole network. */
  maxParameters: 100_000,
  /** Maximum number of problems reported for one submission. Later ones are dropped. */
  maxProblems: 50,
} as const;

/**
 * The location of a problem, numbered as a person counts: `layer`, `row` and `column` are
 * 1-based. `key` is a state_dict key as submitted, and `path` is the JSON path of a value with
 * 0-based array indices.
 */
export interface Place {
  layer?: number;
  row?: number;
  column?: number;
  /** A field of the native format, such as `weights` or `activation`. */
  field?: string;
  key?: string;
  path?: JsonPath;
  /** A 1-based position in the submitted JSON text. */
  line?: number;
  character?: number;
}

/** Rows × columns of a matrix as received or expected. */
export interface Shape {
  rows: number;
  columns: number;
}

/** The bound a `too-big` problem names. */
export type SizeLimit =
  "text-length" | "nesting-depth" | "layers" | "neurons" | "inputs" | "parameters";

/**
 * One reason a submission is rejected. The sentence a student reads is rendered from it by
 * `describeProblem`; codes and fields are stable data for the app and tests.
 */
export type Problem =
  | { code: "invalid-json"; place: Place; expected: string; received: string }
  | { code: "duplicate-key"; place: Place; key: string }
  | { code: "too-big"; place: Place; limit: SizeLimit; bound: number; received: number }
  | { code: "unknown-format"; place: Place; received: string }
  | { code: "unknown-field"; place: Place; field: string; suggestion?: string }
  | { code: "missing-field"; place: Place; field: string }
  | { code: "wrong-type"; place: Place; expected: string; received: string }
  | {
      code: "invalid-number";
      place: Place;
      reason: NumberErrorCode;
      input: string;
      bound?: string;
    }
  | { code: "empty-matrix"; place: Place }
  | { code: "ragged-row"; place: Place; expected: number; received: number }
  | { code: "expected-matrix"; place: Place; received: string; suggestions: string[] }
  | { code: "expected-vector"; place: Place; received: string; suggestion: string }
  | {
      code: "weights-shape";
      place: Place;
      expected: Shape;
      received: Shape;
      /** True when the received shape is the transpose of the expected one. */
      transposed: boolean;
    }
  | { code: "bias-length"; place: Place; expected: number; received: number }
  | { code: "input-mismatch"; place: Place; expected: number; received: number }
  | { code: "no-layers"; place: Place }
  | { code: "unknown-activation"; place: Place; input: string; suggestion?: string }
  | { code: "missing-slope"; place: Place; input: string }
  | { code: "missing-bias"; place: Place; key: string }
  | { code: "missing-weight"; place: Place; key: string }
  | { code: "non-linear-key"; place: Place; key: string }
  | { code: "unparseable-key"; place: Place; key: string }
  | { code: "too-many-problems"; place: Place; bound: number };

export type ProblemCode = Problem["code"];

/**
 * A list of problems that stops growing at `NETWORK_LIMITS.maxProblems` and then ends with one
 * `too-many-problems` entry, so a submission with a million bad cells stays cheap to report.
 */
export class ProblemList {
  readonly items: Problem[] = [];
  private full = false;

  add(problem: Problem): void {
    if (this.full) return;
    if (this.items.length < NETWORK_LIMITS.maxProblems) {
      this.items.push(problem);
      return;
    }
    this.full = true;
    this.items.push({ code: "too-many-problems", place: {}, bound: NETWORK_LIMITS.maxProblems });
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  get isFull(): boolean {
    return this.full;
  }
}

/** Names the JSON type of a value for messages: `a string`, `null`, `an object`. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (value instanceof JsonNumber || typeof value === "number" || typeof value === "bigint") {
    return "a number";
  }
  if (typeof value === "string") return "a string";
  if (typeof value === "boolean") return `${value}`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
