import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { checkCourseOrder, parseCourseInfo, type CourseInfo } from "../exercise/course-info";
import { prepareExercise, type PreparedExercise } from "../exercise/prepare";
import { describeSelfTestFailure, selfTest } from "../exercise/self-test";
import {
  describeProblem,
  jsonProblem,
  JsonNumber,
  parseJson,
  type JsonValue,
} from "../submission/index";
import { DEFAULT_COURSE_FOLDER } from "./location";

export { courseInfoSchema, type CourseInfo } from "../exercise/course-info";

/** One problem of a course folder: the file, the field path inside it and what is wrong. */
export interface CourseProblem {
  file: string;
  /** Dot-separated field path such as `knownWrong.1.finding`; empty for the whole file. */
  path: string;
  message: string;
}

/** An exercise file that passed validation. */
export interface CourseExercise {
  file: string;
  prepared: PreparedExercise;
}

/** A course folder whose every file is valid. */
export interface Course {
  folder: string;
  info: CourseInfo;
  /** Exercises in course order: as course.json's `exercises` lists them, else by file name. */
  exercises: CourseExercise[];
}

export type CourseResult = { ok: true; course: Course } | { ok: false; problems: CourseProblem[] };

export type ExerciseFileResult =
  { ok: true; exercise: CourseExercise } | { ok: false; problems: CourseProblem[] };

export interface LoadCourseOptions {
  /**
   * Grade each exercise's reference and known-wrong submissions and report every one that does
   * not behave as the file states (default true).
   */
  selfTest?: boolean;
}

/**
 * Reads `course.json` and every `exercises/*.json` of a course folder and validates each
 * exercise with `prepareExercise`. It collects the problems of all files before it returns, so
 * an author gets every mistake at once, and the course is returned only when there are none.
 */
export async function loadCourse(
  folder: string = DEFAULT_COURSE_FOLDER,
  options: LoadCourseOptions = {},
): Promise<CourseResult> {
  const problems: CourseProblem[] = [];
  const infoFile = path.join(folder, "course.json");
  const info = await readCourseInfo(infoFile, problems);

  const files = await listExerciseFiles(folder, problems);
  const exercises: CourseExercise[] = [];
  for (const file of files) {
    const result = await readExerciseFile(file);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    problems.push(...checkFileName(result.exercise), ...checkUniqueId(result.exercise, exercises));
    if (options.selfTest !== false) problems.push(...selfTestProblems(result.exercise));
    exercises.push(result.exercise);
  }

  if (info?.exercises !== undefined) {
    // File names, not ids, so that a file with problems of its own does not count as missing.
    const ids = files.map((file) => path.basename(file, ".json"));
    for (const problem of checkCourseOrder(info.exercises, ids)) {
      problems.push({ file: infoFile, ...problem });
    }
  }
  if (problems.length > 0 || info === undefined) return { ok: false, problems };
  return { ok: true, course: { folder, info, exercises: inCourseOrder(exercises, info) } };
}

/** Orders the exercises as course.json lists them, or leaves them in file-name order. */
function inCourseOrder(exercises: CourseExercise[], info: CourseInfo): CourseExercise[] {
  const order = info.exercises;
  if (order === undefined) return exercises;
  const position = (exercise: CourseExercise) => order.indexOf(exercise.prepared.exercise.id);
  return [...exercises].sort((a, b) => position(a) - position(b));
}

/** Reads and validates one exercise file; problems name the file and the field. */
export async function readExerciseFile(file: string): Promise<ExerciseFileResult> {
  const value = await readJsonFile(file);
  if (!value.ok) return { ok: false, problems: [value.problem] };
  const result = prepareExercise(value.value);
  if (!result.ok) {
    const problems = result.problems.map((problem) => ({ file, ...problem }));
    return { ok: false, problems };
  }
  return { ok: true, exercise: { file, prepared: result.prepared } };
}

export interface FindExerciseOptions {
  /** Folder that a relative path is resolved against; default `process.cwd()`. */
  cwd?: string;
  /** Course folder that an id is looked up in; default the lecture's course. */
  folder?: string;
}

/**
 * Finds an exercise by id in a course folder, or reads it from a file when the argument ends in
 * `.json` or contains a path separator. The file is validated but not self-tested.
 */
export async function findExercise(
  idOrPath: string,
  options: FindExerciseOptions = {},
): Promise<ExerciseFileResult> {
  const folder = options.folder ?? DEFAULT_COURSE_FOLDER;
  if (isPath(idOrPath)) {
    return readExerciseFile(path.resolve(options.cwd ?? process.cwd(), idOrPath));
  }
  const ids = await listExerciseIds(folder);
  if (!ids.includes(idOrPath)) {
    const known = ids.length > 0 ? `; the course has ${ids.join(", ")}` : "";
    const message = `no exercise with id "${idOrPath}"${known}`;
    return { ok: false, problems: [{ file: path.join(folder, "exercises"), path: "", message }] };
  }
  return readExerciseFile(path.join(folder, "exercises", `${idOrPath}.json`));
}

/** Lists the exercise ids of a course folder, taken from the file names, in sorted order. */
export async function listExerciseIds(folder: string = DEFAULT_COURSE_FOLDER): Promise<string[]> {
  const files = await listExerciseFiles(folder, []);
  return files.map((file) => path.basename(file, ".json"));
}

/**
 * Formats a problem as `file: path: message`. The file is relative to `base` when given and
 * inside it, and absolute otherwise.
 */
export function formatCourseProblem(problem: CourseProblem, base?: string): string {
  const relative = base === undefined ? undefined : path.relative(base, problem.file);
  const inside = relative !== undefined && relative !== "" && !relative.startsWith("..");
  const file = inside ? relative : problem.file;
  return problem.path === ""
    ? `${file}: ${problem.message}`
    : `${file}: ${problem.path}: ${problem.message}`;
}

function isPath(idOrPath: string): boolean {
  return idOrPath.endsWith(".json") || idOrPath.includes("/") || idOrPath.includes(path.sep);
}

async function readCourseInfo(
  file: string,
  problems: CourseProblem[],
): Promise<CourseInfo | undefined> {
  const value = await readJsonFile(file);
  if (!value.ok) {
    problems.push(value.problem);
    return undefined;
  }
  const parsed = parseCourseInfo(value.value);
  if (parsed.ok) return parsed.info;
  for (const problem of parsed.problems) problems.push({ file, ...problem });
  return undefined;
}

async function listExerciseFiles(folder: string, problems: CourseProblem[]): Promise<string[]> {
  const exercisesFolder = path.join(folder, "exercises");
  try {
    const names = await readdir(exercisesFolder);
    // Sorting by the name without `.json` puts `sawtooth-f3` before `sawtooth-f3-shallow`.
    return names
      .filter((name) => name.endsWith(".json"))
      .map((name) => name.slice(0, -".json".length))
      .sort()
      .map((id) => path.join(exercisesFolder, `${id}.json`));
  } catch (error) {
    problems.push({
      file: exercisesFolder,
      path: "",
      message: `cannot list the folder: ${reason(error)}`,
    });
    return [];
  }
}

type JsonFileResult = { ok: true; value: unknown } | { ok: false; problem: CourseProblem };

/**
 * Reads a JSON file with the engine's strict reader, so a syntax error or a repeated key is
 * reported with its line and column.
 */
async function readJsonFile(file: string): Promise<JsonFileResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return {
      ok: false,
      problem: { file, path: "", message: `cannot read the file: ${reason(error)}` },
    };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const message = describeProblem(jsonProblem(parsed.error));
    return { ok: false, problem: { file, path: "", message } };
  }
  return { ok: true, value: toPlainValue(parsed.value) };
}

/**
 * Converts the strict reader's output to plain values for the exercise schema. An integer
 * literal that a double represents exactly becomes a number, so integer fields such as `maxDepth`
 * read as numbers; every other number keeps its literal text, which the exact number fields
 * and the submission reader parse without rounding.
 */
function toPlainValue(value: JsonValue): unknown {
  if (value instanceof JsonNumber) {
    const number = Number(value.text);
    return /^-?\d+$/.test(value.text) && Number.isSafeInteger(number) ? number : value.text;
  }
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, toPlainValue(item)]),
    );
  }
  return value;
}

function checkFileName({ file, prepared }: CourseExercise): CourseProblem[] {
  const expected = `${prepared.exercise.id}.json`;
  if (path.basename(file) === expected) return [];
  return [
    {
      file,
      path: "id",
      message: `the id "${prepared.exercise.id}" must match the file name: rename the file to ${expected}`,
    },
  ];
}

function checkUniqueId(exercise: CourseExercise, earlier: CourseExercise[]): CourseProblem[] {
  const id = exercise.prepared.exercise.id;
  const other = earlier.find((e) => e.prepared.exercise.id === id);
  if (other === undefined) return [];
  return [
    {
      file: exercise.file,
      path: "id",
      message: `the id "${id}" is already used by ${path.basename(other.file)}`,
    },
  ];
}

function selfTestProblems({ file, prepared }: CourseExercise): CourseProblem[] {
  return selfTest(prepared)
    .cases.filter((c) => !c.passed)
    .map((failure) => ({ file, path: failure.path, message: describeSelfTestFailure(failure) }));
}

function reason(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") {
    return error.code === "ENOENT" ? "no such file or folder" : `${error.code}, ${error.message}`;
  }
  return String(error);
}
