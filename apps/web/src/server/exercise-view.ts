import "server-only";

import { z } from "zod";

import type { ExerciseWithDefinition } from "@sawtooth/db";

/**
 * Exercise fields that a page may send to a student's browser. The view is built field by field
 * from the stored definition, so the target, the reference solution and the known-wrong
 * submissions stay on the server.
 */
export interface ExerciseView {
  slug: string;
  title: string;
  /** Markdown with `$…$` and `$$…$$` math. */
  statement: string;
  dueDate: Date | null;
  attemptLimit: number | null;
}

const statementSchema = z.looseObject({ statement: z.string() });

/** Builds the student-safe view of an exercise from its newest stored definition. */
export function toExerciseView(exercise: ExerciseWithDefinition): ExerciseView {
  return {
    slug: exercise.slug,
    title: exercise.title,
    statement: readStatement(exercise),
    dueDate: exercise.dueDate,
    attemptLimit: exercise.attemptLimit,
  };
}

/** Reads the statement, throwing when the stored definition has none: seeding validates it. */
function readStatement(exercise: ExerciseWithDefinition): string {
  const parsed = statementSchema.safeParse(JSON.parse(exercise.version.definition));
  if (!parsed.success) {
    throw new Error(
      `Exercise "${exercise.slug}" version ${exercise.version.number} has no statement.`,
    );
  }
  return parsed.data.statement;
}
