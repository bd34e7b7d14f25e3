import type { z } from "zod";

/** Returns "a string" for `string`, "an object" for `object` and so on. */
function typeNoun(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Returns "a, b or c" for `["a", "b", "c"]`. */
function listWithOr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** Returns `bound` with the unit of `origin` ("3 characters", "1 item"), or null for a number. */
function sizeOf(origin: string, bound: number | bigint): string | null {
  let unit: string;
  if (origin === "string") {
    unit = "character";
  } else if (origin === "array") {
    unit = "item";
  } else {
    return null;
  }
  return `${bound} ${unit}${Number(bound) === 1 ? "" : "s"}`;
}

/**
 * Describes a failed check of a request schema as a phrase that follows the place it names,
 * such as "must be a string" or "must be json or csv". zod's own messages ("Invalid input:
 * expected string, received object") are written for programmers, and some of them name no bound.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `must be ${typeNoun(issue.expected)}`;
    case "invalid_value":
      return `must be ${listWithOr(issue.values.map(String))}`;
    case "unrecognized_keys":
      return `has unknown fields (${issue.keys.join(", ")}): remove them`;
    case "invalid_union": {
      const expected = issue.errors.flatMap((branch) =>
        branch[0]?.code === "invalid_type" && branch[0].path.length === 0
          ? [typeNoun(branch[0].expected)]
          : [],
      );
      return expected.length === issue.errors.length && expected.length > 0
        ? `must be ${listWithOr(expected)}`
        : "matches none of the accepted forms";
    }
    case "too_small": {
      const size = sizeOf(issue.origin, issue.minimum);
      if (size === null) return `must be at least ${issue.minimum}`;
      return Number(issue.minimum) === 1 ? "must not be empty" : `must have at least ${size}`;
    }
    case "too_big": {
      const size = sizeOf(issue.origin, issue.maximum);
      return size === null ? `must be at most ${issue.maximum}` : `must have at most ${size}`;
    }
    default:
      return "is invalid";
  }
}
