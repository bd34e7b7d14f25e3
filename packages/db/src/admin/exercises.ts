import { createHash } from "node:crypto";

import { exerciseFileChange, exerciseVersionKey } from "@sawtooth/theory";

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
  /**
   * The first earlier version whose definition is the same as this one's, as
   * `exerciseFileChange` decides (wording and settings do not count), or null. Saving an older
   * version from the editor stores such a repeat.
   */
  sameDefinitionAs: number | null;
}

/** An exercise with every version and the newest definition, for the admin's editor. */
export interface AdminExercise extends ExerciseSummary {
  /** Newest version first. */
  versions: AdminVersionRow[];
  /** The newest version's exercise file text, hidden target and reference included. */
  definition: string;
  /** Token of the stored state an editor form starts from; see {@link exerciseRevision}. */
  revision: string;
  /** When the exercise or its newest version was last changed. */
  updatedAt: Date;
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

/** Columns and newest version of an exercise, as the editor saves them. */
interface EditedState extends ExerciseColumns {
  newest: { id: string; definition: string } | undefined;
}

/**
 * Returns a token that changes with every save that changes what the editor shows: the columns
 * and the newest version's id and text, so in-place wording edits count too. Visibility is left
 * out because the editor's form does not carry it. An editor sends the token it was loaded
 * with, and {@link saveExerciseVersion} rejects the save when the stored token differs.
 */
export function exerciseRevision(state: EditedState): string {
  const fields = [
    state.title,
    state.attemptLimit,
    state.dueDate?.toISOString() ?? null,
    state.showTarget,
    state.newest?.id ?? null,
    state.newest?.definition ?? null,
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("base64url");
}

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
      updatedAt: true,
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
  const repeats = findRepeatedVersions(versions);
  return {
    ...summary,
    visibility: visibilitySchema.parse(summary.visibility),
    definition: newest.definition,
    revision: exerciseRevision({ ...summary, newest }),
    versions: versions.map((version) => ({
      id: version.id,
      number: version.version,
      createdAt: version.createdAt,
      attemptCount: version._count.attempts,
      sameDefinitionAs: repeats.get(version.version) ?? null,
    })),
  };
}

/**
 * Maps the number of each version whose definition repeats an earlier one's, as
 * {@link exerciseVersionKey} decides, to the number of the first such earlier version.
 */
function findRepeatedVersions(
  versions: readonly { version: number; definition: string }[],
): Map<number, number> {
  const firstByKey = new Map<string, number>();
  const repeats = new Map<number, number>();
  const oldestFirst = [...versions].sort((a, b) => a.version - b.version);
  for (const { version, definition } of oldestFirst) {
    const key = exerciseVersionKey(definition);
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, version);
    else repeats.set(version, first);
  }
  return repeats;
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
  status: "saved";
  id: string;
  number: number;
  /** Whether the edit stored a new version. */
  created: boolean;
  /**
   * The first earlier version whose definition the new version repeats, as
   * {@link AdminVersionRow.sameDefinitionAs} gives it, or null when none is, as always when
   * `created` is false.
   */
  sameDefinitionAs: number | null;
  /** Whether the edit changed the wording of the newest version in place. */
  wordingChanged: boolean;
  /** Whether any of the exercise's columns, such as the due date, changed. */
  columnsChanged: boolean;
  /** The new {@link exerciseRevision}, for the editor's next save. */
  revision: string;
}

/** Result of {@link saveExerciseVersion}. */
export type SaveVersionResult =
  | SavedVersion
  /** Nothing stored, because the exercise changed since the editor loaded `revision`. */
  | { status: "conflict"; changedAt: Date };

/**
 * Updates an exercise's columns and stores `definition` as {@link exerciseFileChange} decides,
 * as an import does: a new version when anything grading or feedback depends on changed, the
 * newest version edited in place when only its wording changed, and nothing otherwise. A
 * version's grading fields never change in place, so every attempt keeps what it was graded
 * against. Rejects the save with "conflict" when `revision` is given and differs from the
 * stored {@link exerciseRevision}, so a form loaded before another save cannot undo it.
 */
export async function saveExerciseVersion(
  db: Database,
  exerciseId: string,
  input: ExerciseColumns & { definition: string; revision?: string },
): Promise<SaveVersionResult> {
  return db.$transaction(async (tx) => {
    const { definition, revision, ...columns } = input;
    const stored = await tx.exercise.findUniqueOrThrow({
      where: { id: exerciseId },
      select: {
        title: true,
        attemptLimit: true,
        dueDate: true,
        showTarget: true,
        updatedAt: true,
        versions: {
          select: { id: true, version: true, definition: true },
          orderBy: { version: "desc" },
          take: 1,
        },
      },
    });
    const newest = stored.versions[0];
    if (revision !== undefined && revision !== exerciseRevision({ ...stored, newest })) {
      return { status: "conflict", changedAt: stored.updatedAt };
    }
    const columnsChanged = !sameColumns(stored, columns);
    const change = newest ? exerciseFileChange(newest.definition, definition) : "version";
    if (!columnsChanged && change === "none" && newest) {
      const unchanged = {
        created: false,
        sameDefinitionAs: null,
        wordingChanged: false,
        columnsChanged,
      };
      const saved = { id: newest.id, number: newest.version, ...unchanged };
      return { status: "saved", ...saved, revision: exerciseRevision({ ...stored, newest }) };
    }

    // Moving updatedAt only where it still has the value read above makes two concurrent saves
    // of one form conflict instead of both passing the revision check.
    const claimed = await tx.exercise.updateMany({
      where: { id: exerciseId, updatedAt: stored.updatedAt },
      data: { ...columns, updatedAt: new Date() },
    });
    if (claimed.count === 0) {
      const changed = await tx.exercise.findUniqueOrThrow({
        where: { id: exerciseId },
        select: { updatedAt: true },
      });
      return { status: "conflict", changedAt: changed.updatedAt };
    }
    const select = { id: true, version: true, definition: true } as const;
    let saved = newest;
    let sameDefinitionAs: number | null = null;
    if (change === "wording" && newest) {
      saved = await tx.exerciseVersion.update({
        where: { id: newest.id },
        data: { definition },
        select,
      });
    } else if (change === "version" || !saved) {
      const number = (newest?.version ?? 0) + 1;
      sameDefinitionAs = await findSameVersion(tx, exerciseId, definition);
      saved = await tx.exerciseVersion.create({
        data: { exerciseId, version: number, definition },
        select,
      });
    }
    return {
      status: "saved",
      id: saved.id,
      number: saved.version,
      created: change === "version",
      sameDefinitionAs,
      wordingChanged: change === "wording",
      columnsChanged,
      revision: exerciseRevision({ ...columns, newest: saved }),
    };
  });
}

/**
 * Returns the number of the exercise's first stored version whose definition has the same
 * {@link exerciseVersionKey} as `definition`, or null.
 */
async function findSameVersion(
  tx: Prisma.TransactionClient,
  exerciseId: string,
  definition: string,
): Promise<number | null> {
  const key = exerciseVersionKey(definition);
  const versions = await tx.exerciseVersion.findMany({
    where: { exerciseId },
    select: { version: true, definition: true },
    orderBy: { version: "asc" },
  });
  return (
    versions.find((version) => exerciseVersionKey(version.definition) === key)?.version ?? null
  );
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
