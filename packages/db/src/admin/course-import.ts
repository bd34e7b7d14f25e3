import { exerciseFileChange, removeExerciseSettings, type Exercise } from "@sawtooth/theory";

import type { Database } from "../client";
import type { Visibility } from "../exercises";
import type { Prisma } from "../generated/prisma/client";

/** An exercise file, reduced to what the database keeps in columns. */
export interface ImportedExercise {
  /** The exercise id, used as `Exercise.slug`. */
  slug: string;
  title: string;
  attemptLimit: number | null;
  showTarget: boolean;
  /** Absent when the file does not set it, and null for no due date. */
  dueDate?: Date | null;
  /** Absent when the file does not set it. */
  visibility?: Visibility;
  /** The file's text without the settings fields, stored as the exercise version's definition. */
  definition: string;
}

/** The fields an import takes from `course.json`. */
export interface ImportedCourseInfo {
  title: string;
  description: string;
  /** Absent when course.json does not set it. */
  acceptLate?: boolean;
  /** Exercise ids in course order, absent when course.json lists none. */
  order?: string[];
}

/** A validated import: exercise files and, when one was given, course.json. */
export interface CourseImport {
  exercises: ImportedExercise[];
  course: ImportedCourseInfo | null;
}

/** A course setting that an import can change. */
export type CourseChange = "title" | "description" | "acceptLate" | "order";

/** The changes that {@link importCourse} made, by exercise id. */
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

type Transaction = Prisma.TransactionClient;

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

/**
 * Writes a validated import into a course in one transaction. An exercise id the course has
 * already gets a new version only when {@link exerciseFileChange} finds that something grading
 * or feedback depends on changed; a change of wording only is stored in its newest version. A new id becomes an exercise at the end of the course, hidden
 * unless its file sets `visibility`, so the admin publishes it on purpose. Due dates and
 * visibility change only where a file sets them. course.json's `exercises` puts the listed
 * exercises first, in its order, and the course's other exercises after them in their old order.
 */
export async function importCourse(
  db: Database,
  courseId: string,
  input: CourseImport,
): Promise<ImportReport> {
  return db.$transaction(async (tx) => {
    const before = await listCourseOrder(tx, courseId);
    const report: ImportReport = {
      created: [],
      updated: [],
      wordingChanged: [],
      settingsChanged: [],
      unchanged: [],
      courseChanges: [],
    };
    let position = before.reduce((max, row) => Math.max(max, row.position + 1), 0);
    for (const file of input.exercises) {
      const outcome = await importExercise(tx, courseId, file, position);
      if (outcome === "created") position += 1;
      report[outcome].push(file.slug);
    }
    if (input.course) {
      report.courseChanges = await importCourseInfo(tx, courseId, input.course, before);
    }
    return report;
  });
}

type ExerciseOutcome = "created" | "updated" | "wordingChanged" | "settingsChanged" | "unchanged";

async function importExercise(
  tx: Transaction,
  courseId: string,
  file: ImportedExercise,
  position: number,
): Promise<ExerciseOutcome> {
  const { slug, definition, ...columns } = file;
  const existing = await tx.exercise.findUnique({
    where: { courseId_slug: { courseId, slug } },
    select: {
      id: true,
      title: true,
      attemptLimit: true,
      showTarget: true,
      dueDate: true,
      visibility: true,
      versions: {
        select: { id: true, version: true, definition: true },
        orderBy: { version: "desc" },
        take: 1,
      },
    },
  });
  if (!existing) {
    await tx.exercise.create({
      data: {
        courseId,
        slug,
        position,
        visibility: "hidden",
        ...columns,
        versions: { create: { version: 1, definition } },
      },
    });
    return "created";
  }

  const changed = changedColumns(existing, file);
  const settingsChanged = Object.keys(changed).length > 0;
  if (settingsChanged) {
    await tx.exercise.update({ where: { id: existing.id }, data: changed });
  }
  const newest = existing.versions[0];
  const change = newest ? exerciseFileChange(newest.definition, definition) : "version";
  if (newest && change === "wording") {
    await tx.exerciseVersion.update({ where: { id: newest.id }, data: { definition } });
    // The exercise's updatedAt is when its editor form went stale, which the editor reports.
    await tx.exercise.update({ where: { id: existing.id }, data: { updatedAt: new Date() } });
    return "wordingChanged";
  }
  if (newest && change === "none") {
    return settingsChanged ? "settingsChanged" : "unchanged";
  }
  await tx.exerciseVersion.create({
    data: { exerciseId: existing.id, version: (newest?.version ?? 0) + 1, definition },
  });
  return "updated";
}

interface StoredColumns {
  title: string;
  attemptLimit: number | null;
  showTarget: boolean;
  dueDate: Date | null;
  visibility: string;
}

/** Returns the columns whose value in `file` differs from the stored one. */
function changedColumns(stored: StoredColumns, file: ImportedExercise): Prisma.ExerciseUpdateInput {
  const changed: Prisma.ExerciseUpdateInput = {};
  if (file.title !== stored.title) changed.title = file.title;
  if (file.attemptLimit !== stored.attemptLimit) changed.attemptLimit = file.attemptLimit;
  if (file.showTarget !== stored.showTarget) changed.showTarget = file.showTarget;
  const dueDate = file.dueDate;
  if (dueDate !== undefined && dueDate?.getTime() !== stored.dueDate?.getTime()) {
    changed.dueDate = dueDate;
  }
  if (file.visibility !== undefined && file.visibility !== stored.visibility) {
    changed.visibility = file.visibility;
  }
  return changed;
}

interface OrderRow {
  id: string;
  slug: string;
  position: number;
}

/** Lists a course's exercises in course order. */
function listCourseOrder(tx: Transaction, courseId: string): Promise<OrderRow[]> {
  return tx.exercise.findMany({
    where: { courseId },
    select: { id: true, slug: true, position: true },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
}

/**
 * Stores course.json's title, description, late-attempt rule and exercise order, and returns
 * what changed. The order counts as changed when exercises that existed before the import
 * now follow each other differently.
 */
async function importCourseInfo(
  tx: Transaction,
  courseId: string,
  info: ImportedCourseInfo,
  before: OrderRow[],
): Promise<CourseChange[]> {
  const stored = await tx.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { title: true, description: true, acceptLate: true },
  });
  const changes: CourseChange[] = [];
  if (info.title !== stored.title) changes.push("title");
  if (info.description !== stored.description) changes.push("description");
  if (info.acceptLate !== undefined && info.acceptLate !== stored.acceptLate) {
    changes.push("acceptLate");
  }
  if (changes.length > 0) {
    const { title, description, acceptLate } = info;
    const data =
      acceptLate === undefined ? { title, description } : { title, description, acceptLate };
    await tx.course.update({ where: { id: courseId }, data });
  }
  if (info.order !== undefined && (await applyOrder(tx, courseId, info.order, before))) {
    changes.push("order");
  }
  return changes;
}

/**
 * Numbers the course's exercises from 0: those in `order` first, then the rest in their
 * current order. Returns whether the exercises in `before` now follow each other differently.
 */
async function applyOrder(
  tx: Transaction,
  courseId: string,
  order: string[],
  before: OrderRow[],
): Promise<boolean> {
  const rows = await listCourseOrder(tx, courseId);
  const rank = new Map(order.map((slug, index) => [slug, index]));
  const ranked = rows.map((row, index) => ({
    row,
    rank: rank.get(row.slug) ?? order.length + index,
  }));
  const after = ranked.sort((a, b) => a.rank - b.rank).map(({ row }) => row);
  for (const [position, row] of after.entries()) {
    if (row.position !== position) {
      await tx.exercise.update({ where: { id: row.id }, data: { position } });
    }
  }
  const existed = new Set(before.map((row) => row.id));
  const existingInNewOrder = after.filter((row) => existed.has(row.id));
  return existingInNewOrder.some((row, index) => row.id !== before[index]?.id);
}
