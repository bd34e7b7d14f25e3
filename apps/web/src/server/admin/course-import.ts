import "server-only";

import { z } from "zod";

import {
  applyCourseImport,
  planImport,
  readExerciseColumns,
  readImportState,
  summarizeImport,
  type CourseImport,
  type ImportedCourseInfo,
  type ImportedExercise,
  type ImportPlan,
  type ImportReport,
  type ImportState,
} from "@sawtooth/db";
import {
  checkCourseOrder,
  parseCourseInfo,
  prepareExercise,
  readCourseOrder,
} from "@sawtooth/theory";

import {
  MAX_DEFINITION_BYTES,
  storedExerciseText,
  MAX_DESCRIPTION_LENGTH,
  MAX_IMPORT_FILES,
  MAX_IMPORT_NAME_LENGTH,
  MAX_IMPORT_TEXT_BYTES,
  MAX_TITLE_LENGTH,
} from "@/lib/course-limits";
import { fieldMessage } from "@/lib/exercise-fields";
import { exportedExerciseBytes } from "@/lib/exercise-size";
import { withDistinctTags } from "@/lib/exercise-tags";
import { describeJsonSyntax } from "@/lib/json-syntax";
import { statementMathProblems } from "@/lib/statement-math";
import { formatKibibytes, utf8Bytes } from "@/lib/submission-limits";

import { authorizeAdmin, invalidRequest, type AdminContext, type Rejected } from "./admin-access";
import { courseSizeProblem, measureCourse, type StoredExerciseSize } from "./course-size";
import { runSelfTest } from "./self-test-view";

/** A file of an import, as uploaded. */
export interface ImportFile {
  /** The file name or its path inside an archive, such as `exercises/tent-h2.json`. */
  name: string;
  text: string;
}

/** One problem of an import: the file, the field path inside it, and what is wrong. */
export interface ImportProblem {
  /** The file, or "Import" for a problem of the import as a whole. */
  file: string;
  /** Dot-separated field path, such as `knownWrong.1.finding`; "" for the whole file. */
  path: string;
  message: string;
}

/** An imported exercise whose self-test fails, which the import keeps hidden as a draft. */
export interface ImportedDraft {
  slug: string;
  /** The failing cases: `reference` or `knownWrong.2`. */
  failing: string[];
}

/** A valid import's plan, with the exercises that it imports as hidden drafts. */
export interface PlannedImport {
  /** The writes of the import. Its `revision` goes into the request of {@link importCourseFiles}. */
  plan: ImportPlan;
  drafts: ImportedDraft[];
}

/** Result of {@link checkCourseImport}. */
export type ImportCheckResponse =
  | Rejected
  | { status: "invalid"; problems: ImportProblem[] }
  | ({ status: "planned" } & PlannedImport);

/** Result of {@link importCourseFiles}. */
export type ImportResponse =
  | Rejected
  | { status: "invalid"; problems: ImportProblem[] }
  /** Nothing written, because the course changed since the check: the plan for its new state. */
  | ({ status: "stale" } & PlannedImport)
  | ({ status: "imported"; report: ImportReport } & PlannedImport);

const importFiles = z
  .array(z.object({ name: z.string().max(MAX_IMPORT_NAME_LENGTH), text: z.string() }))
  .min(1, "no files: choose exercise JSON files or a course archive")
  .max(
    MAX_IMPORT_FILES,
    `more than ${MAX_IMPORT_FILES} files, the most a course exports: ` +
      "import the exercises in smaller parts",
  );

const checkRequest = z.object({ courseSlug: z.string().min(1).max(200), files: importFiles });

const importRequest = checkRequest.extend({ revision: z.string().min(1).max(200) });

/**
 * Checks an import of exercise files, and optionally a `course.json`, in the course folder's
 * format, and returns what it would write without writing anything. The files are validated as
 * a whole: each must be valid JSON that the engine's exercise schema accepts, named after its
 * id, with a unique id, and within the size limits of `@/lib/course-limits`. An exercise whose
 * self-test fails is imported only when it ends up hidden, as a draft. course.json's
 * `exercises` must list each imported exercise once. When any problem exists, every one is
 * returned.
 */
export async function checkCourseImport(
  context: AdminContext,
  request: unknown,
): Promise<ImportCheckResponse> {
  const checked = await readAndValidate(context, checkRequest, request);
  if ("status" in checked) return checked;
  const { plan } = planImport(checked.state, checked.valid.course);
  return { status: "planned", plan, drafts: checked.valid.drafts };
}

/**
 * Validates the files as {@link checkCourseImport} does and writes them, but only while the
 * course is in the state that the check's plan was computed from (its `revision`). When another
 * save or import changed the course since, nothing is written and the response is the plan for
 * the course as it is now, for the admin to confirm again.
 */
export async function importCourseFiles(
  context: AdminContext,
  request: unknown,
): Promise<ImportResponse> {
  const checked = await readAndValidate(context, importRequest, request);
  if ("status" in checked) return checked;
  const { state, valid, course, data } = checked;

  if (state.revision !== data.revision) {
    return { status: "stale", plan: planImport(state, valid.course).plan, drafts: valid.drafts };
  }
  const applied = await applyCourseImport(context.db, course.id, valid.course, data.revision);
  if (applied.status === "imported") {
    const { plan } = applied;
    return { status: "imported", report: summarizeImport(plan), plan, drafts: valid.drafts };
  }
  // The course changed between the read above and the import's transaction.
  const again = await checkCourseImport(context, request);
  return again.status === "planned" ? { ...again, status: "stale" } : again;
}

/** A parsed, authorized and valid import request, with the course state it was checked on. */
interface ValidRequest<Data> {
  data: Data;
  course: { id: string; slug: string };
  state: ImportState;
  valid: ValidatedImport;
}

/** Parses and authorizes a request, reads the course's state and validates the files on it. */
async function readAndValidate<Data extends z.infer<typeof checkRequest>>(
  context: AdminContext,
  schema: z.ZodType<Data>,
  request: unknown,
): Promise<Rejected | { status: "invalid"; problems: ImportProblem[] } | ValidRequest<Data>> {
  const parsed = schema.safeParse(request);
  if (!parsed.success) {
    const files = parsed.error.issues.find((issue) => issue.path[0] === "files");
    if (files) return { status: "rejected", message: `Import: ${files.message}.` };
    return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  }
  const sizeProblem = importSizeProblem(parsed.data.files);
  if (sizeProblem !== null) return { status: "rejected", message: sizeProblem };
  const access = await authorizeAdmin(context, parsed.data.courseSlug);
  if ("status" in access) return access;

  const problems: ImportProblem[] = [];
  const { course } = access;
  const state = await readImportState(context.db, course.id);
  const target = { slug: course.slug, exercises: storedSizes(state) };
  const valid = validateImport(parsed.data.files, target, problems);
  if (problems.length > 0) return { status: "invalid", problems };
  return { data: parsed.data, course, state, valid };
}

/** Lists the stored exercises that have a version, with their size toward the course limit. */
function storedSizes(state: ImportState): StoredExerciseSize[] {
  return state.exercises.flatMap(({ slug, visibility, newest }) =>
    newest === null ? [] : [{ slug, visibility, bytes: exportedExerciseBytes(newest.definition) }],
  );
}

/** Returns the sentence for files over `MAX_IMPORT_TEXT_BYTES`, or null within the limit. */
function importSizeProblem(files: ImportFile[]): string | null {
  const bytes = files.reduce((total, file) => total + utf8Bytes(file.text), 0);
  if (bytes <= MAX_IMPORT_TEXT_BYTES) return null;
  return (
    `Import: the files are ${formatKibibytes(bytes)}, larger than the maximum of ` +
    `${formatKibibytes(MAX_IMPORT_TEXT_BYTES)} for one import: import the exercises in ` +
    "smaller parts."
  );
}

/** The course that receives an import. */
export interface ImportTarget {
  slug: string;
  /**
   * The course's exercises. A course without any may take another course's course.json, and
   * the import's limits count the exercises that it leaves as they are.
   */
  exercises: StoredExerciseSize[];
}

/** A validated import, ready for `importCourse`, and the exercises it imports as drafts. */
export interface ValidatedImport {
  course: CourseImport;
  drafts: ImportedDraft[];
}

/** Validates every file of an import, appending each problem found to `problems`. */
export function validateImport(
  files: ImportFile[],
  target: ImportTarget,
  problems: ImportProblem[],
): ValidatedImport {
  const result: CourseImport = { exercises: [], course: null };
  const drafts: ImportedDraft[] = [];
  const fileOfId = new Map<string, string>();
  // Ids taken from the file names, so that a file with problems of its own still counts as
  // listed in course.json's `exercises`.
  const fileIds: string[] = [];
  let courseFile: string | null = null;
  // course.json's `exercises` list, checked even when other fields of course.json have problems.
  let order: string[] | undefined;
  for (const file of files) {
    const base = file.name.split("/").pop() ?? file.name;
    if (!base.endsWith(".json")) {
      const message =
        "is not a .json file: choose exercise .json files, course.json, or a course archive " +
        "as .tar or .tar.gz";
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
      if (parsed) {
        result.course = checkCourseInfo(file.name, parsed.value, target, problems);
        order = readCourseOrder(parsed.value);
      }
      continue;
    }
    fileIds.push(base.slice(0, -".json".length));
    const parsed = parseJsonFile(file, problems);
    const checked = parsed && checkExercise(file, base, parsed.value, target, problems);
    if (!checked) continue;
    const { exercise, failing } = checked;
    const earlier = fileOfId.get(exercise.slug);
    if (earlier !== undefined) {
      const message = `repeats the id "${exercise.slug}" of ${earlier}: give each exercise its own id`;
      problems.push({ file: file.name, path: "id", message });
      continue;
    }
    fileOfId.set(exercise.slug, file.name);
    result.exercises.push(exercise);
    if (failing.length > 0) drafts.push({ slug: exercise.slug, failing });
  }
  if (courseFile !== null && order !== undefined) {
    for (const problem of checkCourseOrder(order, fileIds)) {
      problems.push({ file: courseFile, ...problem });
    }
  }
  checkCourseSize(result.exercises, target, fileOfId, problems);
  return { course: result, drafts };
}

/**
 * Checks the course's size after the import: its exercises that the import leaves as they are,
 * and the imported ones, against the limits that keep the course's export importable.
 */
function checkCourseSize(
  imported: ImportedExercise[],
  target: ImportTarget,
  fileOfId: ReadonlyMap<string, string>,
  problems: ImportProblem[],
): void {
  const sizes = new Map(target.exercises.map((exercise) => [exercise.slug, exercise.bytes]));
  const before = measureCourse(sizes);
  const importedSizes = imported.map((exercise) => ({
    slug: exercise.slug,
    file: fileOfId.get(exercise.slug) ?? `${exercise.slug}.json`,
    bytes: exportedExerciseBytes(exercise.definition),
  }));
  for (const { slug, bytes } of importedSizes) sizes.set(slug, bytes);
  const largest = [...importedSizes]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map(({ file, bytes }) => `${file} (${formatKibibytes(bytes)})`);
  const fix = `shorten or leave out the largest exercises: ${largest.join(", ")}`;
  const message = courseSizeProblem(before, measureCourse(sizes), fix);
  if (message !== null) problems.push({ file: "Import", path: "", message });
}

function parseJsonFile(file: ImportFile, problems: ImportProblem[]): { value: unknown } | null {
  try {
    return { value: JSON.parse(file.text) };
  } catch {
    problems.push({ file: file.name, path: "", message: describeJsonSyntax(file.text) });
    return null;
  }
}

/** An exercise file that passed validation, with the failing cases of a draft's self-test. */
interface CheckedExercise {
  exercise: ImportedExercise;
  failing: string[];
}

function checkExercise(
  file: ImportFile,
  base: string,
  value: unknown,
  target: ImportTarget,
  problems: ImportProblem[],
): CheckedExercise | null {
  const prepared = prepareExercise(value);
  const mathProblems = statementMathProblems(value);
  for (const problem of [...(prepared.ok ? [] : prepared.problems), ...mathProblems]) {
    problems.push({ file: file.name, path: problem.path, message: fieldMessage(problem.message) });
  }
  if (!prepared.ok || mathProblems.length > 0) return null;
  const { exercise } = prepared.prepared;
  // A file with repeated tags is stored rewritten without them, and any other file as written.
  const distinct = withDistinctTags(value);
  const text = distinct === null ? file.text : storedExerciseText(distinct);
  const columns = readExerciseColumns(exercise, text);
  let valid = true;
  if (base !== `${exercise.id}.json`) {
    const message = `does not match the file name: rename the file to ${exercise.id}.json`;
    problems.push({ file: file.name, path: "id", message });
    valid = false;
  }
  const bytes = utf8Bytes(columns.definition);
  if (bytes > MAX_DEFINITION_BYTES) {
    const message =
      `is ${formatKibibytes(bytes)} without visibility and dueDate, larger than the maximum ` +
      `of ${formatKibibytes(MAX_DEFINITION_BYTES)}: shorten the statement or the networks`;
    problems.push({ file: file.name, path: "", message });
    valid = false;
  }
  const failing = runSelfTest(prepared.prepared).cases.filter((testCase) => !testCase.passed);
  const stored = target.exercises.find((other) => other.slug === exercise.id);
  const visibility = columns.visibility ?? stored?.visibility ?? "hidden";
  if (failing.length > 0 && visibility === "visible") {
    for (const testCase of failing) {
      problems.push({ file: file.name, path: testCase.path, message: testCase.failure ?? "" });
    }
    problems.push({ file: file.name, path: "visibility", message: publishedDraftMessage(columns) });
    valid = false;
  }
  if (!valid) return null;
  return { exercise: columns, failing: failing.map((testCase) => testCase.path) };
}

/** Words the problem of a file whose self-test fails while the exercise would be visible. */
function publishedDraftMessage(columns: ImportedExercise): string {
  const fix = 'fix the failing cases, or set "visibility": "hidden" to import it as a draft';
  return columns.visibility === undefined
    ? `is missing, so the exercise stays published, but its self-test fails: ${fix}`
    : `is "visible", but the exercise's self-test fails: ${fix}`;
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
  const parsed = parseCourseInfo(value);
  if (!parsed.ok) {
    for (const problem of parsed.problems) {
      problems.push({ file, path: problem.path, message: fieldMessage(problem.message) });
    }
    return null;
  }
  const { info } = parsed;
  if (info.slug !== target.slug && target.exercises.length > 0) {
    const fix = "fix the slug, leave course.json out, or import into a course without exercises";
    const message = `names the course "${info.slug}", not this course "${target.slug}": ${fix}`;
    problems.push({ file, path: "slug", message });
    return null;
  }
  const lengthProblems = [
    tooLong("title", info.title, MAX_TITLE_LENGTH),
    tooLong("description", info.description, MAX_DESCRIPTION_LENGTH),
  ].flatMap((problem) => (problem === null ? [] : [{ file, ...problem }]));
  if (lengthProblems.length > 0) {
    problems.push(...lengthProblems);
    return null;
  }
  const { title, description, acceptLate, exercises } = info;
  const course: ImportedCourseInfo = { title, description };
  if (acceptLate !== undefined) course.acceptLate = acceptLate;
  if (exercises !== undefined) course.order = exercises;
  return course;
}

/** Returns the problem of a course.json text longer than the course settings allow, or null. */
function tooLong(
  path: string,
  text: string,
  max: number,
): { path: string; message: string } | null {
  if (text.length <= max) return null;
  const format = (count: number) => count.toLocaleString("en");
  const message =
    `is ${format(text.length)} characters long, more than the maximum of ${format(max)}: ` +
    "shorten it";
  return { path, message };
}
