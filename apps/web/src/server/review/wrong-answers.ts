import {
  groupMistakes,
  listExercises,
  listMistakeAttempts,
  listMistakeVariants,
  type Database,
  type ExerciseSummary,
  type MistakeAttempt,
  type MistakeGroup,
  type MistakeVariant,
} from "@sawtooth/db";

import { findFilterExercise, unknownExerciseMessage } from "./exercise-filter";

/** Attempts linked per group unless the tutor opens the group's full list. */
export const ATTEMPTS_PER_GROUP = 10;

/** Distinct sentences listed per group unless the tutor opens the group's full list. */
export const VARIANTS_PER_GROUP = 5;

/** The wrong-answers page's query string as Next.js passes it. A field's first value counts. */
export interface WrongAnswersQuery {
  exercise?: string | string[];
  group?: string | string[];
}

/** Everything the wrong-answers page shows for one request. */
export interface WrongAnswers {
  exercises: ExerciseSummary[];
  /** The exercise shown, or undefined when the course has none or the query names none. */
  exercise: ExerciseSummary | undefined;
  /** One message per invalid filter value. */
  problems: string[];
  groups: MistakeGroup[];
  /** Every attempt and sentence of the group the query opens, or null when it opens none. */
  openGroup: { key: string; attempts: MistakeAttempt[]; variants: MistakeVariant[] } | null;
}

function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/**
 * Loads the incorrect attempts at one exercise of a course, grouped by mistake. Without an exercise
 * in the query the course's first exercise is shown. An exercise that the course does not have
 * shows nothing and gets a message, and a group key that names no group opens none.
 */
export async function loadWrongAnswers(
  db: Database,
  courseId: string,
  query: WrongAnswersQuery,
): Promise<WrongAnswers> {
  const exerciseValue = firstValue(query.exercise);
  const groupKey = firstValue(query.group);
  const exercises = await listExercises(db, courseId, { includeHidden: true });
  const exercise = exerciseValue ? findFilterExercise(exercises, exerciseValue) : exercises[0];
  const problems =
    exerciseValue && !exercise ? [unknownExerciseMessage(exerciseValue, exercises)] : [];
  if (!exercise) {
    return { exercises, exercise, problems, groups: [], openGroup: null };
  }

  const groups = await groupMistakes(db, exercise.id, {
    attemptsPerGroup: ATTEMPTS_PER_GROUP,
    variantsPerGroup: VARIANTS_PER_GROUP,
  });
  const openGroup = groups.some((group) => group.key === groupKey)
    ? {
        key: groupKey,
        attempts: await listMistakeAttempts(db, exercise.id, groupKey),
        variants: await listMistakeVariants(db, exercise.id, groupKey),
      }
    : null;
  return { exercises, exercise, problems, groups, openGroup };
}
