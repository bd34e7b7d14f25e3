import { writeExerciseSettings, type ExerciseSettings } from "@sawtooth/theory";

import {
  MAX_COURSE_EXERCISE_BYTES,
  MAX_COURSE_EXERCISES,
  MAX_DEFINITION_BYTES,
  storedExerciseText,
} from "./course-limits";
import { formatKibibytes, utf8Bytes } from "./submission-limits";

/**
 * Settings whose fields are the longest an export writes, because "visible" is longer than
 * "hidden" and the maximum JavaScript date has the longest ISO 8601 text (27 characters).
 */
const WIDEST_SETTINGS: ExerciseSettings = {
  visibility: "visible",
  dueDate: new Date(8.64e15).toISOString(),
};

/**
 * Returns the size in bytes that an exercise counts toward `MAX_COURSE_EXERCISE_BYTES`: its file
 * as the export writes it with the widest `visibility` and `dueDate`, which no change of these
 * settings can exceed.
 */
export function exportedExerciseBytes(definition: string): number {
  return utf8Bytes(writeExerciseSettings(definition, WIDEST_SETTINGS));
}

/** The rest of the course, as the server measured it when the exercise editor was loaded. */
export interface EditorCourseSize {
  /** Number of the course's exercises apart from the edited one. */
  otherExercises: number;
  /** Bytes that the other exercises count toward `MAX_COURSE_EXERCISE_BYTES`. */
  otherBytes: number;
  /**
   * Bytes that the edited exercise's stored newest version counts toward the course limit, or
   * 0 for a new exercise.
   */
  storedBytes: number;
}

/** An exercise file's sizes against the course limits, all in bytes. */
export interface ExerciseFileSize {
  /** The file as saving it would store it, against `MAX_DEFINITION_BYTES`. */
  fileBytes: number;
  /** The course's total with this file, against `MAX_COURSE_EXERCISE_BYTES`. */
  courseBytes: number;
  /**
   * How many bytes the file may grow before the server rejects a save, or, when negative, how
   * many it must shrink. It ignores the exercise count, which only a new exercise adds to.
   */
  room: number;
}

/**
 * Measures the exercise file that saving `definition` (the parsed exercise file) would store,
 * by the rules of `saveExercise`. The stored file is at most `MAX_DEFINITION_BYTES`, and the
 * course's total at most `MAX_COURSE_EXERCISE_BYTES` unless the save does not grow it. The
 * file's size toward the course limit grows byte for byte with the stored file, because the
 * export appends settings of a fixed length to it.
 */
export function measureExerciseFile(
  course: EditorCourseSize,
  definition: unknown,
): ExerciseFileSize {
  const text = storedExerciseText(definition);
  const fileBytes = utf8Bytes(text);
  const courseBytes = course.otherBytes + exportedExerciseBytes(text);
  const courseLimit = Math.max(MAX_COURSE_EXERCISE_BYTES, course.otherBytes + course.storedBytes);
  const room = Math.min(MAX_DEFINITION_BYTES - fileBytes, courseLimit - courseBytes);
  return { fileBytes, courseBytes, room };
}

/**
 * Describes, for the exercise editor, the file that saving `definition` would store: its size,
 * the course's total with it and how far the file may grow before a save is rejected. `isNew`
 * marks an exercise not created yet, which a course with `MAX_COURSE_EXERCISES` rejects.
 */
export function describeExerciseSize(
  course: EditorCourseSize,
  definition: unknown,
  isNew: boolean,
): string {
  const { fileBytes, courseBytes, room } = measureExerciseFile(course, definition);
  const sentences = [
    `This exercise's file: ${formatSize(fileBytes, Math.ceil)} of at most ` +
      `${formatKibibytes(MAX_DEFINITION_BYTES)}.`,
    `The course's files: ${formatSize(courseBytes, Math.ceil)} of at most ` +
      `${formatKibibytes(MAX_COURSE_EXERCISE_BYTES)}, ${otherExercisesClause(course)}.`,
  ];
  if (isNew && course.otherExercises >= MAX_COURSE_EXERCISES) {
    sentences.push(
      `The course has the maximum of ${MAX_COURSE_EXERCISES} exercises, so a new one cannot be ` +
        "saved: put it into a new course.",
    );
  } else if (room >= 0) {
    sentences.push(
      `This exercise may grow by ${formatSize(room, Math.floor)} before a save is rejected.`,
    );
  } else if (fileBytes > MAX_DEFINITION_BYTES) {
    sentences.push(`Shorten this exercise by ${formatSize(-room, Math.ceil)} to save it.`);
  } else {
    sentences.push(
      `Shorten this exercise by ${formatSize(-room, Math.ceil)} to save it, or first shorten ` +
        "another exercise of the course.",
    );
  }
  return sentences.join(" ");
}

/** Writes the other exercises' share of the course's total, such as "36.8 KiB of it in …". */
function otherExercisesClause({ otherExercises, otherBytes }: EditorCourseSize): string {
  if (otherExercises === 0) return "with no other exercise in the course";
  const share = `${formatSize(otherBytes, Math.ceil)} of it in the`;
  if (otherExercises === 1) return `${share} other exercise`;
  return `${share} ${otherExercises.toLocaleString("en")} other exercises`;
}

/**
 * Writes a size in bytes below 1 KiB, and otherwise in KiB to one decimal, rounded with `round`:
 * up for a size, so that one just over a limit never reads as the limit, and down for room left.
 */
function formatSize(bytes: number, round: (value: number) => number): string {
  if (bytes < 1024) return bytes === 1 ? "1 byte" : `${bytes.toLocaleString("en")} bytes`;
  const tenths = round((bytes * 10) / 1024) / 10;
  return `${tenths.toLocaleString("en", { maximumFractionDigits: 1 })} KiB`;
}
