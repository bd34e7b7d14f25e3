import type { Network } from "../network/network";
import { isRecord } from "./fields";
import { parseJson, type JsonError } from "./json";
import { readNativeNetwork } from "./native";
import { ProblemList, describeType, type Problem } from "./problem";
import { readStateDictNetwork, type LayerMapping } from "./state-dict";
import { closestName } from "./suggest";

export type SubmissionFormat = "native" | "state-dict";

/** A network read from a submission, or every problem found (at most `maxProblems` + 1). */
export type SubmissionResult =
  | {
      ok: true;
      network: Network;
      format: SubmissionFormat;
      /** For a state_dict, which module index became which layer. */
      mapping?: LayerMapping[];
      /** Assumptions and changes the reader made, e.g. "stripped prefix module.". */
      notes: string[];
    }
  | { ok: false; problems: Problem[] };

const STATE_DICT_KEY = /\.(?:weight|bias)$/;

/**
 * Reads a submission in either format: JSON text, or a value already parsed (a form's object
 * whose numbers may be JavaScript numbers or strings). The native format has `layers`; a
 * state_dict has keys ending in `.weight` or `.bias`, or sits under `state_dict`.
 */
export function readSubmission(input: unknown): SubmissionResult {
  const problems = new ProblemList();
  const value = toValue(input, problems);
  if (value === undefined) return { ok: false, problems: problems.items };

  const format = detectFormat(value);
  if (format === "native") return readNative(value);
  if (format === "state-dict") return readStateDict(value);
  const problem: Problem = { code: "unknown-format", place: {}, received: describeValue(value) };
  return { ok: false, problems: [problem] };
}

/** Returns the format a parsed value is written in, or undefined when it fits neither. */
export function detectFormat(value: unknown): SubmissionFormat | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.includes("layers")) return "native";
  if (keys.includes("state_dict") || keys.some((key) => STATE_DICT_KEY.test(key))) {
    return "state-dict";
  }
  // A misspelt "layers" still reads as native, so the student learns which field is wrong.
  return keys.some((key) => closestName(key, ["layers"]) !== undefined) ? "native" : undefined;
}

/** Reads the native format from JSON text or a parsed value. */
export function readNative(input: unknown): SubmissionResult {
  const problems = new ProblemList();
  const value = toValue(input, problems);
  const network = value === undefined ? undefined : readNativeNetwork(value, problems);
  if (network === undefined) return { ok: false, problems: problems.items };
  return { ok: true, network, format: "native", notes: [] };
}

/** Reads a PyTorch state_dict from JSON text or a parsed value. */
export function readStateDict(input: unknown): SubmissionResult {
  const problems = new ProblemList();
  const value = toValue(input, problems);
  const read = value === undefined ? undefined : readStateDictNetwork(value, problems);
  if (read === undefined) return { ok: false, problems: problems.items };
  return { ok: true, format: "state-dict", ...read };
}

/** Parses text as JSON; passes any other value through unchanged. */
function toValue(input: unknown, problems: ProblemList): unknown {
  if (typeof input !== "string") return input;
  const parsed = parseJson(input);
  if (parsed.ok) return parsed.value;
  problems.add(jsonProblem(parsed.error));
  return undefined;
}

/** Converts a JSON syntax or limit error into a problem. */
export function jsonProblem(error: JsonError): Problem {
  const place = { line: error.line, character: error.column };
  switch (error.code) {
    case "syntax":
      return { code: "invalid-json", place, expected: error.expected, received: error.received };
    case "too-long":
      return {
        code: "too-big",
        place,
        limit: "text-length",
        bound: error.bound,
        received: error.received,
      };
    case "too-deep":
      return {
        code: "too-big",
        place,
        limit: "nesting-depth",
        bound: error.bound,
        received: error.bound + 1,
      };
    case "duplicate-key":
      return { code: "duplicate-key", place: { ...place, path: error.path }, key: error.key };
  }
}

function describeValue(value: unknown): string {
  if (!isRecord(value)) return describeType(value);
  const keys = Object.keys(value);
  if (keys.length === 0) return "an empty object";
  const displayed = keys.slice(0, 5).map((key) => JSON.stringify(key));
  if (keys.length > 5) displayed.push("…");
  return `an object with the fields ${displayed.join(", ")}`;
}
