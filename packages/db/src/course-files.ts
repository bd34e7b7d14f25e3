import { readFile } from "node:fs/promises";

import { formatCourseProblem, loadCourse } from "@sawtooth/theory/course";

/** An exercise of a course folder, reduced to what the database keeps in columns. */
export interface CourseExerciseFile {
  /** The exercise id, used as `Exercise.slug`. */
  slug: string;
  title: string;
  /** Index in the course, in course.json's order (by file name when it lists none). */
  position: number;
  attemptLimit: number | null;
  showTarget: boolean;
  /** The file's text, stored unchanged as the exercise version's definition. */
  definition: string;
}

/** A course as its folder describes it: `course.json` and the exercise files. */
export interface CourseFolder {
  course: { slug: string; title: string; description: string };
  exercises: CourseExerciseFile[];
}

/**
 * Loads a course folder with the engine's loader, which validates every exercise file and grades
 * its reference and known-wrong submissions. Throws an error listing every problem it found.
 * The folder defaults to the lecture's course.
 */
export async function loadCourseFolder(folder?: string): Promise<CourseFolder> {
  const result = await loadCourse(folder);
  if (!result.ok) {
    const problems = result.problems.map((problem) => `  ${formatCourseProblem(problem)}`);
    throw new Error(`Invalid course folder ${folder ?? "(default)"}:\n${problems.join("\n")}`);
  }

  const { info, exercises } = result.course;
  return {
    course: { slug: info.slug, title: info.title, description: info.description },
    exercises: await Promise.all(
      exercises.map(async ({ file, prepared }, position) => ({
        slug: prepared.exercise.id,
        title: prepared.exercise.title,
        position,
        attemptLimit: prepared.exercise.attemptLimit ?? null,
        showTarget: prepared.exercise.reveal.targetPlot,
        definition: await readFile(file, "utf8"),
      })),
    ),
  };
}
