import {
  commonPrefix,
  describeProblem,
  formatRational,
  jsonProblem,
  JsonNumber,
  parseJson,
  readSubmission,
  type Activation,
  type ActivationName,
  type LayerMapping,
  type Network,
  type SubmissionFormat,
} from "@sawtooth/theory";

import { submissionSizeProblem, utf8Bytes } from "@/lib/submission-limits";

import {
  ACTIVATION_NAMES,
  DEFAULT_SLOPE,
  type ActivationChoice,
  type EditorState,
  type LayerCells,
} from "./editor-state";

/** Writes the editor as native-format JSON, every cell a string exactly as typed. */
export function toNativeJson(state: EditorState): string {
  const layers = state.layers.map(
    (layer) =>
      `    {\n      "weights": ${formatMatrix(layer.weights)},\n` +
      `      "biases": ${JSON.stringify(layer.biases).replaceAll('","', '", "')}\n    }`,
  );
  return [
    "{",
    `  "layers": [\n${layers.join(",\n")}\n  ],`,
    `  "activation": ${formatActivationChoice(state.activation)},`,
    `  "outputActivation": ${formatActivationChoice(state.outputActivation)}`,
    "}",
  ].join("\n");
}

/** Writes a matrix on one line, `[["1"], ["1"]]`, or one row per line when that is too long. */
function formatMatrix(rows: string[][]): string {
  const written = rows.map((row) => JSON.stringify(row).replaceAll('","', '", "'));
  const inline = `[${written.join(", ")}]`;
  if (inline.length <= 72) return inline;
  return `[\n        ${written.join(",\n        ")}\n      ]`;
}

function formatActivationChoice(choice: ActivationChoice): string {
  if (choice.name !== "leaky-relu") return JSON.stringify(choice.name);
  return `{ "name": "leaky-relu", "slope": ${JSON.stringify(choice.slope)} }`;
}

/** The editor rebuilt from JSON text, with the format the engine detected. */
export type EditorReading =
  | {
      ok: true;
      state: EditorState;
      /** Undefined when the engine rejects the network but its grids could still be read. */
      format?: SubmissionFormat;
      mapping?: LayerMapping[];
    }
  /** Sentences from the engine, e.g. invalid JSON with its line and column. */
  | { ok: false; messages: string[] };

/**
 * Rebuilds the editor from JSON text in either submission format, keeping each cell's text as
 * written. A network the engine reads gets its activations from the engine. A native network
 * with bad cells (such as "abc") but consistent shapes still fills the grids, so the bad cells
 * can be marked in place. Anything else returns the engine's messages. A text over the server's
 * size limit is not read, so its only message is that limit, not the engine's larger one.
 */
export function editorFromJson(text: string): EditorReading {
  const sizeProblem = submissionSizeProblem(utf8Bytes(text));
  if (sizeProblem !== null) return { ok: false, messages: [sizeProblem] };

  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, messages: [describeProblem(jsonProblem(parsed.error))] };

  const read = readSubmission(parsed.value);
  if (read.ok) {
    const raw = rawLayers(parsed.value, read.format, read.mapping);
    if (raw !== undefined && isRecord(parsed.value)) {
      const state = stateOf(raw, parsed.value, read.network);
      return { ok: true, state, format: read.format, ...mappingOf(read.mapping) };
    }
  }

  const native = nativeGrids(parsed.value);
  if (native !== undefined) return { ok: true, state: native };
  const problems = read.ok ? [] : read.problems;
  return { ok: false, messages: problems.map(describeProblem) };
}

function mappingOf(mapping: LayerMapping[] | undefined): { mapping?: LayerMapping[] } {
  return mapping === undefined ? {} : { mapping };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Returns a JSON number or string cell as text; undefined for anything else. */
function cellText(value: unknown): string | undefined {
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** Reads a list of cells as text; undefined when it is not a list of numbers and strings. */
function vectorText(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const cells = value.map(cellText);
  return cells.every((c) => c !== undefined) ? (cells as string[]) : undefined;
}

function matrixText(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  const rows = value.map(vectorText);
  return rows.every((r) => r !== undefined) ? (rows as string[][]) : undefined;
}

function layerText(weights: unknown, biases: unknown): LayerCells | undefined {
  const w = matrixText(weights);
  const b = vectorText(biases);
  return w === undefined || b === undefined ? undefined : { weights: w, biases: b };
}

/**
 * Finds the raw weight and bias values of each layer the engine read, in layer order, so the
 * grids show the text as written (`-0.5` stays `-0.5`, not `-1/2`).
 */
function rawLayers(
  value: unknown,
  format: SubmissionFormat,
  mapping: LayerMapping[] | undefined,
): LayerCells[] | undefined {
  if (!isRecord(value)) return undefined;
  if (format === "native") {
    if (!Array.isArray(value["layers"])) return undefined;
    return allDefined(
      value["layers"].map((layer) =>
        isRecord(layer) ? layerText(layer["weights"], layer["biases"]) : undefined,
      ),
    );
  }
  const dict = isRecord(value["state_dict"]) ? value["state_dict"] : value;
  const prefix = commonPrefix(Object.keys(dict));
  return allDefined(
    (mapping ?? []).map(({ key }) =>
      layerText(dict[`${prefix}${key}.weight`], dict[`${prefix}${key}.bias`]),
    ),
  );
}

function allDefined<T>(items: (T | undefined)[]): T[] | undefined {
  return items.every((item) => item !== undefined) ? (items as T[]) : undefined;
}

/** Takes the activations as written where possible, so a slope typed `0.1` stays `0.1`. */
function stateOf(
  layers: LayerCells[],
  fields: Record<string, unknown>,
  network: Network,
): EditorState {
  return {
    layers,
    activation: readChoice(fields["activation"], "relu") ?? choiceOf(network.activation),
    outputActivation:
      readChoice(fields["outputActivation"], "identity") ?? choiceOf(network.outputActivation),
  };
}

function choiceOf(activation: Activation): ActivationChoice {
  const slope = activation.name === "leaky-relu" ? formatRational(activation.slope) : DEFAULT_SLOPE;
  return { name: activation.name, slope };
}

/**
 * Reads native-format grids whose shapes fit together (each layer takes as many inputs as the
 * layer before has neurons) without checking the cells, for a network the engine rejects only
 * because of bad cells. Undefined when the shapes or the activations cannot be shown as grids.
 */
function nativeGrids(value: unknown): EditorState | undefined {
  if (!isRecord(value) || !Array.isArray(value["layers"]) || value["layers"].length === 0) {
    return undefined;
  }
  const layers = allDefined(
    value["layers"].map((layer) =>
      isRecord(layer) ? layerText(layer["weights"], layer["biases"]) : undefined,
    ),
  );
  if (layers === undefined || !shapesFit(layers)) return undefined;

  const activation = readChoice(value["activation"], "relu");
  const outputActivation = readChoice(value["outputActivation"], "identity");
  if (activation === undefined || outputActivation === undefined) return undefined;
  return { layers, activation, outputActivation };
}

function shapesFit(layers: LayerCells[]): boolean {
  let inputs = layers[0]?.weights[0]?.length ?? 0;
  if (inputs === 0) return false;
  for (const { weights, biases } of layers) {
    if (weights.length === 0 || weights.length !== biases.length) return false;
    if (weights.some((row) => row.length !== inputs)) return false;
    inputs = weights.length;
  }
  return true;
}

const LEAKY_TEXT = /^leaky-relu\((.*)\)$/;

/**
 * Reads an activation as the native format writes it (`"relu"`, `"leaky-relu(1/10)"` or
 * `{"name": "leaky-relu", "slope": "1/10"}`), keeping the slope's text even when it is invalid.
 */
function readChoice(value: unknown, fallback: ActivationName): ActivationChoice | undefined {
  if (value === undefined) return { name: fallback, slope: DEFAULT_SLOPE };
  if (typeof value === "string") {
    const text = value.trim().toLowerCase().replaceAll("_", "-");
    const leaky = LEAKY_TEXT.exec(text);
    if (leaky) return { name: "leaky-relu", slope: leaky[1] ?? "" };
    const name = ACTIVATION_NAMES.find((n) => n === text);
    return name === undefined ? undefined : { name, slope: DEFAULT_SLOPE };
  }
  if (isRecord(value) && typeof value["name"] === "string") {
    const choice = readChoice(value["name"], fallback);
    const slope = cellText(value["slope"]);
    if (choice?.name === "leaky-relu" && slope !== undefined) return { ...choice, slope };
    return choice;
  }
  return undefined;
}
