/**
 * Size limits of a course's files, chosen so that a course's own export can always be imported
 * back. The exercise editor and the import enforce the per-file and per-course limits. The
 * import's own limits are derived from them, so the largest course the editor allows exports
 * to an archive that the import form, the proxy, Next.js and the import action all accept.
 *
 * Sizes are UTF-8 bytes, and every byte limit is a whole number of KiB, so that a size just
 * over one never reads as the limit in a message. This module imports nothing, so
 * `next.config.ts` can load it.
 */

/** Rounds a number of bytes up to a whole number of KiB. */
function roundUpToKibibytes(bytes: number): number {
  return Math.ceil(bytes / 1024) * 1024;
}

/**
 * Largest exercise file, in bytes of the definition as stored: the editor stores the file
 * pretty-printed with 2 spaces, and an import stores it as written without `visibility` and
 * `dueDate`.
 */
export const MAX_DEFINITION_BYTES = 512 * 1024;

/**
 * Largest total of a course's exercise files, over the newest version of every exercise. Each
 * file counts as the export would write it with the widest `visibility` and `dueDate`, so
 * publishing an exercise or setting a due date never pushes a course over the limit.
 */
export const MAX_COURSE_EXERCISE_BYTES = 1024 * 1024;

/** Largest number of exercises in a course. */
export const MAX_COURSE_EXERCISES = 500;

/**
 * Maximum length of an exercise id, in characters. The engine's exercise schema enforces it
 * (`MAX_EXERCISE_ID_LENGTH` in `@sawtooth/theory`), so that `exercises/<id>.json` fits the
 * 100-byte name field of a tar header.
 */
export const MAX_EXERCISE_ID_LENGTH = 80;

/** Maximum length of a course title, in UTF-16 code units (JavaScript string length). */
export const MAX_TITLE_LENGTH = 200;

/** Maximum length of a course description, in UTF-16 code units (JavaScript string length). */
export const MAX_DESCRIPTION_LENGTH = 10_000;

/** Maximum length of a course slug, in characters, as requests that name a course accept it. */
export const MAX_COURSE_SLUG_LENGTH = 200;

/**
 * Upper bound of the export's course.json. JSON escaping writes one UTF-16 code unit of the
 * slug, title or description as at most 6 bytes (`\u0001`). Each listed id takes its quotes,
 * indentation, comma and line break, and 1 KiB covers the field names and braces.
 */
export const MAX_COURSE_INFO_BYTES = roundUpToKibibytes(
  6 * (MAX_COURSE_SLUG_LENGTH + MAX_TITLE_LENGTH + MAX_DESCRIPTION_LENGTH) +
    MAX_COURSE_EXERCISES * (MAX_EXERCISE_ID_LENGTH + 8) +
    1024,
);

/** Largest number of files in one import: every exercise of a course and its course.json. */
export const MAX_IMPORT_FILES = MAX_COURSE_EXERCISES + 1;

/** Maximum length of a file name in an import, such as `course.tar/exercises/tent-h2.json`. */
export const MAX_IMPORT_NAME_LENGTH = 300;

/** Largest total of the file texts of one import: the export of the largest allowed course. */
export const MAX_IMPORT_TEXT_BYTES = MAX_COURSE_EXERCISE_BYTES + MAX_COURSE_INFO_BYTES;

/**
 * Largest size of the files chosen for one import, and of a .tar.gz once unpacked. A tar
 * archive adds a 512-byte header and less than 512 bytes of padding to each file, and 1 KiB of
 * zeros at its end. Each file may also come with entries that the import skips: a pax header
 * and, from macOS's tar, an AppleDouble file `._<name>`, so 7 KiB more per file leaves room for
 * both, headers and padding included.
 */
// NOTE: 4 KiB per AppleDouble file is an estimate from the usual macOS extended attributes.
// A course folder with large files besides its exercises, such as images, can exceed the limit.
export const MAX_IMPORT_ARCHIVE_BYTES = MAX_IMPORT_TEXT_BYTES + MAX_IMPORT_FILES * 8 * 1024 + 1024;

/**
 * Largest body of the import request. The files travel as JSON strings in one server action
 * request. Escaping at most doubles the bytes of a text that is itself JSON, because it has no
 * raw control characters apart from line breaks and tabs, which become 2 bytes each. A file
 * name without control characters takes at most 3 bytes per UTF-16 code unit once escaped, and
 * each file adds 32 bytes of JSON around its name and text.
 */
export const MAX_IMPORT_REQUEST_BYTES = roundUpToKibibytes(
  2 * MAX_IMPORT_TEXT_BYTES + MAX_IMPORT_FILES * (3 * MAX_IMPORT_NAME_LENGTH + 32) + 1024,
);

/** Returns the size of the file the editor stores for a parsed exercise file, in bytes. */
export function storedExerciseBytes(value: unknown): number {
  return new TextEncoder().encode(storedExerciseText(value)).length;
}

/**
 * Writes a parsed exercise file as the editor stores it: pretty-printed with 2 spaces and a
 * final line break, as the course folder writes its files, so an export is ready for git.
 */
export function storedExerciseText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
