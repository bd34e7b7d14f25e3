import "server-only";

import { z } from "zod";

import {
  countExercises,
  importCourse,
  readExerciseColumns,
  type CourseImport,
  type ImportedCourseInfo,
  type ImportedExercise,
  type ImportReport,
} from "@sawtooth/db";
import { checkCourseOrder, courseInfoSchema, prepareExercise } from "@sawtooth/theory";

import { fieldMessage } from "@/lib/exercise-fields";

import { authorizeAdmin, invalidRequest, type AdminContext, type Rejected } from "./admin-access";
import { runSelfTest } from "./self-test-view";

/** A file of an import, as uploaded. */
export interface ImportFile {
  /** The file name or its path inside an archive, such as `exercises/tent-h2.json`. */
  name: string;
  text: string;
}

/** One problem of an import: the file, the field path inside it, and what is wrong. */
export interface ImportProblem {
  file: string;
  /** Dot-separated field path, such as `knownWrong.1.finding`; "" for the whole file. */
  path: string;
  message: string;
}

/** Result of {@link importCourseFiles}. */
export type ImportResponse =
  | Rejected
  | { status: "invalid"; problems: ImportProblem[] }
  | { status: "imported"; report: ImportReport };

/** Largest number of files in one import. */
export const MAX_IMPORT_FILES = 500;

const importRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  files: z
    .array(z.object({ name: z.string().max(300), text: z.string() }))
    .min(1, "no files: choose exercise JSON files or a course archive")
    .max(MAX_IMPORT_FILES),
});

/**
 * Imports exercise files, and optionally a `course.json`, in the course folder's format. The
 * files are validated as a whole first: each must be valid JSON that the engine's exercise
 * schema accepts, named after its id, with a unique id and a passing self-test. course.json's
 * `exercises` must list each imported exercise once. When any problem exists, every one is
 * returned and nothing is written.
 */
export async function importCourseFiles(
  context: AdminContext,
  request: unknown,
): Promise<ImportResponse> {
  const parsed = importRequest.safeParse(request);
  if (!parsed.success) {
    const files = parsed.error.issues.find((issue) => issue.path[0] === "files");
    if (files) return { status: "rejected", message: `Import: ${files.message}.` };
    return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  }
  const access = await authorizeAdmin(context, parsed.data.courseSlug);
  if ("status" in access) return access;

  const problems: ImportProblem[] = [];
  const { course } = access;
  const empty = (await countExercises(context.db, course.id)) === 0;
  const valid = validateImport(parsed.data.files, { slug: course.slug, empty }, problems);
  if (problems.length > 0) return { status: "invalid", problems };

  const report = await importCourse(context.db, course.id, valid);
  return { status: "imported", report };
}

/** The course that receives an import. */
export interface ImportTarget {
  slug: string;
  /** Whether the course has no exercises yet, so that it may take another course's course.json. */
  empty: boolean;
}

/** Validates every file of an import, appending each problem found to `problems`. */
export function validateImport(
  files: ImportFile[],
  target: ImportTarget,
  problems: ImportProblem[],
): CourseImport {
  const result: CourseImport = { exercises: [], course: null };
  const fileOfId = new Map<string, string>();
  // Ids taken from the file names, so that a file with problems of its own still counts as
  // listed in course.json's `exercises`.
  const fileIds: string[] = [];
  let courseFile: string | null = null;
  for (const file of files) {
    const base = file.name.split("/").pop() ?? file.name;
    if (!base.endsWith(".json")) {
      const message = "is not a JSON file: import exercise .json files or a .tar course archive";
      problems.push({ file: file.name, path: "", message });
      continue;
    }
    if (base === "course.json") {
      if (courseFile !== null) {
        const message = `repeats ${courseFile}: import one course.json`;
        problems.push({ file: file.name, path: "", message });
        continue;
      }
      courseFile = file.name;
      const parsed = parseJsonFile(file, problems);
      if (parsed) result.course = checkCourseInfo(file.name, parsed.value, target, problems);
      continue;
    }
    fileIds.push(base.slice(0, -".json".length));
    const parsed = parseJsonFile(file, problems);
    const exercise = parsed && checkExercise(file, base, parsed.value, problems);
    if (!exercise) continue;
    const earlier = fileOfId.get(exercise.slug);
    if (earlier !== undefined) {
      const message = `repeats the id "${exercise.slug}" of ${earlier}: give each exercise its own id`;
      problems.push({ file: file.name, path: "id", message });
      continue;
    }
    fileOfId.set(exercise.slug, file.name);
    result.exercises.push(exercise);
  }
  const order = result.course?.order;
  if (courseFile !== null && order !== undefined) {
    for (const problem of checkCourseOrder(order, fileIds)) {
      problems.push({ file: courseFile, ...problem });
    }
  }
  return result;
}

function parseJsonFile(file: ImportFile, problems: ImportProblem[]): { value: unknown } | null {
  try {
    return { value: JSON.parse(file.text) };
  } catch (error) {
    const message = `is not valid JSON: ${(error as Error).message}`;
    problems.push({ file: file.name, path: "", message });
    return null;
  }
}

function checkExercise(
  file: ImportFile,
  base: string,
  value: unknown,
  problems: ImportProblem[],
): ImportedExercise | null {
  const prepared = prepareExercise(value);
  if (!prepared.ok) {
    for (const problem of prepared.problems) {
      problems.push({
        file: file.name,
        path: problem.path,
        message: fieldMessage(problem.message),
      });
    }
    return null;
  }
  const { exercise } = prepared.prepared;
  let valid = true;
  if (base !== `${exercise.id}.json`) {
    const message = `does not match the file name: rename the file to ${exercise.id}.json`;
    problems.push({ file: file.name, path: "id", message });
    valid = false;
  }
  for (const testCase of runSelfTest(prepared.prepared).cases) {
    if (!testCase.passed) {
      problems.push({ file: file.name, path: testCase.path, message: testCase.failure ?? "" });
      valid = false;
    }
  }
  if (!valid) return null;
  return readExerciseColumns(exercise, file.text);
}

/**
 * Checks course.json. A course.json of another course is accepted only by a course without
 * exercises, which copies it. Any other course keeps it out, so that an archive picked by
 * mistake cannot overwrite the course's settings.
 */
function checkCourseInfo(
  file: string,
  value: unknown,
  target: ImportTarget,
  problems: ImportProblem[],
): ImportedCourseInfo | null {
  const info = courseInfoSchema.safeParse(value);
  if (!info.success) {
    for (const issue of info.error.issues) {
      const path = issue.path.map(String).join(".");
      problems.push({ file, path, message: fieldMessage(issue.message) });
    }
    return null;
  }
  if (info.data.slug !== target.slug && !target.empty) {
    const fix = "fix the slug, leave course.json out, or import into a course without exercises";
    const message = `names the course "${info.data.slug}", not this course "${target.slug}": ${fix}`;
    problems.push({ file, path: "slug", message });
    return null;
  }
  const { title, description, acceptLate, exercises } = info.data;
  const course: ImportedCourseInfo = { title, description };
  if (acceptLate !== undefined) course.acceptLate = acceptLate;
  if (exercises !== undefined) course.order = exercises;
  return course;
}
