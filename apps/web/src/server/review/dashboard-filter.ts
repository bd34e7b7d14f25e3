import { progressStatusSchema, type DashboardOptions } from "@sawtooth/db";

import { findFilterExercise, unknownExerciseMessage, type FilterExercise } from "./exercise-filter";

/** The query string of the tutors' dashboard as Next.js passes it; a field's first value counts. */
export type DashboardQuery = Record<string, string | string[] | undefined>;

/** The dashboard's options after validation, and one message per invalid value. */
export interface ParsedDashboardFilter {
  options: DashboardOptions;
  problems: string[];
}

const FIELDS = ["student", "exercise", "status", "sort", "direction"] as const;

const MAX_STUDENT_LENGTH = 200;

const FIXED_SORTS = ["name", "email", "total"] as const;

/**
 * Validates the dashboard's query string. An invalid value falls back to its default (all
 * exercises, any status, by name, ascending) and gets a message that names the field and the
 * values it accepts, so the tutor never sees a silently different table.
 */
export function parseDashboardFilter(
  query: DashboardQuery,
  exercises: readonly FilterExercise[],
): ParsedDashboardFilter {
  const raw = (field: string) => {
    const value = query[field];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
  const problems: string[] = [];
  const options: DashboardOptions = {
    student: "",
    exercise: "",
    status: "",
    sort: "name",
    direction: "asc",
  };

  const student = raw("student");
  if (student.length > MAX_STUDENT_LENGTH) {
    problems.push(
      `Student: the search text has ${student.length} characters; shorten it to ${MAX_STUDENT_LENGTH} or fewer.`,
    );
  } else {
    options.student = student;
  }

  const exerciseValue = raw("exercise");
  if (exerciseValue) {
    const exercise = findFilterExercise(exercises, exerciseValue);
    if (exercise) options.exercise = exercise.slug;
    else problems.push(unknownExerciseMessage(exerciseValue, exercises));
  }

  const status = raw("status");
  if (status) {
    const parsed = progressStatusSchema.safeParse(status);
    if (parsed.success) options.status = parsed.data;
    else
      problems.push(
        `Status: "${status}" is not a status; use "not-tried", "tried" or "solved", or leave it empty for any status.`,
      );
  }

  const sort = raw("sort");
  if (sort) {
    const problem = sortProblem(sort, options.exercise, exercises);
    if (problem) problems.push(problem);
    else options.sort = sort;
  }

  const direction = raw("direction");
  if (direction) {
    if (direction === "asc" || direction === "desc") options.direction = direction;
    else problems.push(`Direction: "${direction}" is not a direction; use "asc" or "desc".`);
  }

  const unknown = Object.keys(query).filter((key) => !(FIELDS as readonly string[]).includes(key));
  for (const key of unknown) {
    problems.push(`"${key}" is not a filter of the dashboard, which takes ${FIELDS.join(", ")}.`);
  }

  return { options, problems };
}

/**
 * Returns the message for a sort key that orders nothing, or undefined for a valid one. A column
 * key must be the slug of a shown exercise, because a hidden column cannot order the rows.
 */
function sortProblem(
  sort: string,
  shownExercise: string,
  exercises: readonly FilterExercise[],
): string | undefined {
  if ((FIXED_SORTS as readonly string[]).includes(sort)) return undefined;
  const accepted = `use ${FIXED_SORTS.map((key) => `"${key}"`).join(", ")} or an exercise id as in its URL`;
  if (!exercises.some((exercise) => exercise.slug === sort)) {
    return `Sort: "${sort}" is not a column; ${accepted}.`;
  }
  if (shownExercise && sort !== shownExercise) {
    return `Sort: the column "${sort}" is not shown while the exercise filter is "${shownExercise}"; sort by "${shownExercise}" or clear the exercise filter.`;
  }
  return undefined;
}
