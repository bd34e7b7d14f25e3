import Fraction from "fraction.js";

import { formatRational } from "../rational";
import { exerciseSchema } from "./schema";
import { exerciseSettingsShape, removeExerciseSettings } from "./settings";

/**
 * Fields of an exercise file that only word the exercise. Grading and the student's feedback
 * never read them, so changing them edits the newest version in place instead of adding one.
 */
export const EXERCISE_WORDING_FIELDS = ["title", "statement", "tags"] as const;

/**
 * Change that saving an exercise file makes, compared with the stored definition: "none" (at most
 * the layout or the settings fields), "wording" (only {@link EXERCISE_WORDING_FIELDS}, stored
 * in place on the newest version) or "version" (anything grading or feedback depends on, stored
 * as a new version). The import and the editor both decide with it.
 *
 * The settings fields (`visibility`, `dueDate`) never count. Every other field counts by its
 * meaning: both texts are read with the exercise schema, so key order, layout, defaults written
 * out, `"R"` for `[null, null]` and `"1/2"` for `0.5` make no difference. Networks (the
 * reference, a `network` target and known-wrong submissions) compare as JSON values. A text the
 * schema rejects, such as a definition stored under an older schema, compares as written, with
 * its settings fields removed, and any difference in it counts as "version".
 */
export function exerciseFileChange(
  stored: string,
  incoming: string,
): "none" | "wording" | "version" {
  if (stored === incoming) return "none";
  if (exerciseVersionKey(stored) !== exerciseVersionKey(incoming)) return "version";
  return versionKey(stored, SETTING_KEYS) === versionKey(incoming, SETTING_KEYS)
    ? "none"
    : "wording";
}

/**
 * Returns whether the exercise file `incoming` defines the same version as the stored definition
 * `stored`, so that saving it keeps the version: {@link exerciseFileChange} finds no change or
 * a change of wording only.
 */
export function sameExerciseVersion(stored: string, incoming: string): boolean {
  return exerciseFileChange(stored, incoming) !== "version";
}

/** A field of {@link EXERCISE_WORDING_FIELDS}. */
export type ExerciseWordingField = (typeof EXERCISE_WORDING_FIELDS)[number];

/**
 * Lists the wording fields whose meaning differs between two exercise files, compared as
 * {@link exerciseFileChange} compares them. Returns an empty list when either text is not an
 * exercise that the schema accepts, because then the wording cannot be separated from the rest.
 */
export function changedWordingFields(stored: string, incoming: string): ExerciseWordingField[] {
  const before = parseExercise(stored);
  const after = parseExercise(incoming);
  if (before === null || after === null) return [];
  return EXERCISE_WORDING_FIELDS.filter(
    (field) =>
      JSON.stringify(before[field], canonicalValue) !==
      JSON.stringify(after[field], canonicalValue),
  );
}

function parseExercise(text: string): Record<string, unknown> | null {
  try {
    const parsed = exerciseSchema.safeParse(JSON.parse(text));
    return parsed.success ? { ...parsed.data } : null;
  } catch {
    return null;
  }
}

/**
 * Returns a text that is equal for two exercise files exactly when they define the same
 * version, as {@link exerciseFileChange} decides: wording and settings do not count. Comparing
 * the keys of many stored versions parses each one once instead of once per pair.
 */
export function exerciseVersionKey(text: string): string {
  return versionKey(text, [...SETTING_KEYS, ...EXERCISE_WORDING_FIELDS]);
}

const SETTING_KEYS: readonly string[] = Object.keys(exerciseSettingsShape);

/**
 * Returns a text that is equal for two exercise files exactly when they agree in every field
 * but the `ignored` ones. A file the schema rejects keeps its wording, so only its settings
 * fields are ignored.
 */
function versionKey(text: string, ignored: readonly string[]): string {
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
  for (const key of ignored) delete fields[key];
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
