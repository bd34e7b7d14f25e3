import Fraction from "fraction.js";

import { formatRational } from "../rational";
import { exerciseSchema } from "./schema";
import { exerciseSettingsShape, removeExerciseSettings } from "./settings";

/**
 * Returns whether the exercise file `incoming` defines the same version as the stored definition
 * `stored`, so that saving it keeps the version. The import and the editor both decide with it.
 *
 * The settings fields (`visibility`, `dueDate`) never count. Every other field counts by its
 * meaning: both texts are read with the exercise schema, so key order, layout, defaults written
 * out, `"R"` for `[null, null]` and `"1/2"` for `0.5` make no difference. Networks (the
 * reference, a `network` target and known-wrong submissions) compare as JSON values. A text the
 * schema rejects, such as a definition stored under an older schema, compares as written, with
 * its settings fields removed.
 */
export function sameExerciseVersion(stored: string, incoming: string): boolean {
  return stored === incoming || versionKey(stored) === versionKey(incoming);
}

/** Returns a text that is equal for two exercise files exactly when they define one version. */
function versionKey(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `text ${text}`;
  }
  const parsed = exerciseSchema.safeParse(value);
  if (!parsed.success) {
    const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
    return `text ${isObject ? removeExerciseSettings(text) : text}`;
  }
  const fields: Record<string, unknown> = { ...parsed.data };
  for (const key of Object.keys(exerciseSettingsShape)) delete fields[key];
  // Starts with "{", so it never equals the "text …" key of a rejected file.
  return JSON.stringify(fields, canonicalValue);
}

/** Writes rationals in their reduced form and object keys in sorted order. */
function canonicalValue(_key: string, value: unknown): unknown {
  if (value instanceof Fraction) return formatRational(value);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key];
  return sorted;
}
