import { decodeAttemptCursor, verdictSchema, type Verdict } from "@sawtooth/db";

import { findFilterExercise, unknownExerciseMessage, type FilterExercise } from "./exercise-filter";

/** The query string of the tutors' attempt list as Next.js passes it; a field's first value counts. */
export type AttemptListQuery = Record<string, string | string[] | undefined>;

/** The list's filters after validation; a field is "" when it filters nothing. */
export interface AttemptFilterValues {
  /** The exercise's slug, as in its URL. */
  exercise: string;
  student: string;
  verdict: Verdict | "";
  /** First day, inclusive, as YYYY-MM-DD in UTC. */
  from: string;
  /** Last day, inclusive, as YYYY-MM-DD in UTC. */
  to: string;
  cursor: string;
}

/** The validated filters, the internal exercise id they select, and one message per bad value. */
export interface ParsedAttemptFilter {
  values: AttemptFilterValues;
  exerciseId: string | undefined;
  problems: string[];
}

const FIELDS = ["exercise", "student", "verdict", "from", "to", "cursor"] as const;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates the attempt list's query string. An invalid value filters nothing and gets a message
 * that names the field and the form it expects, so the tutor never sees a silently wider list.
 */
export function parseAttemptFilter(
  query: AttemptListQuery,
  exercises: readonly FilterExercise[],
  students: readonly { id: string }[],
): ParsedAttemptFilter {
  const raw = (field: string) => {
    const value = query[field];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
  const problems: string[] = [];
  const values: AttemptFilterValues = {
    exercise: "",
    student: "",
    verdict: "",
    from: "",
    to: "",
    cursor: "",
  };
  let exerciseId: string | undefined;

  const exerciseValue = raw("exercise");
  if (exerciseValue) {
    const exercise = findFilterExercise(exercises, exerciseValue);
    if (exercise) {
      values.exercise = exercise.slug;
      exerciseId = exercise.id;
    } else {
      problems.push(unknownExerciseMessage(exerciseValue, exercises));
    }
  }

  const student = raw("student");
  if (student) {
    if (students.some((candidate) => candidate.id === student)) values.student = student;
    else
      problems.push(`Student: no student "${student}" in this course; choose one from the list.`);
  }

  const verdict = raw("verdict");
  if (verdict) {
    const parsed = verdictSchema.safeParse(verdict);
    if (parsed.success) values.verdict = parsed.data;
    else problems.push(`Verdict: "${verdict}" is not a verdict; use "correct" or "incorrect".`);
  }

  for (const [field, label] of [
    ["from", "From"],
    ["to", "To"],
  ] as const) {
    const date = raw(field);
    if (!date) continue;
    if (isDate(date)) values[field] = date;
    else
      problems.push(
        `${label}: "${date}" is not a date; use the form YYYY-MM-DD, such as 2026-03-31.`,
      );
  }
  if (values.from && values.to && values.from > values.to) {
    problems.push(`From is after To: ${values.from} comes after ${values.to}; swap the two dates.`);
  }

  const cursor = raw("cursor");
  if (cursor) {
    if (decodeAttemptCursor(cursor)) values.cursor = cursor;
    else
      problems.push(
        `Cursor: "${cursor}" is not a position in this list; follow the "Older attempts" link instead of editing it.`,
      );
  }

  const unknown = Object.keys(query).filter((key) => !(FIELDS as readonly string[]).includes(key));
  for (const key of unknown) {
    problems.push(
      `"${key}" is not a filter of this list, which takes ${FIELDS.join(", ")}; pages follow with the "Older attempts" link.`,
    );
  }

  return { values, exerciseId, problems };
}

/** Returns whether a YYYY-MM-DD text names a real calendar day, so 2026-02-30 is rejected. */
function isDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
