import "server-only";

import { listExerciseDefinitions, type Database, type Visibility } from "@sawtooth/db";

import { MAX_COURSE_EXERCISE_BYTES, MAX_COURSE_EXERCISES } from "@/lib/course-limits";
import { exportedExerciseBytes, type EditorCourseSize } from "@/lib/exercise-size";
import { formatKibibytes } from "@/lib/submission-limits";

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

/**
 * Measures the course for the exercise editor of exercise `slug`, or of a new exercise when
 * `slug` is null: the other exercises' count and size, and the stored exercise's own size.
 */
export async function measureCourseForEditor(
  db: Database,
  courseId: string,
  slug: string | null,
): Promise<EditorCourseSize> {
  const stored = await listExerciseSizes(db, courseId);
  const others = stored.filter((exercise) => exercise.slug !== slug);
  return {
    otherExercises: others.length,
    otherBytes: others.reduce((total, exercise) => total + exercise.bytes, 0),
    storedBytes: stored.find((exercise) => exercise.slug === slug)?.bytes ?? 0,
  };
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
