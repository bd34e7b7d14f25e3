import { removeExerciseSettings, type Exercise } from "@sawtooth/theory";

import { providerOf, type Database } from "../client";
import type { Prisma } from "../generated/prisma/client";
import {
  planImport,
  readImportState,
  type CourseChange,
  type CourseImport,
  type ImportedExercise,
  type ImportPlan,
  type ImportWrites,
} from "./import-plan";

/** The changes of an import plan, by exercise id; see {@link summarizeImport}. */
export interface ImportReport {
  created: string[];
  /** Exercises that got a new version. */
  updated: string[];
  /**
   * Exercises whose newest version got new wording (title, statement or tags) in place, with or
   * without new settings.
   */
  wordingChanged: string[];
  /** Exercises with an unchanged definition whose columns, such as the due date, changed. */
  settingsChanged: string[];
  /** Exercises that the import left as they were. */
  unchanged: string[];
  /** Course settings that changed, in the order of {@link CourseChange}. */
  courseChanges: CourseChange[];
}

/**
 * Splits a validated exercise file into its columns and its definition, which is the file's
 * text without the settings fields `visibility` and `dueDate`.
 */
export function readExerciseColumns(exercise: Exercise, text: string): ImportedExercise {
  const columns: ImportedExercise = {
    slug: exercise.id,
    title: exercise.title,
    attemptLimit: exercise.attemptLimit ?? null,
    showTarget: exercise.reveal.targetPlot,
    definition: removeExerciseSettings(text),
  };
  if (exercise.dueDate !== undefined) {
    columns.dueDate = exercise.dueDate === null ? null : new Date(exercise.dueDate);
  }
  if (exercise.visibility !== undefined) columns.visibility = exercise.visibility;
  return columns;
}

/** Result of {@link applyCourseImport}. */
export type AppliedImport =
  | { status: "imported"; plan: ImportPlan }
  /** Nothing written, because the course changed since the plan's revision was read. */
  | { status: "stale" };

/** Reads a course's state and plans an import of `input` into it, writing nothing. */
export async function planCourseImport(
  db: Database,
  courseId: string,
  input: CourseImport,
): Promise<ImportPlan> {
  return planImport(await readImportState(db, courseId), input).plan;
}

/**
 * Writes a validated import into a course in one transaction, as {@link planImport} decides on
 * the state read inside it. When `revision` is a plan's revision and the course's state has
 * changed since, it writes nothing and returns "stale"; null skips that check.
 *
 * The course is locked before its state is read, so no save, import or new exercise can come in
 * between. On PostgreSQL the course row and its exercise rows are locked FOR UPDATE. An editor's
 * save and a move update an exercise row, a settings save updates the course row, and a new
 * exercise's insert takes a key-share lock on the course row, so each of these conflicts with
 * the import's locks. On SQLite a write that changes nothing takes the database's write lock.
 */
export async function applyCourseImport(
  db: Database,
  courseId: string,
  input: CourseImport,
  revision: string | null,
): Promise<AppliedImport> {
  const postgresql = providerOf(db) === "postgresql";
  return db.$transaction(async (tx) => {
    if (postgresql) {
      await tx.$queryRaw`SELECT "id" FROM "course" WHERE "id" = ${courseId} FOR UPDATE`;
      await tx.$queryRaw`
        SELECT "id" FROM "exercise" WHERE "courseId" = ${courseId} ORDER BY "id" FOR UPDATE`;
    } else {
      await tx.$executeRaw`UPDATE "course" SET "updatedAt" = "updatedAt" WHERE "id" = ${courseId}`;
    }
    const state = await readImportState(tx, courseId);
    if (revision !== null && revision !== state.revision) return { status: "stale" };

    const { plan, writes } = planImport(state, input);
    await writeImport(tx, courseId, writes);
    return { status: "imported", plan };
  });
}

/** Writes an import without a check step and returns what it changed, by exercise id. */
export async function importCourse(
  db: Database,
  courseId: string,
  input: CourseImport,
): Promise<ImportReport> {
  const applied = await applyCourseImport(db, courseId, input, null);
  if (applied.status !== "imported")
    throw new Error("An import without a revision is never stale.");
  return summarizeImport(applied.plan);
}

/** Lists the exercises of a plan by what happens to them, and the course settings it changes. */
export function summarizeImport(plan: ImportPlan): ImportReport {
  const report: ImportReport = {
    created: [],
    updated: [],
    wordingChanged: [],
    settingsChanged: [],
    unchanged: [],
    courseChanges: plan.course.changes,
  };
  const lists = {
    created: report.created,
    version: report.updated,
    wording: report.wordingChanged,
    settings: report.settingsChanged,
    none: report.unchanged,
  };
  for (const exercise of plan.exercises) lists[exercise.change].push(exercise.slug);
  return report;
}

/** Carries out the writes that {@link planImport} decided. */
async function writeImport(
  tx: Prisma.TransactionClient,
  courseId: string,
  writes: ImportWrites,
): Promise<void> {
  for (const write of writes.exercises) {
    const { slug, definition, ...columns } = write.file;
    if (write.change === "created") {
      await tx.exercise.create({
        data: {
          courseId,
          slug,
          position: write.position,
          visibility: "hidden",
          ...columns,
          versions: { create: { version: 1, definition } },
        },
      });
      continue;
    }
    if (write.change === "none") continue;

    const { stored } = write;
    // The exercise's updatedAt is when its editor form went stale, which the editor reports.
    await tx.exercise.update({
      where: { id: stored.id },
      data: { ...write.columns, updatedAt: new Date() },
    });
    if (write.change === "wording" && stored.newest) {
      await tx.exerciseVersion.update({ where: { id: stored.newest.id }, data: { definition } });
    } else if (write.change === "version") {
      const version = (stored.newest?.version ?? 0) + 1;
      await tx.exerciseVersion.create({ data: { exerciseId: stored.id, version, definition } });
    }
  }
  for (const { id, position } of writes.positions) {
    await tx.exercise.update({ where: { id }, data: { position } });
  }
  if (writes.course !== null) {
    await tx.course.update({ where: { id: courseId }, data: writes.course });
  }
}
