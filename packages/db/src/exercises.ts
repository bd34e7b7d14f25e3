import { z } from "zod";

import { exerciseVisibilitySchema } from "@sawtooth/theory";

import type { Database } from "./client";

/**
 * Visibility of an exercise: "visible" to every member, "hidden" from students. Exercise files
 * carry the same values in their `visibility` field.
 */
export const visibilitySchema = exerciseVisibilitySchema;

/** Visibility of an exercise, as parsed by {@link visibilitySchema}. */
export type Visibility = z.infer<typeof visibilitySchema>;

/** An exercise as listed on its course page. */
export interface ExerciseSummary {
  id: string;
  slug: string;
  title: string;
  position: number;
  dueDate: Date | null;
  attemptLimit: number | null;
  visibility: Visibility;
  showTarget: boolean;
}

/** An exercise with its newest definition, which still contains the hidden target. */
export interface ExerciseWithDefinition extends ExerciseSummary {
  version: { id: string; number: number; definition: string };
}

/** Filter of exercise queries. Students get visible exercises only. */
export interface ExerciseFilter {
  includeHidden: boolean;
}

const exerciseSummaryFields = {
  id: true,
  slug: true,
  title: true,
  position: true,
  dueDate: true,
  attemptLimit: true,
  visibility: true,
  showTarget: true,
} as const;

function visibilityWhere(filter: ExerciseFilter) {
  return filter.includeHidden ? {} : { visibility: "visible" };
}

function toSummary<T extends { visibility: string }>(row: T): T & { visibility: Visibility } {
  return { ...row, visibility: visibilitySchema.parse(row.visibility) };
}

/** Lists a course's exercises in course order. */
export async function listExercises(
  db: Database,
  courseId: string,
  filter: ExerciseFilter,
): Promise<ExerciseSummary[]> {
  const rows = await db.exercise.findMany({
    where: { courseId, ...visibilityWhere(filter) },
    select: exerciseSummaryFields,
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
  return rows.map(toSummary);
}

/**
 * Lists a course's exercises in course order, each with its newest version, as
 * {@link findExercise} returns one. An exercise without a version yet is left out. Runs at most
 * three queries however many exercises the course has: the exercises, the newest version number
 * of each, and those versions.
 */
export async function listExercisesWithDefinitions(
  db: Database,
  courseId: string,
  filter: ExerciseFilter,
): Promise<ExerciseWithDefinition[]> {
  const summaries = await listExercises(db, courseId, filter);
  if (summaries.length === 0) {
    return [];
  }

  const exerciseIds = summaries.map((summary) => summary.id);
  const newestNumbers = await db.exerciseVersion.groupBy({
    by: ["exerciseId"],
    where: { exerciseId: { in: exerciseIds } },
    _max: { version: true },
  });
  const newest = newestNumbers.flatMap(({ exerciseId, _max }) =>
    _max.version === null ? [] : [{ exerciseId, version: _max.version }],
  );
  const versions = await db.exerciseVersion.findMany({
    where: { OR: newest },
    select: { id: true, exerciseId: true, version: true, definition: true },
  });

  const versionByExercise = new Map(versions.map((version) => [version.exerciseId, version]));
  return summaries.flatMap((summary) => {
    const version = versionByExercise.get(summary.id);
    if (version === undefined) {
      return [];
    }
    const { id, version: number, definition } = version;
    return [{ ...summary, version: { id, number, definition } }];
  });
}

/**
 * Finds the exercise `slug` of a course with its newest version. Returns null when it does not
 * exist, is hidden from the caller, or has no version yet.
 */
export async function findExercise(
  db: Database,
  courseId: string,
  slug: string,
  filter: ExerciseFilter,
): Promise<ExerciseWithDefinition | null> {
  const row = await db.exercise.findFirst({
    where: { courseId, slug, ...visibilityWhere(filter) },
    select: {
      ...exerciseSummaryFields,
      versions: {
        select: { id: true, version: true, definition: true },
        orderBy: { version: "desc" },
        take: 1,
      },
    },
  });
  const newest = row?.versions[0];
  if (!row || !newest) {
    return null;
  }
  return {
    ...toSummary({
      id: row.id,
      slug: row.slug,
      title: row.title,
      position: row.position,
      dueDate: row.dueDate,
      attemptLimit: row.attemptLimit,
      visibility: row.visibility,
      showTarget: row.showTarget,
    }),
    version: { id: newest.id, number: newest.version, definition: newest.definition },
  };
}
