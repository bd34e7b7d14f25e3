/** One problem of an exercise definition, with the form field it belongs to. */
export interface FieldProblem {
  /** Dot-separated path in the exercise file, such as `knownWrong.1.finding`; "" for the whole. */
  path: string;
  /** The field's label in the exercise form, such as "Known-wrong submission 2: finding". */
  field: string;
  message: string;
}

const FIELD_LABELS: Record<string, string> = {
  id: "Exercise id",
  title: "Title",
  statement: "Statement",
  domain: "Domain",
  target: "Target",
  constraints: "Constraints",
  scoring: "Scoring",
  reveal: "What students see",
  reference: "Reference solution",
  knownWrong: "Known-wrong submissions",
  attemptLimit: "Attempt limit",
  tags: "Tags",
  dueDate: "Due date",
};

/**
 * Names the form field of an exercise file's field path, counting list entries from 1 as the
 * form does: `knownWrong.0.submission` is "Known-wrong submission 1: submission".
 */
export function fieldLabel(path: string): string {
  const [head = "", ...rest] = path.split(".");
  if (head === "") return "Exercise file";
  if (head === "knownWrong" && rest[0] !== undefined && /^\d+$/.test(rest[0])) {
    const [index, ...inner] = rest;
    const label = `Known-wrong submission ${Number(index) + 1}`;
    return inner.length > 0 ? `${label}: ${inner.join(".")}` : label;
  }
  const label = FIELD_LABELS[head] ?? head;
  const inner = rest.map((part) => (/^\d+$/.test(part) ? `${Number(part) + 1}` : part));
  return inner.length > 0 ? `${label}: ${inner.join(" ")}` : label;
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
export function toFieldProblem(path: string, message: string): FieldProblem {
  return { path, field: fieldLabel(path), message: fieldMessage(message) };
}
