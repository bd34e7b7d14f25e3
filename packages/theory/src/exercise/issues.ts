import type { z } from "zod";

/**
 * Writes the message, naming the fix, of a zod issue in an exercise file or course.json that
 * the schema gives no message of its own. Returns undefined, which keeps zod's message, for the
 * other kinds of issue.
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input === undefined && issue.code === "invalid_type") return "is missing";
  switch (issue.code) {
    case "unrecognized_keys": {
      const keys = issue.keys.map((key) => JSON.stringify(key)).join(", ");
      return `has the unknown field ${keys}: remove it or correct its spelling`;
    }
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_type":
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      return issue.origin === "array" ? "needs at least one entry: add one" : undefined;
    default:
      return undefined;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: "text in quotes",
  number: "a number",
  boolean: "true or false",
  array: "a list [ … ]",
  tuple: "a list [ … ]",
  object: "an object { … }",
};
