import { createHash } from "node:crypto";

import {
  changedWordingFields,
  exerciseFileChange,
  type ExerciseWordingField,
} from "@sawtooth/theory";

import { visibilitySchema, type Visibility } from "../exercises";
import type { Prisma } from "../generated/prisma/client";
import { exerciseRevision } from "./exercises";

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

/** The course settings that course.json sets. */
export interface CourseInfoState {
  title: string;
  description: string;
  acceptLate: boolean;
}

/** An exercise as stored, with what an import compares and what its revision covers. */
export interface StoredImportExercise {
  id: string;
  slug: string;
  position: number;
  title: string;
  attemptLimit: number | null;
  showTarget: boolean;
  dueDate: Date | null;
  visibility: Visibility;
  /** The newest version, or null for an exercise without versions. */
  newest: { id: string; version: number; definition: string } | null;
}

/** A course's stored state, which an import plan is computed from. */
export interface ImportState {
  /** Token that changes whenever anything else in this state changes; see {@link importRevision}. */
  revision: string;
  course: CourseInfoState;
  /** The course's exercises in course order. */
  exercises: StoredImportExercise[];
}

/**
 * What an import does to one exercise, decided by {@link exerciseFileChange}: "created" (a new
 * exercise), "version" (a new version, because grading or feedback depends on what changed),
 * "wording" (title, statement or tags edited in the newest version in place), "settings" (only
 * columns such as the due date change) or "none".
 */
export type ExerciseChange = "created" | "version" | "wording" | "settings" | "none";

/** A column of an exercise that an import sets from its file. */
export type ExerciseSetting = "title" | "dueDate" | "visibility" | "attemptLimit" | "showTarget";

/** The change an import makes to one exercise of its files. */
export interface PlannedExercise {
  slug: string;
  change: ExerciseChange;
  /** The exercise's newest version number after the import. */
  version: number;
  /** The wording fields that differ from the stored newest version. */
  wording: ExerciseWordingField[];
  /**
   * The columns that change. A title that changes with the wording is listed in `wording` only.
   */
  settings: ExerciseSetting[];
  /** The exercise's visibility after the import. */
  visibility: Visibility;
}

/** The changes an import makes to the course's settings and order. */
export interface PlannedCourse {
  /** The settings that change, in the order of {@link CourseChange}. */
  changes: CourseChange[];
  before: CourseInfoState;
  after: CourseInfoState;
  /** Every exercise id of the course in course order after the import. */
  order: string[];
}

/** The changes an import of some files makes to a course, computed before anything is written. */
export interface ImportPlan {
  /** The {@link ImportState.revision} the plan was computed from. */
  revision: string;
  /** One entry per exercise file, in the order of the files. */
  exercises: PlannedExercise[];
  /** Ids of the course's exercises that the files leave out and the import keeps as they are. */
  kept: string[];
  course: PlannedCourse;
}

/** The rows a plan writes, which `applyCourseImport` writes without deciding anything. */
export interface ImportWrites {
  exercises: ExerciseWrite[];
  /** Stored exercises whose position changes, by id. */
  positions: { id: string; position: number }[];
  /** The course's new settings, or null when they stay. */
  course: CourseInfoState | null;
}

/** The write for one exercise file. */
export type ExerciseWrite =
  | { change: "created"; file: ImportedExercise; position: number }
  | {
      change: Exclude<ExerciseChange, "created">;
      file: ImportedExercise;
      stored: StoredImportExercise;
      columns: Prisma.ExerciseUpdateInput;
    };

/**
 * Returns the revision of a course's state: a hash of the course's settings and, for each of its
 * exercises, the id, exercise id, position, visibility and the editor's
 * {@link exerciseRevision} (the other columns and the newest version's id and text). Any save,
 * import, move or publication in the course changes it.
 */
export function importRevision(state: Omit<ImportState, "revision">): string {
  const exercises = state.exercises.map((exercise) => [
    exercise.id,
    exercise.slug,
    exercise.position,
    exercise.visibility,
    exercise.newest?.version ?? null,
    exerciseRevision({ ...exercise, newest: exercise.newest ?? undefined }),
  ]);
  const { title, description, acceptLate } = state.course;
  const fields = [title, description, acceptLate, exercises];
  return createHash("sha256").update(JSON.stringify(fields)).digest("base64url");
}

/** Reads a course's state for an import, exercises in course order. */
export async function readImportState(
  tx: Prisma.TransactionClient,
  courseId: string,
): Promise<ImportState> {
  const course = await tx.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { title: true, description: true, acceptLate: true },
  });
  const rows = await tx.exercise.findMany({
    where: { courseId },
    select: {
      id: true,
      slug: true,
      position: true,
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
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
  const exercises = rows.map(({ versions, ...row }) => ({
    ...row,
    visibility: visibilitySchema.parse(row.visibility),
    newest: versions[0] ?? null,
  }));
  return { revision: importRevision({ course, exercises }), course, exercises };
}

/**
 * Decides what importing `input` into a course in `state` writes, and describes it as a plan.
 * An exercise id the course has already gets a new version only when {@link exerciseFileChange}
 * finds that something grading or feedback depends on changed, and a change of wording only is
 * stored in its newest version. A new id becomes an exercise at the end of the course, hidden
 * unless its file sets `visibility`, so the admin publishes it on purpose. Due dates and
 * visibility change only where a file sets them. course.json's `exercises` puts the listed
 * exercises first, in its order, and the course's other exercises after them in their old order.
 */
export function planImport(
  state: ImportState,
  input: CourseImport,
): { plan: ImportPlan; writes: ImportWrites } {
  const storedBySlug = new Map(state.exercises.map((exercise) => [exercise.slug, exercise]));
  let nextPosition = state.exercises.reduce((max, row) => Math.max(max, row.position + 1), 0);
  const exercises: PlannedExercise[] = [];
  const writes: ExerciseWrite[] = [];
  for (const file of input.exercises) {
    const stored = storedBySlug.get(file.slug);
    if (stored === undefined) {
      writes.push({ change: "created", file, position: nextPosition });
      nextPosition += 1;
      exercises.push(plannedNewExercise(file));
      continue;
    }
    const { planned, write } = planExercise(stored, file);
    exercises.push(planned);
    writes.push(write);
  }

  const imported = new Set(input.exercises.map((file) => file.slug));
  const kept = state.exercises.filter((row) => !imported.has(row.slug)).map((row) => row.slug);
  const { course, positions } = planCourse(state, input.course, writes);
  return {
    plan: { revision: state.revision, exercises, kept, course },
    writes: {
      exercises: writes,
      positions,
      course: course.changes.some((change) => change !== "order") ? course.after : null,
    },
  };
}

function plannedNewExercise(file: ImportedExercise): PlannedExercise {
  return {
    slug: file.slug,
    change: "created",
    version: 1,
    wording: [],
    settings: [],
    visibility: file.visibility ?? "hidden",
  };
}

function planExercise(
  stored: StoredImportExercise,
  file: ImportedExercise,
): { planned: PlannedExercise; write: ExerciseWrite } {
  const columns = changedColumns(stored, file);
  const newest = stored.newest;
  const fileChange = newest ? exerciseFileChange(newest.definition, file.definition) : "version";
  const wording = newest ? changedWordingFields(newest.definition, file.definition) : [];
  const changedSettings = Object.keys(columns) as ExerciseSetting[];
  const settings = changedSettings.filter(
    (setting) => !(setting === "title" && wording.includes("title")),
  );
  let change: Exclude<ExerciseChange, "created">;
  if (fileChange === "none") {
    change = changedSettings.length > 0 ? "settings" : "none";
  } else {
    change = fileChange;
  }
  const version = (newest?.version ?? 0) + (change === "version" ? 1 : 0);
  const visibility = file.visibility ?? stored.visibility;
  return {
    planned: { slug: file.slug, change, version, wording, settings, visibility },
    write: { change, file, stored, columns },
  };
}

/** Returns the columns whose value in `file` differs from the stored one. */
function changedColumns(
  stored: StoredImportExercise,
  file: ImportedExercise,
): Prisma.ExerciseUpdateInput {
  const changed: Prisma.ExerciseUpdateInput = {};
  if (file.title !== stored.title) changed.title = file.title;
  const dueDate = file.dueDate;
  if (dueDate !== undefined && dueDate?.getTime() !== stored.dueDate?.getTime()) {
    changed.dueDate = dueDate;
  }
  if (file.visibility !== undefined && file.visibility !== stored.visibility) {
    changed.visibility = file.visibility;
  }
  if (file.attemptLimit !== stored.attemptLimit) changed.attemptLimit = file.attemptLimit;
  if (file.showTarget !== stored.showTarget) changed.showTarget = file.showTarget;
  return changed;
}

/**
 * Plans course.json's title, description, late-attempt rule and exercise order. The order counts
 * as changed when exercises that existed before the import follow each other differently. New
 * exercises in `writes` get their final positions here.
 */
function planCourse(
  state: ImportState,
  info: ImportedCourseInfo | null,
  writes: ExerciseWrite[],
): { course: PlannedCourse; positions: ImportWrites["positions"] } {
  const before = state.course;
  const after: CourseInfoState = {
    title: info?.title ?? before.title,
    description: info?.description ?? before.description,
    acceptLate: info?.acceptLate ?? before.acceptLate,
  };
  const changes: CourseChange[] = [];
  if (after.title !== before.title) changes.push("title");
  if (after.description !== before.description) changes.push("description");
  if (after.acceptLate !== before.acceptLate) changes.push("acceptLate");

  const created = writes.flatMap((write) => (write.change === "created" ? [write] : []));
  const rows = [
    ...state.exercises.map((row) => ({ slug: row.slug, stored: row, created: null })),
    ...created.map((write) => ({ slug: write.file.slug, stored: null, created: write })),
  ];
  const order = info?.order;
  if (order === undefined) {
    return {
      course: { changes, before, after, order: rows.map((row) => row.slug) },
      positions: [],
    };
  }

  const rank = new Map(order.map((slug, index) => [slug, index]));
  const ranked = rows.map((row, index) => ({
    row,
    rank: rank.get(row.slug) ?? order.length + index,
  }));
  const sorted = ranked.sort((a, b) => a.rank - b.rank).map(({ row }) => row);
  const positions: ImportWrites["positions"] = [];
  for (const [position, row] of sorted.entries()) {
    if (row.created !== null) row.created.position = position;
    else if (row.stored.position !== position) positions.push({ id: row.stored.id, position });
  }
  const existingAfter = sorted.flatMap((row) => (row.stored === null ? [] : [row.stored.id]));
  if (existingAfter.some((id, index) => id !== state.exercises[index]?.id)) changes.push("order");
  return { course: { changes, before, after, order: sorted.map((row) => row.slug) }, positions };
}
