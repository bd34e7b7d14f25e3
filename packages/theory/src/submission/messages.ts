import { NUMBER_LIMITS, type NumberErrorCode } from "../rational";
import type { JsonPath } from "./json";
import type { Place, Problem, SizeLimit } from "./problem";

/**
 * Writes the English sentence a student reads for one problem: where it is, what is wrong
 * and how to fix it. Every problem's wording lives in this file.
 */
export function describeProblem(problem: Problem): string {
  const where = describePlace(problem.place);
  switch (problem.code) {
    case "invalid-json":
      return `${describePosition(problem.place)}: expected ${problem.expected} but found ${problem.received}`;
    case "duplicate-key":
      return describeDuplicateKey(problem.place, problem.key);
    case "too-big":
      return describeTooBig(problem, where);
    case "unknown-format":
      return (
        `the submission is ${problem.received}, which is neither accepted format: expected an ` +
        `object with "layers" (the native format) or a PyTorch state_dict with keys such as ` +
        `"0.weight" and "0.bias"`
      );
    case "unknown-field": {
      const fix =
        problem.suggestion === undefined ? "remove it" : `did you mean "${problem.suggestion}"?`;
      return `${where} has an unknown field "${problem.field}"; ${fix}`;
    }
    case "missing-field":
      return `${where} is missing the field "${problem.field}"${MISSING_FIELD_HINTS[problem.field] ?? ""}`;
    case "wrong-type":
      return `${where} must be ${problem.expected} but is ${problem.received}`;
    case "invalid-number":
      return `${where}: ${describeNumberError(problem.reason, problem.input, problem.bound)}`;
    case "empty-matrix":
      return `${where} are empty: give one row per neuron with one weight per input, e.g. [[1], [1]]`;
    case "ragged-row":
      return (
        `${where} has ${count(problem.received, "entry", "entries")} but row 1 has ` +
        `${problem.expected}: every row needs one weight per input`
      );
    case "expected-matrix":
      return (
        `${where} are ${problem.received} but must be a matrix with one row per neuron and one ` +
        `column per input: write ${problem.suggestions.join(" or ")}`
      );
    case "expected-vector": {
      const fix = problem.suggestion === "[]" ? "" : `: write ${problem.suggestion}`;
      return `${where} are ${problem.received} but must be a flat list with one bias per neuron${fix}`;
    }
    case "weights-shape": {
      const { expected, received } = problem;
      const hint = problem.transposed ? "; did you transpose?" : "";
      return (
        `${where} are ${formatShape(received)} but the layer takes ` +
        `${count(expected.columns, "input")} and has ${count(expected.rows, "neuron")}: ` +
        `expected ${formatShape(expected)}${hint}`
      );
    }
    case "bias-length":
      return (
        `${where} have ${count(problem.received, "entry", "entries")} but the layer's weights have ` +
        `${count(problem.expected, "row")}, one per neuron: expected ${count(problem.expected, "bias", "biases")}`
      );
    case "input-mismatch":
      return (
        `${where} have ${count(problem.received, "column")}, one per input, but layer ` +
        `${(problem.place.layer ?? 1) - 1} has ${count(problem.expected, "neuron")}: expected ` +
        `${count(problem.expected, "column")}`
      );
    case "no-layers":
      return `the network has no layers: give at least one layer with weights and biases`;
    case "unknown-activation": {
      const guess =
        problem.suggestion === undefined ? "" : ` (did you mean "${problem.suggestion}"?)`;
      return `${where}: unknown activation "${problem.input}"${guess}; use one of ${ACTIVATION_LIST}`;
    }
    case "missing-slope":
      return (
        `${where}: "${problem.input}" needs the slope for negative inputs: write ` +
        `"leaky-relu(1/100)" or {"name": "leaky-relu", "slope": "1/100"}`
      );
    case "missing-bias":
      return (
        `${where} has no matching bias "${problem.key.replace(/weight$/, "bias")}": export the ` +
        `layer with bias=True, or add the key with one zero per neuron`
      );
    case "missing-weight":
      return `${where} has no matching weight "${problem.key.replace(/bias$/, "weight")}"`;
    case "non-linear-key":
      return (
        `${where} is not a parameter of nn.Linear: only nn.Linear layers and parameter-free ` +
        `activations such as nn.ReLU can be read, so remove other modules such as BatchNorm`
      );
    case "unparseable-key": {
      const wrap = ACTIVATION_FIELDS.includes(problem.key)
        ? `; to set activations, wrap the state_dict as {"state_dict": {...}, "${problem.key}": ...}`
        : ": export the state_dict of an nn.Sequential of nn.Linear layers";
      return `${where} is not of the form "<index>.weight" or "<index>.bias"${wrap}`;
    }
    case "too-many-problems":
      return `more problems follow; fix these ${problem.bound} first`;
  }
}

const ACTIVATION_FIELDS = ["activation", "outputActivation"];

const ACTIVATION_LIST = `"relu", "identity", "leaky-relu(<slope>)", "abs", "hard-tanh"`;

const MISSING_FIELD_HINTS: Record<string, string> = {
  layers: `: give a list of layers, each with "weights" and "biases"`,
  weights: ": give one row per neuron with one weight per input, e.g. [[1], [1]]",
  biases: ": give one bias per neuron, e.g. [0, 0] for two neurons (write zeros for no bias)",
};

/**
 * Writes where a problem sits: `layer 1 weights, row 2, column 1`, or for a state_dict
 * `layer 1 biases (key "0.bias"), entry 2`.
 */
export function describePlace(place: Place): string {
  let text: string;
  if (place.key !== undefined) {
    const parameter = place.key.endsWith("bias") ? "biases" : "weights";
    text =
      place.layer === undefined
        ? `key "${place.key}"`
        : `layer ${place.layer} ${parameter} (key "${place.key}")`;
  } else if (place.layer !== undefined) {
    text = `layer ${place.layer}` + (place.field === undefined ? "" : ` ${place.field}`);
  } else if (place.field !== undefined) {
    text = place.field;
  } else if (place.path !== undefined) {
    text = formatPath(place.path);
  } else {
    text = "the submission";
  }

  const isBias = place.field === "biases" || place.key?.endsWith("bias") === true;
  if (place.row !== undefined) text += isBias ? `, entry ${place.row}` : `, row ${place.row}`;
  if (place.column !== undefined) text += `, column ${place.column}`;
  return text;
}

/** Writes a JSON path with 0-based indices as in JavaScript: `layers[0].weights`. */
export function formatPath(path: JsonPath): string {
  if (path.length === 0) return "the top level";
  return path
    .map((part, index) => {
      if (typeof part === "number") return `[${part}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(part)) return index === 0 ? part : `.${part}`;
      return `[${JSON.stringify(part)}]`;
    })
    .join("");
}

function describePosition(place: Place): string {
  return `invalid JSON at line ${place.line ?? 1}, column ${place.character ?? 1}`;
}

function describeDuplicateKey(place: Place, key: string): string {
  if (place.line === undefined) {
    return `key "${key}" names the same parameter as another key; keep only one`;
  }
  const within = place.path === undefined ? "" : ` in ${formatPath(place.path)}`;
  return `${describePosition(place)}: duplicate key "${key}"${within}; keep only one`;
}

const LIMIT_NOUNS: Record<SizeLimit, string> = {
  "text-length": "characters",
  "nesting-depth": "levels of nesting",
  layers: "layers",
  neurons: "neurons",
  inputs: "inputs",
  parameters: "weights and biases",
};

function describeTooBig(problem: Extract<Problem, { code: "too-big" }>, where: string): string {
  const { limit, bound, received } = problem;
  const noun = LIMIT_NOUNS[limit];
  switch (limit) {
    case "text-length":
      return `the submission is ${received} characters long, above the limit of ${bound}`;
    case "nesting-depth":
      return `${describePosition(problem.place)}: arrays and objects nest deeper than ${bound} levels`;
    case "layers":
    case "parameters":
      return `the network has ${received} ${noun}, above the limit of ${bound}`;
    case "neurons":
      return `${where} give the layer ${received} ${noun}, above the limit of ${bound} per layer`;
    case "inputs":
      return `${where} have a row with ${received} columns, above the limit of ${bound} ${noun} per layer`;
  }
}

function describeNumberError(
  reason: NumberErrorCode,
  input: string,
  bound: string | undefined,
): string {
  const quoted = JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  switch (reason) {
    case "empty":
      return "the cell is empty; write a number such as 0";
    case "nan":
      return `${quoted} is not a number; write an exact value`;
    case "infinite":
      return `${quoted} is infinite; write a finite value`;
    case "syntax":
      return (
        `${quoted} is not a number; write an integer, a decimal such as 0.5 or -1e-3, or a ` +
        `fraction such as -1/2`
      );
    case "zero-denominator":
      return `${quoted} divides by zero`;
    case "too-long":
      return `${quoted} is longer than ${bound ?? `${NUMBER_LIMITS.maxLength} characters`}`;
    case "too-large":
      return (
        `${quoted} is out of range: exponents may be at most ±${NUMBER_LIMITS.maxExponent}, ` +
        `with ${bound ?? "a bounded numerator and denominator"}`
      );
  }
}

function formatShape(shape: { rows: number; columns: number }): string {
  return `${shape.rows}×${shape.columns}`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
