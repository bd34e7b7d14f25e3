import { prepareExercise } from "@sawtooth/theory";

import { fieldMessage, formFieldOf, type RowLines } from "./exercise-fields";
import { formToDefinition, rowLineNumbers, type ExerciseForm } from "./exercise-form";
import { MAX_DEFINITION_BYTES, storedExerciseBytes } from "./course-limits";
import { formatKibibytes, utf8Bytes } from "./submission-limits";

export { MAX_DEFINITION_BYTES } from "./course-limits";

/** One problem of the exercise form, placed at the field that shows it. */
export interface FormError {
  /** Dot-separated path in the exercise file; "" for the whole file. */
  path: string;
  /** The form field that shows the problem, or null when only the summary does. */
  key: string | null;
  /** The field's visible label, such as "Breakpoints, line 3". */
  place: string;
  message: string;
}

/** The exercise file the form describes, as JSON text, and every problem of the form. */
export interface CheckedForm {
  definition: string;
  errors: FormError[];
}

/**
 * Checks the whole form in one pass, as the server would: the JSON fields, the engine's
 * validation of the exercise file and the file's size. The self-test is left to the server.
 */
export function checkExerciseForm(form: ExerciseForm): CheckedForm {
  const { definition, problems } = formToDefinition(form);
  const formPaths = problems.map((problem) => problem.path);
  const reportedByForm = (path: string) =>
    formPaths.some((other) => path === other || path.startsWith(`${other}.`));
  const prepared = prepareExercise(definition);
  const engineProblems = prepared.ok
    ? []
    : prepared.problems.filter((problem) => !reportedByForm(problem.path));

  const rowLines: RowLines = {
    points: rowLineNumbers(form.points),
    labelledPoints: rowLineNumbers(form.labelledPoints),
  };
  const errors = [...problems, ...engineProblems].map((problem) => {
    const field = formFieldOf(problem.path, form.targetKind, rowLines);
    const message = fieldMessage(problem.message);
    return { path: problem.path, key: field.key, place: field.label, message };
  });
  const text = JSON.stringify(definition);
  const sizeError = checkSize(form, storedExerciseBytes(definition));
  if (sizeError !== null) errors.push(sizeError);
  return { definition: text, errors: sortByField(errors) };
}

/**
 * Checks the exercise file, as the server stores it, against `MAX_DEFINITION_BYTES` and blames
 * its largest text field.
 */
function checkSize(form: ExerciseForm, fileBytes: number): FormError | null {
  if (fileBytes <= MAX_DEFINITION_BYTES) return null;

  const largest = largestTextField(form);
  const field = formFieldOf(largest.path, form.targetKind);
  const message =
    `is ${formatKibibytes(largest.bytes)}, which makes the exercise file ` +
    `${formatKibibytes(fileBytes)}, larger than the maximum of ` +
    `${formatKibibytes(MAX_DEFINITION_BYTES)}: shorten it`;
  return { path: largest.path, key: field.key, place: field.label, message };
}

function largestTextField(form: ExerciseForm): { path: string; bytes: number } {
  const targetText: Record<string, [string, string]> = {
    points: ["target.points", form.points],
    network: ["target.network", form.targetNetwork],
    polynomial: ["target.coefficients", form.coefficients],
    classification: ["target.points", form.labelledPoints],
  };
  const candidates: [string, string][] = [
    ["title", form.title],
    ["statement", form.statement],
    ["reference", form.reference],
    ...form.knownWrong.map((wrong, index): [string, string] => [
      `knownWrong.${index}.submission`,
      wrong.submission,
    ]),
  ];
  const target = targetText[form.targetKind];
  if (target !== undefined) candidates.push(target);

  let largest = { path: "", bytes: 0 };
  for (const [path, text] of candidates) {
    const bytes = utf8Bytes(text);
    if (bytes > largest.bytes) largest = { path, bytes };
  }
  return largest;
}

/** Form fields in the order the editor shows them, so the summary reads top to bottom. */
const FIELD_ORDER = [
  "id",
  "title",
  "statement",
  "targetKind",
  "domainLo",
  "domainHi",
  "tentVariant",
  "sawtoothK",
  "points",
  "leftSlope",
  "rightSlope",
  "targetNetwork",
  "coefficients",
  "tolerance",
  "labelledPoints",
  "threshold",
  "maxError",
  "piecesRelation",
  "piecesCount",
  "inputs",
  "outputs",
  "numbers",
  "minDepth",
  "maxDepth",
  "maxWidth",
  "maxParameters",
  "activations",
  "outputActivations",
  "scoring",
  "attemptLimit",
  "dueDate",
  "showTargetPlot",
  "showExpectedValues",
  "tags",
  "reference",
];

const KNOWN_WRONG_ORDER = ["name", "finding", "submission"];

function fieldPosition(key: string | null): number {
  if (key === null) return -1;
  const index = FIELD_ORDER.indexOf(key);
  if (index >= 0) return index;
  const [, entry = "0", field = ""] = key.split(".");
  return (
    FIELD_ORDER.length + Number(entry) * KNOWN_WRONG_ORDER.length + KNOWN_WRONG_ORDER.indexOf(field)
  );
}

/** Sorts errors into the form's order; errors of one field keep their order. */
export function sortByField<T extends { key: string | null }>(errors: T[]): T[] {
  return errors
    .map((error, index) => ({ error, index, position: fieldPosition(error.key) }))
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map(({ error }) => error);
}
