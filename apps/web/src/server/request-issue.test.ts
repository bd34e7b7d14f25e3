import { describe, expect, test } from "vitest";
import { z } from "zod";

import { describeIssue } from "./request-issue";

/** Returns the phrase for the first issue of parsing `value` with `schema`. */
function phraseFor(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error("Expected the value to fail the schema.");
  const [issue] = parsed.error.issues;
  if (issue === undefined) throw new Error("Expected an issue.");
  return describeIssue(issue);
}

describe("describeIssue", () => {
  test.each([
    ["a wrong type", z.string(), 3, "must be a string"],
    ["an object expected", z.object({}), null, "must be an object"],
    ["an enum", z.enum(["json", "csv"]), "xml", "must be json or csv"],
    ["a literal", z.literal("a"), "b", "must be a"],
    ["unknown keys", z.strictObject({}), { a: 1, b: 2 }, "has unknown fields (a, b): remove them"],
    [
      "a union of types",
      z.union([z.string(), z.array(z.string())]),
      3,
      "must be a string or an array",
    ],
    [
      "a union of shapes",
      z.union([z.object({ a: z.string() }), z.string()]),
      { a: 3 },
      "matches none of the accepted forms",
    ],
    ["an empty string", z.string().min(1), "", "must not be empty"],
    ["a short string", z.string().min(3), "ab", "must have at least 3 characters"],
    ["a long string", z.string().max(2), "abc", "must have at most 2 characters"],
    ["a long array", z.array(z.number()).max(1), [1, 2], "must have at most 1 item"],
    ["a small number", z.number().min(5), 4, "must be at least 5"],
    ["a large number", z.number().max(5), 6, "must be at most 5"],
    ["a bad format", z.email(), "x", "is invalid"],
  ])("describes %s", (_name, schema, value, phrase) => {
    expect(phraseFor(schema, value)).toBe(phrase);
  });
});
