import "server-only";

import { z } from "zod";

import {
  createExercise,
  findExerciseForAdmin,
  saveExerciseVersion,
  setExerciseVisibility,
} from "@sawtooth/db";
import { prepareExercise, type PreparedExercise } from "@sawtooth/theory";

import { MAX_DEFINITION_BYTES, storedExerciseText } from "@/lib/course-limits";
import { toFieldProblem, type FieldProblem } from "@/lib/exercise-fields";
import { describeJsonSyntax } from "@/lib/json-syntax";
import { formatKibibytes, utf8Bytes } from "@/lib/submission-limits";

import { prepareVersion } from "../grading";
import { authorizeAdmin, invalidRequest, type AdminContext, type Rejected } from "./admin-access";
import { checkSavedExerciseSize } from "./course-size";
import { runSelfTest, type SelfTestView } from "./self-test-view";

const saveRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  /** The exercise being edited, or null to create one. */
  exerciseSlug: z.string().min(1).max(200).nullable(),
  /** The exercise file as JSON text, at most `MAX_DEFINITION_BYTES` long (checked below). */
  definition: z.string(),
  /** An ISO 8601 timestamp, or "" for no due date. */
  dueDate: z.string().max(100),
});

/** Result of {@link saveExercise}. */
export type SaveExerciseResult =
  | Rejected
  /** Nothing stored: every problem of the definition, by field. */
  | { status: "invalid"; problems: FieldProblem[]; selfTest: SelfTestView | null }
  | {
      status: "saved";
      slug: string;
      version: number;
      /**
       * Whether the save stored a new version: false when the file defines the same version as
       * the newest one, as `sameExerciseVersion` decides for the import too.
       */
      createdVersion: boolean;
      /** Whether the title, attempt limit, due date or target plot setting changed. */
      columnsChanged: boolean;
      selfTest: SelfTestView;
    };

/**
 * Validates an exercise file from the editor, runs its self-test and stores it: a new exercise
 * starts hidden, and an edit adds a version only when `sameExerciseVersion` finds the file
 * different from the newest version. A visible exercise whose self-test fails is not stored, so
 * students never get an exercise whose reference fails.
 */
export async function saveExercise(
  context: AdminContext,
  request: unknown,
): Promise<SaveExerciseResult> {
  const parsed = saveRequest.safeParse(request);
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  const access = await authorizeAdmin(context, parsed.data.courseSlug);
  if ("status" in access) return access;

  const { exerciseSlug, definition, dueDate } = parsed.data;
  const existing =
    exerciseSlug === null
      ? null
      : await findExerciseForAdmin(context.db, access.course.id, exerciseSlug);
  if (exerciseSlug !== null && existing === null) {
    return { status: "rejected", message: `Exercise "${exerciseSlug}" not found in this course.` };
  }
  const checked = checkDefinition(definition, dueDate, exerciseSlug);
  if ("problems" in checked) {
    return { status: "invalid", problems: checked.problems, selfTest: null };
  }

  const selfTest = runSelfTest(checked.prepared);
  if (existing?.visibility === "visible" && !selfTest.passed) {
    const message = "the self-test fails, so this published exercise keeps its current version";
    return { status: "invalid", problems: [toFieldProblem("", message)], selfTest };
  }
  const { exercise } = checked.prepared;
  const courseId = access.course.id;
  const sizeProblem = await checkSavedExerciseSize(context.db, courseId, exercise.id, checked.text);
  if (sizeProblem !== null) {
    return { status: "invalid", problems: [toFieldProblem("", sizeProblem)], selfTest };
  }
  const columns = {
    title: exercise.title,
    attemptLimit: exercise.attemptLimit ?? null,
    dueDate: checked.dueDate,
    showTarget: exercise.reveal.targetPlot,
  };
  if (existing === null) {
    const created = await createExercise(context.db, access.course.id, {
      ...columns,
      slug: exercise.id,
      definition: checked.text,
    });
    if (created.status === "duplicate-slug") {
      const message = `"${exercise.id}" is taken in this course: choose another id`;
      return { status: "invalid", problems: [toFieldProblem("id", message)], selfTest };
    }
    const changes = { createdVersion: true, columnsChanged: true };
    return { status: "saved", slug: exercise.id, version: 1, ...changes, selfTest };
  }
  const saved = await saveExerciseVersion(context.db, existing.id, {
    ...columns,
    definition: checked.text,
  });
  const changes = { createdVersion: saved.created, columnsChanged: saved.columnsChanged };
  return { status: "saved", slug: exercise.id, version: saved.number, ...changes, selfTest };
}

type CheckedDefinition =
  { problems: FieldProblem[] } | { prepared: PreparedExercise; text: string; dueDate: Date | null };

/** Parses and validates the editor's exercise file and due date, collecting every problem. */
function checkDefinition(
  definition: string,
  dueDate: string,
  exerciseSlug: string | null,
): CheckedDefinition {
  const problems: FieldProblem[] = [];
  const due = dueDate === "" ? null : new Date(dueDate);
  if (due !== null && Number.isNaN(due.getTime())) {
    problems.push(toFieldProblem("dueDate", "is not a date: pick one or leave it empty"));
  }
  const bytes = utf8Bytes(definition);
  if (bytes > MAX_DEFINITION_BYTES) {
    const message =
      `is ${formatKibibytes(bytes)}, larger than the maximum of ` +
      `${formatKibibytes(MAX_DEFINITION_BYTES)}: shorten the statement or the networks`;
    problems.push(toFieldProblem("", message));
    return { problems };
  }
  let value: unknown;
  try {
    value = JSON.parse(definition);
  } catch {
    problems.push(toFieldProblem("", describeJsonSyntax(definition)));
    return { problems };
  }
  const prepared = prepareExercise(value);
  if (!prepared.ok) {
    const targetKind = targetKindOf(value);
    problems.push(
      ...prepared.problems.map((problem) =>
        toFieldProblem(problem.path, problem.message, targetKind),
      ),
    );
  } else if (exerciseSlug !== null && prepared.prepared.exercise.id !== exerciseSlug) {
    const message = `cannot change from "${exerciseSlug}": create a new exercise for a new id`;
    problems.push(toFieldProblem("id", message));
  }
  if (problems.length > 0 || !prepared.ok) return { problems };
  const text = storedExerciseText(value);
  const storedBytes = utf8Bytes(text);
  if (storedBytes > MAX_DEFINITION_BYTES) {
    const message =
      `is ${formatKibibytes(storedBytes)} as stored with its indentation, larger than the ` +
      `maximum of ${formatKibibytes(MAX_DEFINITION_BYTES)}: shorten the statement or the networks`;
    return { problems: [toFieldProblem("", message)] };
  }
  return { prepared: prepared.prepared, text, dueDate: due };
}

/** Returns the `target.kind` of a parsed exercise file, which decides what its fields are. */
function targetKindOf(value: unknown): string | undefined {
  const target = (value as { target?: { kind?: unknown } } | null)?.target;
  return typeof target?.kind === "string" ? target.kind : undefined;
}

const visibilityRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  exerciseSlug: z.string().min(1).max(200),
  visible: z.boolean(),
});

/** Result of {@link setVisibility}. */
export type VisibilityResult =
  | Rejected
  | { status: "self-test-failed"; selfTest: SelfTestView }
  | { status: "done"; visibility: "visible" | "hidden"; selfTest: SelfTestView | null };

/**
 * Publishes or hides an exercise. Publishing first runs the self-test of the newest version and
 * publishes only when the reference passes and every known-wrong submission fails as stated.
 */
export async function setVisibility(
  context: AdminContext,
  request: unknown,
): Promise<VisibilityResult> {
  const parsed = visibilityRequest.safeParse(request);
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  const access = await authorizeAdmin(context, parsed.data.courseSlug);
  if ("status" in access) return access;

  const { exerciseSlug, visible } = parsed.data;
  const exercise = await findExerciseForAdmin(context.db, access.course.id, exerciseSlug);
  const newest = exercise?.versions[0];
  if (!exercise || !newest) {
    return { status: "rejected", message: `Exercise "${exerciseSlug}" not found in this course.` };
  }
  if (!visible) {
    await setExerciseVisibility(context.db, exercise.id, "hidden");
    return { status: "done", visibility: "hidden", selfTest: null };
  }
  const selfTest = runSelfTest(prepareVersion({ id: newest.id, definition: exercise.definition }));
  if (!selfTest.passed) {
    return { status: "self-test-failed", selfTest };
  }
  await setExerciseVisibility(context.db, exercise.id, "visible");
  return { status: "done", visibility: "visible", selfTest };
}
