/**
 * The exercise editor's form values and their conversion to and from an exercise file. Exact
 * numbers stay text, such as "1/2", because the engine reads them exactly; integer fields become
 * numbers when they look like one and stay text otherwise, so the server's validation names
 * the field instead of the form guessing.
 */

import { describeJsonSyntax } from "./json-syntax";

/** Target kinds of the engine's exercise schema. */
export const TARGET_KINDS = [
  "tent",
  "sawtooth",
  "points",
  "network",
  "polynomial",
  "classification",
  "pieces",
] as const;

export type TargetKind = (typeof TARGET_KINDS)[number];

/** Activation names the constraints may allow. */
export const ACTIVATIONS = ["relu", "identity", "leaky-relu", "abs", "hard-tanh"] as const;

/** One known-wrong submission as the form edits it. */
export interface KnownWrongForm {
  name: string;
  finding: string;
  /** The submission as JSON text. */
  submission: string;
}

/** Every field of the exercise editor, as text, flags and lists. */
export interface ExerciseForm {
  id: string;
  title: string;
  statement: string;
  /** Lower and upper end of the domain; "" for an unbounded end. */
  domainLo: string;
  domainHi: string;
  targetKind: TargetKind;
  tentVariant: "h2" | "h3";
  sawtoothK: string;
  /** One breakpoint "x, y" per line. */
  points: string;
  leftSlope: string;
  rightSlope: string;
  /** The target network as JSON text. */
  targetNetwork: string;
  /** Coefficients from the constant term up, separated by commas. */
  coefficients: string;
  tolerance: string;
  /** One labelled point "x, label" per line. */
  labelledPoints: string;
  threshold: string;
  maxError: string;
  piecesRelation: "at-least" | "exactly";
  piecesCount: string;
  inputs: string;
  outputs: string;
  minDepth: string;
  maxDepth: string;
  maxWidth: string;
  maxParameters: string;
  /** Allowed hidden activations; empty for any. */
  activations: string[];
  /** Allowed output activations; empty for any. */
  outputActivations: string[];
  numbers: "any" | "integer" | "dyadic";
  scoring: "all-or-nothing" | "partial";
  showTargetPlot: boolean;
  showExpectedValues: boolean;
  /** The reference solution as JSON text. */
  reference: string;
  knownWrong: KnownWrongForm[];
  attemptLimit: string;
  /** Comma-separated tags. */
  tags: string;
  /** Due date as `YYYY-MM-DDTHH:mm` in UTC, "" for none. */
  dueDate: string;
}

/** The form of a new exercise: a tent map h2 with blank reference. */
export const EMPTY_FORM: ExerciseForm = {
  id: "",
  title: "",
  statement: "",
  domainLo: "",
  domainHi: "",
  targetKind: "tent",
  tentVariant: "h2",
  sawtoothK: "2",
  points: "",
  leftSlope: "",
  rightSlope: "",
  targetNetwork: "",
  coefficients: "",
  tolerance: "",
  labelledPoints: "",
  threshold: "1/2",
  maxError: "0",
  piecesRelation: "at-least",
  piecesCount: "",
  inputs: "1",
  outputs: "1",
  minDepth: "",
  maxDepth: "",
  maxWidth: "",
  maxParameters: "",
  activations: [],
  outputActivations: [],
  numbers: "any",
  scoring: "all-or-nothing",
  showTargetPlot: true,
  showExpectedValues: true,
  reference: "",
  knownWrong: [],
  attemptLimit: "",
  tags: "",
  dueDate: "",
};

/** A problem the form finds before sending, such as JSON that does not parse. */
export interface FormProblem {
  path: string;
  message: string;
}

type Json = unknown;

function integerOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function exactOrText(text: string): number | string {
  return text.trim();
}

function parseJsonField(text: string, path: string, problems: FormProblem[]): Json {
  if (text.trim() === "") {
    problems.push({ path, message: "is empty: paste the network as JSON" });
    return null;
  }
  try {
    return JSON.parse(text) as Json;
  } catch {
    problems.push({ path, message: describeJsonSyntax(text) });
    return null;
  }
}

function parseRows(text: string): string[][] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => line.split(/[,\s]+/).filter((cell) => cell !== ""));
}

/** Returns the line number, from 1, of each row that `parseRows` reads from a text. */
export function rowLineNumbers(text: string): number[] {
  const lines: number[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() !== "") lines.push(index + 1);
  });
  return lines;
}

function targetOf(form: ExerciseForm, problems: FormProblem[]): Record<string, Json> {
  switch (form.targetKind) {
    case "tent":
      return { kind: "tent", variant: form.tentVariant };
    case "sawtooth":
      return { kind: "sawtooth", k: integerOrText(form.sawtoothK) };
    case "points": {
      const target: Record<string, Json> = { kind: "points", points: parseRows(form.points) };
      if (form.leftSlope.trim() !== "") target["leftSlope"] = exactOrText(form.leftSlope);
      if (form.rightSlope.trim() !== "") target["rightSlope"] = exactOrText(form.rightSlope);
      return target;
    }
    case "network":
      return {
        kind: "network",
        network: parseJsonField(form.targetNetwork, "target.network", problems),
      };
    case "polynomial":
      return {
        kind: "polynomial",
        coefficients: form.coefficients
          .split(",")
          .map((cell) => cell.trim())
          .filter((cell) => cell !== ""),
        tolerance: exactOrText(form.tolerance),
      };
    case "classification":
      return {
        kind: "classification",
        points: parseRows(form.labelledPoints).map(([x = "", label = ""]) => [
          x,
          integerOrText(label),
        ]),
        threshold: exactOrText(form.threshold),
        maxError: exactOrText(form.maxError),
      };
    case "pieces":
      return {
        kind: "pieces",
        relation: form.piecesRelation,
        count: integerOrText(form.piecesCount),
      };
  }
}

function constraintsOf(form: ExerciseForm): Record<string, Json> {
  const constraints: Record<string, Json> = {
    inputs: integerOrText(form.inputs),
    outputs: integerOrText(form.outputs),
  };
  const optional = ["minDepth", "maxDepth", "maxWidth", "maxParameters"] as const;
  for (const key of optional) {
    if (form[key].trim() !== "") constraints[key] = integerOrText(form[key]);
  }
  if (form.activations.length > 0) constraints["activations"] = form.activations;
  if (form.outputActivations.length > 0) constraints["outputActivations"] = form.outputActivations;
  constraints["numbers"] = form.numbers;
  return constraints;
}

/**
 * Builds the exercise file from the form, in the course folder's field order. Returns the
 * problems the form itself can see (JSON fields that do not parse); the server validates the
 * rest.
 */
export function formToDefinition(form: ExerciseForm): {
  definition: Record<string, Json>;
  problems: FormProblem[];
} {
  const problems: FormProblem[] = [];
  const lo = form.domainLo.trim();
  const hi = form.domainHi.trim();
  const definition: Record<string, Json> = {
    id: form.id.trim(),
    title: form.title.trim(),
    statement: form.statement,
    domain: lo === "" && hi === "" ? "R" : [lo === "" ? null : lo, hi === "" ? null : hi],
    target: targetOf(form, problems),
    constraints: constraintsOf(form),
    scoring: { mode: form.scoring },
    reveal: { targetPlot: form.showTargetPlot, expectedValues: form.showExpectedValues },
    reference: parseJsonField(form.reference, "reference", problems),
    knownWrong: form.knownWrong.map((wrong, index) => ({
      name: wrong.name.trim(),
      submission: parseJsonField(wrong.submission, `knownWrong.${index}.submission`, problems),
      finding: wrong.finding,
    })),
  };
  if (form.attemptLimit.trim() !== "")
    definition["attemptLimit"] = integerOrText(form.attemptLimit);
  const tags = form.tags
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  if (tags.length > 0) definition["tags"] = tags;
  return { definition, problems };
}

function text(value: Json): string {
  return value === undefined || value === null ? "" : String(value);
}

function json(value: Json): string {
  return value === undefined ? "" : JSON.stringify(value, null, 2);
}

function rows(value: Json): string {
  return Array.isArray(value)
    ? value.map((row) => (Array.isArray(row) ? row.map(text).join(", ") : text(row))).join("\n")
    : "";
}

function record(value: Json): Record<string, Json> {
  return typeof value === "object" && value !== null ? (value as Record<string, Json>) : {};
}

function stringList(value: Json): string[] {
  return Array.isArray(value) ? value.map(text) : [];
}

/** Fills the form from a stored exercise file; fields the file lacks keep their defaults. */
export function definitionToForm(definition: Json, dueDate: Date | null): ExerciseForm {
  const file = record(definition);
  const target = record(file["target"]);
  const constraints = record(file["constraints"]);
  const reveal = record(file["reveal"]);
  const domain = file["domain"];
  const [lo, hi] = Array.isArray(domain) ? domain : [null, null];
  const kind = TARGET_KINDS.find((candidate) => candidate === target["kind"]) ?? "tent";
  const form: ExerciseForm = {
    ...EMPTY_FORM,
    id: text(file["id"]),
    title: text(file["title"]),
    statement: text(file["statement"]),
    domainLo: text(lo),
    domainHi: text(hi),
    targetKind: kind,
    inputs: text(constraints["inputs"] ?? 1),
    outputs: text(constraints["outputs"] ?? 1),
    minDepth: text(constraints["minDepth"]),
    maxDepth: text(constraints["maxDepth"]),
    maxWidth: text(constraints["maxWidth"]),
    maxParameters: text(constraints["maxParameters"]),
    activations: stringList(constraints["activations"]),
    outputActivations: stringList(constraints["outputActivations"]),
    numbers:
      constraints["numbers"] === "integer" || constraints["numbers"] === "dyadic"
        ? constraints["numbers"]
        : "any",
    scoring: record(file["scoring"])["mode"] === "partial" ? "partial" : "all-or-nothing",
    showTargetPlot: reveal["targetPlot"] !== false,
    showExpectedValues: reveal["expectedValues"] !== false,
    reference: json(file["reference"]),
    knownWrong: (Array.isArray(file["knownWrong"]) ? file["knownWrong"] : []).map((entry) => {
      const wrong = record(entry);
      return {
        name: text(wrong["name"]),
        finding: text(wrong["finding"]),
        submission: json(wrong["submission"]),
      };
    }),
    attemptLimit: text(file["attemptLimit"]),
    tags: stringList(file["tags"]).join(", "),
    dueDate: dueDate === null ? "" : dueDate.toISOString().slice(0, 16),
  };
  if (kind === "tent") form.tentVariant = target["variant"] === "h3" ? "h3" : "h2";
  if (kind === "sawtooth") form.sawtoothK = text(target["k"]);
  if (kind === "points") {
    form.points = rows(target["points"]);
    form.leftSlope = text(target["leftSlope"]);
    form.rightSlope = text(target["rightSlope"]);
  }
  if (kind === "network") form.targetNetwork = json(target["network"]);
  if (kind === "polynomial") {
    form.coefficients = stringList(target["coefficients"]).join(", ");
    form.tolerance = text(target["tolerance"]);
  }
  if (kind === "classification") {
    form.labelledPoints = rows(target["points"]);
    form.threshold = text(target["threshold"] ?? "1/2");
    form.maxError = text(target["maxError"] ?? 0);
  }
  if (kind === "pieces") {
    form.piecesRelation = target["relation"] === "exactly" ? "exactly" : "at-least";
    form.piecesCount = text(target["count"]);
  }
  return form;
}

/** Converts the form's UTC due date to ISO 8601, or "" for none. */
export function dueDateToIso(value: string): string {
  return value.trim() === "" ? "" : `${value}:00.000Z`;
}
