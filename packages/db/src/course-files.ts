import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { z } from "zod";

import { findRepositoryRoot } from "./location";

/** An exercise read from a course folder, reduced to what the database keeps in columns. */
export interface CourseExerciseFile {
  /** The exercise id, used as `Exercise.slug`. */
  slug: string;
  title: string;
  /** Index of the file in name order, so files can be ordered by a numeric name prefix. */
  position: number;
  attemptLimit: number | null;
  showTarget: boolean;
  /** The file's text, stored unchanged as the exercise version's definition. */
  definition: string;
}

// TODO: replace this partial schema with the engine's exercise schema and course loader from
// @sawtooth/theory once its course folder lands, so seeding rejects every file the engine would.
const exerciseFileSchema = z.looseObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case words joined by hyphens"),
  title: z.string().min(1),
  statement: z.string().min(1),
  attemptLimit: z.number().int().min(1).optional(),
  reveal: z.looseObject({ targetPlot: z.boolean().optional() }).optional(),
});

/** Folder of the lecture's exercise files: `packages/theory/course` in the repository. */
export function defaultCourseFolder(root: string = findRepositoryRoot()): string {
  return path.join(root, "packages", "theory", "course");
}

/**
 * Reads every `*.json` file of `folder` in name order. A missing folder gives an empty list; an
 * invalid file or a repeated exercise id throws an error naming the file.
 */
export async function loadCourseExercises(folder: string): Promise<CourseExerciseFile[]> {
  if (!existsSync(folder)) {
    return [];
  }
  const names = (await readdir(folder)).filter((name) => name.endsWith(".json")).sort();
  const exercises: CourseExerciseFile[] = [];
  for (const [position, name] of names.entries()) {
    const file = path.join(folder, name);
    const exercise = parseExerciseFile(file, await readFile(file, "utf8"), position);
    if (exercises.some((other) => other.slug === exercise.slug)) {
      throw new Error(`${file}: exercise id "${exercise.slug}" is used by another file.`);
    }
    exercises.push(exercise);
  }
  return exercises;
}

function parseExerciseFile(file: string, text: string, position: number): CourseExerciseFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: invalid JSON (${(error as Error).message}).`, { cause: error });
  }
  const result = exerciseFileSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`${file}: invalid exercise file.\n${z.prettifyError(result.error)}`);
  }
  const fields = result.data;
  return {
    slug: fields.id,
    title: fields.title,
    position,
    attemptLimit: fields.attemptLimit ?? null,
    // The engine's schema draws the target unless an exercise turns it off.
    showTarget: fields.reveal?.targetPlot ?? true,
    definition: text,
  };
}
