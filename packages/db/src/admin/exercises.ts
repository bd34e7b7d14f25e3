import { sameExerciseVersion } from "@sawtooth/theory";

import type { Database } from "../client";
import { visibilitySchema, type ExerciseSummary, type Visibility } from "../exercises";
import { Prisma } from "../generated/prisma/client";

/** An exercise as the admin area lists it, with its newest version and attempt count. */
export interface AdminExerciseRow extends ExerciseSummary {
  newestVersion: number;
  attemptCount: number;
}

/** One stored version of an exercise, with the number of attempts graded against it. */
export interface AdminVersionRow {
  id: string;
  number: number;
  createdAt: Date;
  attemptCount: number;
}

/** An exercise with every version and the newest definition, for the admin's editor. */
export interface AdminExercise extends ExerciseSummary {
  /** Newest version first. */
  versions: AdminVersionRow[];
  /** The newest version's exercise file text, hidden target and reference included. */
  definition: string;
}

/** Columns of an exercise that the admin sets beside its exercise file. */
export interface ExerciseColumns {
  title: string;
  attemptLimit: number | null;
  dueDate: Date | null;
  showTarget: boolean;
}

const summaryFields = {
  id: true,
  slug: true,
  title: true,
  position: true,
  dueDate: true,
  attemptLimit: true,
  visibility: true,
  showTarget: true,
} as const;

/** Lists every exercise of a course, hidden ones included, in course order. */
export async function listExercisesForAdmin(
  db: Database,
  courseId: string,
): Promise<AdminExerciseRow[]> {
  const rows = await db.exercise.findMany({
    where: { courseId },
    select: {
      ...summaryFields,
      versions: { select: { version: true }, orderBy: { version: "desc" }, take: 1 },
      _count: { select: { attempts: true } },
    },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
  return rows.map(({ versions, _count, ...row }) => ({
    ...row,
    visibility: visibilitySchema.parse(row.visibility),
    newestVersion: versions[0]?.version ?? 0,
    attemptCount: _count.attempts,
  }));
}

/** Finds an exercise of a course with all its versions, or null when there is none. */
export async function findExerciseForAdmin(
  db: Database,
  courseId: string,
  slug: string,
): Promise<AdminExercise | null> {
  const row = await db.exercise.findFirst({
    where: { courseId, slug },
    select: {
      ...summaryFields,
      versions: {
        select: {
          id: true,
          version: true,
          createdAt: true,
          definition: true,
          _count: { select: { attempts: true } },
        },
        orderBy: { version: "desc" },
      },
    },
  });
  const newest = row?.versions[0];
  if (!row || !newest) {
    return null;
  }
  const { versions, ...summary } = row;
  return {
    ...summary,
    visibility: visibilitySchema.parse(summary.visibility),
    definition: newest.definition,
    versions: versions.map((version) => ({
      id: version.id,
      number: version.version,
      createdAt: version.createdAt,
      attemptCount: version._count.attempts,
    })),
  };
}

/** Returns one version's id and definition, or null when the exercise has no such number. */
export async function findExerciseVersion(
  db: Database,
  exerciseId: string,
  number: number,
): Promise<{ id: string; number: number; definition: string } | null> {
  const row = await db.exerciseVersion.findUnique({
    where: { exerciseId_version: { exerciseId, version: number } },
    select: { id: true, version: true, definition: true },
  });
  return row && { id: row.id, number: row.version, definition: row.definition };
}

/** Result of {@link createExercise}. */
export type CreateExerciseResult = { status: "created"; id: string } | { status: "duplicate-slug" };

/**
 * Creates a hidden exercise with version 1 at the end of the course. Returns "duplicate-slug"
 * when the course already has an exercise with that id.
 */
export async function createExercise(
  db: Database,
  courseId: string,
  input: ExerciseColumns & { slug: string; definition: string },
): Promise<CreateExerciseResult> {
  try {
    const last = await db.exercise.aggregate({ where: { courseId }, _max: { position: true } });
    const exercise = await db.exercise.create({
      data: {
        courseId,
        slug: input.slug,
        title: input.title,
        position: (last._max.position ?? -1) + 1,
        attemptLimit: input.attemptLimit,
        dueDate: input.dueDate,
        showTarget: input.showTarget,
        visibility: "hidden",
        versions: { create: { version: 1, definition: input.definition } },
      },
      select: { id: true },
    });
    return { status: "created", id: exercise.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: "duplicate-slug" };
    }
    throw error;
  }
}

/** The version an edit left as the newest, and what the edit changed. */
export interface SavedVersion {
  id: string;
  number: number;
  /** Whether the edit stored a new version. */
  created: boolean;
  /** Whether any of the exercise's columns, such as the due date, changed. */
  columnsChanged: boolean;
}

/**
 * Updates an exercise's columns and stores `definition` as a new version unless
 * {@link sameExerciseVersion} finds it the same as the newest one, as an import does. Versions
 * are never changed in place, so every attempt keeps the definition it was graded against.
 */
export async function saveExerciseVersion(
  db: Database,
  exerciseId: string,
  input: ExerciseColumns & { definition: string },
): Promise<SavedVersion> {
  return db.$transaction(async (tx) => {
    const { definition, ...columns } = input;
    const stored = await tx.exercise.findUniqueOrThrow({
      where: { id: exerciseId },
      select: { title: true, attemptLimit: true, dueDate: true, showTarget: true },
    });
    const columnsChanged = !sameColumns(stored, columns);
    if (columnsChanged) await tx.exercise.update({ where: { id: exerciseId }, data: columns });
    const newest = await tx.exerciseVersion.findFirst({
      where: { exerciseId },
      orderBy: { version: "desc" },
      select: { id: true, version: true, definition: true },
    });
    if (newest && sameExerciseVersion(newest.definition, definition)) {
      return { id: newest.id, number: newest.version, created: false, columnsChanged };
    }
    const version = await tx.exerciseVersion.create({
      data: { exerciseId, version: (newest?.version ?? 0) + 1, definition },
      select: { id: true, version: true },
    });
    return { id: version.id, number: version.version, created: true, columnsChanged };
  });
}

function sameColumns(a: ExerciseColumns, b: ExerciseColumns): boolean {
  return (
    a.title === b.title &&
    a.attemptLimit === b.attemptLimit &&
    a.showTarget === b.showTarget &&
    a.dueDate?.getTime() === b.dueDate?.getTime()
  );
}

/** Sets whether students see an exercise. */
export async function setExerciseVisibility(
  db: Database,
  exerciseId: string,
  visibility: Visibility,
): Promise<void> {
  await db.exercise.update({ where: { id: exerciseId }, data: { visibility } });
}

/** Counts a course's exercises, hidden ones included. */
export async function countExercises(db: Database, courseId: string): Promise<number> {
  return db.exercise.count({ where: { courseId } });
}

/** An exercise's newest definition with the settings that an exported file carries. */
export interface ExerciseDefinitionRow {
  slug: string;
  definition: string;
  visibility: Visibility;
  dueDate: Date | null;
}

/** Lists every exercise's id, settings and newest definition, in course order, for an export. */
export async function listExerciseDefinitions(
  db: Database,
  courseId: string,
): Promise<ExerciseDefinitionRow[]> {
  const rows = await db.exercise.findMany({
    where: { courseId },
    select: {
      slug: true,
      visibility: true,
      dueDate: true,
      versions: { select: { definition: true }, orderBy: { version: "desc" }, take: 1 },
    },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
  return rows.flatMap(({ versions, ...row }) =>
    versions[0]
      ? [
          {
            ...row,
            visibility: visibilitySchema.parse(row.visibility),
            definition: versions[0].definition,
          },
        ]
      : [],
  );
}
