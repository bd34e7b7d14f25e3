import { describe, expect, test } from "vitest";

import {
  MAX_COURSE_EXERCISE_BYTES,
  MAX_DEFINITION_BYTES,
  storedExerciseText,
} from "./course-limits";
import { describeExerciseSize, exportedExerciseBytes, measureExerciseFile } from "./exercise-size";
import { utf8Bytes } from "./submission-limits";

/** Returns an exercise file whose stored text is exactly `bytes` long. */
function fileOf(bytes: number): { id: string; statement: string } {
  const shortest = utf8Bytes(storedExerciseText({ id: "a", statement: "" }));
  return { id: "a", statement: "x".repeat(bytes - shortest) };
}

/** The bytes that the export adds to a stored file, which the course limit counts. */
const SETTINGS_BYTES = exportedExerciseBytes(storedExerciseText(fileOf(100))) - 100;

describe("measureExerciseFile", () => {
  test("counts the file as stored and exported", () => {
    const course = { otherExercises: 1, otherBytes: 5000, storedBytes: 0 };

    const size = measureExerciseFile(course, fileOf(3000));

    expect(size.fileBytes).toBe(3000);
    expect(size.courseBytes).toBe(5000 + 3000 + SETTINGS_BYTES);
    expect(size.room).toBe(MAX_DEFINITION_BYTES - 3000);
  });

  test("lets a course over its limit keep its size", () => {
    const otherBytes = MAX_COURSE_EXERCISE_BYTES;
    const course = { otherExercises: 1, otherBytes, storedBytes: 2000 + SETTINGS_BYTES };

    expect(measureExerciseFile(course, fileOf(2000)).room).toBe(0);
    expect(measureExerciseFile(course, fileOf(1500)).room).toBe(500);
  });
});

describe("describeExerciseSize", () => {
  test.each([
    [
      "an edit with room",
      { otherExercises: 4, otherBytes: 37_700, storedBytes: 3000 },
      fileOf(3300),
      false,
      "This exercise's file: 3.3 KiB of at most 512 KiB. The course's files: 40.2 KiB of at " +
        "most 1,024 KiB, 36.9 KiB of it in the 4 other exercises. This exercise may grow by " +
        "508.7 KiB before a save is rejected.",
    ],
    [
      "the only exercise",
      { otherExercises: 0, otherBytes: 0, storedBytes: 0 },
      fileOf(900),
      true,
      "This exercise's file: 900 bytes of at most 512 KiB. The course's files: 971 bytes of " +
        "at most 1,024 KiB, with no other exercise in the course. This exercise may grow by " +
        "511.1 KiB before a save is rejected.",
    ],
    [
      "a course nearly full",
      { otherExercises: 1, otherBytes: MAX_COURSE_EXERCISE_BYTES - 2000, storedBytes: 0 },
      fileOf(2000 - SETTINGS_BYTES - 1),
      true,
      "This exercise's file: 1.9 KiB of at most 512 KiB. The course's files: 1,024 KiB of at " +
        "most 1,024 KiB, 1,022.1 KiB of it in the other exercise. This exercise may grow by " +
        "1 byte before a save is rejected.",
    ],
    [
      "a file over its limit",
      { otherExercises: 1, otherBytes: 1000, storedBytes: 1000 },
      fileOf(MAX_DEFINITION_BYTES + 2000),
      false,
      "This exercise's file: 514 KiB of at most 512 KiB. The course's files: 515 KiB of at " +
        "most 1,024 KiB, 1,000 bytes of it in the other exercise. Shorten this exercise by " +
        "2 KiB to save it.",
    ],
    [
      "a course over its limit",
      { otherExercises: 2, otherBytes: MAX_COURSE_EXERCISE_BYTES - 1000, storedBytes: 500 },
      fileOf(1000),
      false,
      "This exercise's file: 1,000 bytes of at most 512 KiB. The course's files: 1,024.1 KiB " +
        "of at most 1,024 KiB, 1,023.1 KiB of it in the 2 other exercises. Shorten this " +
        `exercise by ${SETTINGS_BYTES} bytes to save it, or first shorten another exercise ` +
        "of the course.",
    ],
    [
      "a new exercise in a full course",
      { otherExercises: 500, otherBytes: 1000, storedBytes: 0 },
      fileOf(1000),
      true,
      "This exercise's file: 1,000 bytes of at most 512 KiB. The course's files: 2.1 KiB of at " +
        "most 1,024 KiB, 1,000 bytes of it in the 500 other exercises. The course has the " +
        "maximum of 500 exercises, so a new one cannot be saved: put it into a new course.",
    ],
  ])("describes %s", (_case, course, file, isNew, expected) => {
    expect(describeExerciseSize(course, file, isNew)).toBe(expected);
  });
});
