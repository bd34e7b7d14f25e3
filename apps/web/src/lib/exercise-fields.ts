/** One problem of an exercise definition, with the form field it belongs to. */
export interface FieldProblem {
  /** Dot-separated path in the exercise file, such as `knownWrong.1.finding`; "" for the whole. */
  path: string;
  /** The field's label in the exercise form, such as "Known-wrong submission 2, name". */
  field: string;
  message: string;
}

/** A form field of the exercise editor that a problem belongs to, with its visible label. */
export interface FormField {
  /**
   * The key of the field in the form (`reference`, `domainLo`, `knownWrong.1.submission`), or
   * null for a problem that no single field shows, such as one about the whole file.
   */
  key: string | null;
  /** The field's visible label, with the line or entry: "Breakpoints, line 3". */
  label: string;
}

/**
 * Line numbers of the rows of the form's multi-line fields, as the form splits them, so a
 * problem in the third row names the line it is on even after blank lines.
 */
export type RowLines = Partial<Record<"points" | "labelledPoints", number[]>>;

const TOP_FIELDS: Record<string, FormField> = {
  "": { key: null, label: "Exercise file" },
  id: { key: "id", label: "Exercise id" },
  title: { key: "title", label: "Title" },
  statement: { key: "statement", label: "Statement" },
  domain: { key: "domainLo", label: "Domain" },
  "domain.0": { key: "domainLo", label: "Domain, lower end" },
  "domain.1": { key: "domainHi", label: "Domain, upper end" },
  target: { key: "targetKind", label: "Target" },
  "target.kind": { key: "targetKind", label: "Target kind" },
  constraints: { key: null, label: "Constraints" },
  "constraints.inputs": { key: "inputs", label: "Inputs" },
  "constraints.outputs": { key: "outputs", label: "Outputs" },
  "constraints.minDepth": { key: "minDepth", label: "Minimum depth" },
  "constraints.maxDepth": { key: "maxDepth", label: "Maximum depth" },
  "constraints.maxWidth": { key: "maxWidth", label: "Maximum width" },
  "constraints.maxParameters": { key: "maxParameters", label: "Maximum parameters" },
  "constraints.activations": { key: "activations", label: "Hidden activations allowed" },
  "constraints.outputActivations": {
    key: "outputActivations",
    label: "Output activations allowed",
  },
  "constraints.numbers": { key: "numbers", label: "Numbers" },
  scoring: { key: "scoring", label: "Scoring" },
  "scoring.mode": { key: "scoring", label: "Scoring" },
  reveal: { key: null, label: "What students see" },
  "reveal.targetPlot": { key: "showTargetPlot", label: "Show the target plot to students" },
  "reveal.expectedValues": {
    key: "showExpectedValues",
    label: "Show the expected value at a counterexample",
  },
  reference: { key: "reference", label: "Reference solution" },
  knownWrong: { key: null, label: "Known-wrong submissions" },
  attemptLimit: { key: "attemptLimit", label: "Attempt limit" },
  tags: { key: "tags", label: "Tags" },
  dueDate: { key: "dueDate", label: "Due date (UTC)" },
};

/** Fields of each target kind, by their name in the file's `target` object. */
const TARGET_FIELDS: Record<string, Record<string, FormField>> = {
  tent: { variant: { key: "tentVariant", label: "Tent variant" } },
  sawtooth: { k: { key: "sawtoothK", label: "Sawtooth k" } },
  points: {
    points: { key: "points", label: "Breakpoints" },
    leftSlope: { key: "leftSlope", label: "Left slope" },
    rightSlope: { key: "rightSlope", label: "Right slope" },
  },
  network: { network: { key: "targetNetwork", label: "Target network" } },
  polynomial: {
    coefficients: { key: "coefficients", label: "Coefficients" },
    tolerance: { key: "tolerance", label: "Tolerance" },
  },
  classification: {
    points: { key: "labelledPoints", label: "Labelled points" },
    threshold: { key: "threshold", label: "Threshold" },
    maxError: { key: "maxError", label: "Maximum error" },
  },
  pieces: {
    relation: { key: "piecesRelation", label: "Piece count relation" },
    count: { key: "piecesCount", label: "Piece count" },
  },
};

const KNOWN_WRONG_FIELDS: Record<string, string> = {
  name: "name",
  submission: "submission",
  finding: "finding it must produce",
};

/**
 * Names the form field of an exercise file's field path, counting rows and list entries from 1
 * as the form shows them: `target.points.2.0` of a `points` target is "Breakpoints, line 3".
 * `targetKind` is the file's target kind, which decides what `target.points` is.
 */
export function formFieldOf(path: string, targetKind?: string, rowLines: RowLines = {}): FormField {
  const exact = TOP_FIELDS[path];
  if (exact !== undefined) return exact;
  const [head = "", second, third, ...rest] = path.split(".");

  if (head === "target" && second !== undefined) {
    const field = TARGET_FIELDS[targetKind ?? ""]?.[second];
    if (field === undefined) return { key: "targetKind", label: `Target, ${second}` };
    if (third === undefined || !/^\d+$/.test(third)) return field;
    const row = Number(third);
    if (field.key === "coefficients") return { ...field, label: `Coefficients, entry ${row + 1}` };
    const line = rowLines[field.key as keyof RowLines]?.[row] ?? row + 1;
    return { ...field, label: `${field.label}, line ${line}` };
  }
  if (head === "knownWrong" && second !== undefined && /^\d+$/.test(second)) {
    const label = `Known-wrong submission ${Number(second) + 1}`;
    const inner = third === undefined ? undefined : KNOWN_WRONG_FIELDS[third];
    if (inner === undefined) return { key: null, label };
    return { key: `knownWrong.${second}.${third}`, label: `${label}, ${inner}` };
  }
  const parent = TOP_FIELDS[[head, second].filter((part) => part !== undefined).join(".")];
  if (parent !== undefined) return parent;
  return TOP_FIELDS[head] ?? { key: null, label: [head, second, third, ...rest].join(" ") };
}

/** Returns the visible label of the form field of an exercise file's field path. */
export function fieldLabel(path: string, targetKind?: string): string {
  return formFieldOf(path, targetKind).label;
}

/**
 * Rewrites zod's default messages for the mistakes a form makes most often into what to do,
 * and keeps every other message as it is.
 */
export function fieldMessage(message: string): string {
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) {
    return "is empty: enter a value";
  }
  if (/^Invalid input: expected number, received/.test(message)) {
    return "must be a number: enter digits only";
  }
  if (/^Too small: expected number to be >=1$/.test(message)) {
    return "must be 1 or more";
  }
  if (/^Too small: expected array to have >=1 items?$/.test(message)) {
    return "needs at least one entry: add one";
  }
  if (/^Invalid input: expected int, received number$/.test(message)) {
    return "must be a whole number";
  }
  return message;
}

/** Builds a {@link FieldProblem} from a path and the validator's message. */
export function toFieldProblem(path: string, message: string, targetKind?: string): FieldProblem {
  return { path, field: fieldLabel(path, targetKind), message: fieldMessage(message) };
}
