import { distinctTags } from "@sawtooth/theory";

/**
 * Returns a parsed exercise file whose `tags` list has no repeats, as `distinctTags` decides,
 * or null when the file has no repeated tags and is stored as it is. A `tags` value that is not
 * a list of text is left for the exercise schema to report.
 */
export function withDistinctTags(file: unknown): Record<string, unknown> | null {
  if (typeof file !== "object" || file === null || Array.isArray(file)) return null;
  const record = file as Record<string, unknown>;
  const tags = record["tags"];
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === "string")) return null;
  const distinct = distinctTags(tags);
  return distinct.length === tags.length ? null : { ...record, tags: distinct };
}
