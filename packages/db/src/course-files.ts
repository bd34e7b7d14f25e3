import { readFile } from "node:fs/promises";

import { formatCourseProblem, loadCourse } from "@sawtooth/theory/course";

import { readExerciseColumns } from "./admin/course-import";
import type { ImportedExercise } from "./admin/import-plan";

/** An exercise of a course folder, with its place in the course. */
export interface CourseExerciseFile extends ImportedExercise {
  /** Index in the course, in course.json's order (by file name when it lists none). */
  position: number;
}

/** A course as its folder describes it: `course.json` and the exercise files. */
export interface CourseFolder {
  course: { slug: string; title: string; description: string; acceptLate: boolean };
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
    course: {
      slug: info.slug,
      title: info.title,
      description: info.description,
      acceptLate: info.acceptLate ?? false,
    },
    exercises: await Promise.all(
      exercises.map(async ({ file, prepared }, position) => ({
        ...readExerciseColumns(prepared.exercise, await readFile(file, "utf8")),
        position,
      })),
    ),
  };
}
