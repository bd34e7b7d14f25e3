import "server-only";

import { listExerciseDefinitions, type Database, type Visibility } from "@sawtooth/db";
import { writeExerciseSettings, type ExerciseSettings } from "@sawtooth/theory";

import { MAX_COURSE_EXERCISE_BYTES, MAX_COURSE_EXERCISES } from "@/lib/course-limits";
import { formatKibibytes, utf8Bytes } from "@/lib/submission-limits";

/**
 * Settings whose fields are the longest an export writes, because "visible" is longer than
 * "hidden" and the maximum JavaScript date has the longest ISO 8601 text (27 characters).
 */
const WIDEST_SETTINGS: ExerciseSettings = {
  visibility: "visible",
  dueDate: new Date(8.64e15).toISOString(),
};

/**
 * Returns the size in bytes that an exercise counts toward `MAX_COURSE_EXERCISE_BYTES`: its file
 * as the export writes it with the widest `visibility` and `dueDate`, which no change of these
 * settings can exceed.
 */
export function exportedExerciseBytes(definition: string): number {
  return utf8Bytes(writeExerciseSettings(definition, WIDEST_SETTINGS));
}

/** An exercise of a course, with its size toward the course limit. */
export interface StoredExerciseSize {
  slug: string;
  visibility: Visibility;
  bytes: number;
}

/** Lists the course's exercises with the size of each one's newest version. */
export async function listExerciseSizes(
  db: Database,
  courseId: string,
): Promise<StoredExerciseSize[]> {
  const exercises = await listExerciseDefinitions(db, courseId);
  return exercises.map(({ slug, visibility, definition }) => ({
    slug,
    visibility,
    bytes: exportedExerciseBytes(definition),
  }));
}

/** The number of exercises of a course and the total of their sizes in bytes. */
export interface CourseSize {
  exercises: number;
  bytes: number;
}

/** Measures a course from the sizes of its exercises, by id. */
export function measureCourse(sizes: ReadonlyMap<string, number>): CourseSize {
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return { exercises: sizes.size, bytes };
}

/**
 * Returns the sentence for a change that takes a course over `MAX_COURSE_EXERCISES` or
 * `MAX_COURSE_EXERCISE_BYTES`, or null within them. A change that does not grow a course that
 * is over a limit already, such as one created before the limits, passes, so that it can still
 * shrink. `fix` describes how to make the files smaller, such as "shorten this exercise".
 */
export function courseSizeProblem(
  before: CourseSize,
  after: CourseSize,
  fix: string,
): string | null {
  if (after.exercises > MAX_COURSE_EXERCISES && after.exercises > before.exercises) {
    return (
      `makes ${after.exercises.toLocaleString("en")} exercises in the course, more than the ` +
      `maximum of ${MAX_COURSE_EXERCISES} for a course: put further exercises into a new course`
    );
  }
  if (after.bytes > MAX_COURSE_EXERCISE_BYTES && after.bytes > before.bytes) {
    return (
      `makes the course's exercise files ${formatKibibytes(after.bytes)}, larger than the ` +
      `maximum of ${formatKibibytes(MAX_COURSE_EXERCISE_BYTES)} for a course, which keeps its ` +
      `export small enough to import: ${fix}`
    );
  }
  return null;
}

/**
 * Checks the course's size with `definition` as the newest version of exercise `slug`, new or
 * edited, and returns the sentence for a course over a limit, or null within them.
 */
export async function checkSavedExerciseSize(
  db: Database,
  courseId: string,
  slug: string,
  definition: string,
): Promise<string | null> {
  const stored = await listExerciseSizes(db, courseId);
  const sizes = new Map(stored.map((exercise) => [exercise.slug, exercise.bytes]));
  const before = measureCourse(sizes);
  sizes.set(slug, exportedExerciseBytes(definition));
  const fix = "shorten this exercise or another one of the course";
  return courseSizeProblem(before, measureCourse(sizes), fix);
}
