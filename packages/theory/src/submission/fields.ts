import { z } from "zod";

import { JsonNumber } from "./json";
import { describeType, type Place, type ProblemList } from "./problem";
import { closestName } from "./suggest";

const EXPECTED_TYPES: Record<string, string> = {
  array: "an array",
  object: "an object",
  record: "an object",
  string: "a string",
};

/**
 * Checks that `value` is an object with the fields of `schema` (a strict zod object), that
 * every field in `required` is present, and records one problem per unknown, missing or
 * mistyped field. Returns the object when it passed.
 */
export function checkFields<Shape extends z.core.$ZodLooseShape>(
  value: unknown,
  schema: z.ZodObject<Shape, z.core.$strict>,
  required: readonly (keyof Shape & string)[],
  place: Place,
  problems: ProblemList,
): z.infer<typeof schema> | undefined {
  if (!isRecord(value)) {
    problems.add({
      code: "wrong-type",
      place,
      expected: "an object",
      received: describeType(value),
    });
    return undefined;
  }
  const parsed = schema.safeParse(value);
  const record = value;
  const missing = required.filter((field) => record !== undefined && record[field] === undefined);
  for (const field of missing) problems.add({ code: "missing-field", place, field });
  if (parsed.success) return missing.length === 0 ? parsed.data : undefined;

  const known = Object.keys(schema.shape);
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) addUnknownField(key, known, place, problems);
    } else if (field === undefined) {
      problems.add({
        code: "wrong-type",
        place,
        expected: "an object",
        received: describeType(value),
      });
    } else if (typeof field === "string" && !missing.includes(field)) {
      addFieldIssue(issue, field, record?.[field], place, problems);
    }
  }
  return undefined;
}

function addFieldIssue(
  issue: z.core.$ZodIssue,
  field: string,
  received: unknown,
  place: Place,
  problems: ProblemList,
): void {
  if (received === undefined) {
    problems.add({ code: "missing-field", place, field });
    return;
  }
  const expectedType = issue.code === "invalid_type" ? EXPECTED_TYPES[issue.expected] : undefined;
  const expected = expectedType ?? "a different value";
  problems.add({
    code: "wrong-type",
    place: { ...place, field },
    expected,
    received: describeType(received),
  });
}

function addUnknownField(
  field: string,
  known: string[],
  place: Place,
  problems: ProblemList,
): void {
  const suggestion = closestName(field, known);
  problems.add(
    suggestion === undefined
      ? { code: "unknown-field", place, field }
      : { code: "unknown-field", place, field, suggestion },
  );
}

/** Returns true for a JSON object: not null, an array or a number literal, whatever its prototype. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof JsonNumber)
  );
}
