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
import { withDistinctTags } from "@/lib/exercise-tags";
import { describeJsonSyntax } from "@/lib/json-syntax";
import { statementMathProblems } from "@/lib/statement-math";
import { formatKibibytes, utf8Bytes } from "@/lib/submission-limits";

import { prepareVersion } from "../grading";
import { logger } from "../log";
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
  /**
   * The revision the editor's form was loaded from, required when `exerciseSlug` is not null
   * (checked below) so that a save never overwrites one made after the form was loaded.
   */
  revision: z.string().max(100).optional(),
});

/** The rejection of a save of an existing exercise that does not send the revision it edits. */
const MISSING_REVISION: Rejected = {
  status: "rejected",
  message:
    "Invalid request: revision is missing, and saving an existing exercise requires the " +
    "revision the editor was loaded from. Nothing was stored. Reload the editor and save again.",
};

/** Result of {@link saveExercise}. */
export type SaveExerciseResult =
  | Rejected
  /** Nothing stored: every problem of the definition, by field. */
  | { status: "invalid"; problems: FieldProblem[]; selfTest: SelfTestView | null }
  /** Nothing stored, because the exercise changed after the form was loaded. */
  | { status: "conflict"; message: string }
  | {
      status: "saved";
      slug: string;
      version: number;
      /**
       * Whether the save stored a new version: false when the file defines the same version as
       * the newest one, as `exerciseFileChange` decides for the import too.
       */
      createdVersion: boolean;
      /**
       * The first earlier version whose definition the new version repeats, as
       * `exerciseFileChange` decides, such as the version a restore loaded into the editor. It is
       * null when the save stored no new version or a definition not stored before.
       */
      sameDefinitionAs: number | null;
      /** Whether the save changed the title, statement or tags of the newest version in place. */
      wordingChanged: boolean;
      /** Whether the title, attempt limit, due date or target plot setting changed. */
      columnsChanged: boolean;
      /** The revision to send with the next save of this form. */
      revision: string;
      selfTest: SelfTestView;
    };

/**
 * Validates an exercise file from the editor, runs its self-test and stores it: a new exercise
 * starts hidden, and an edit adds a version only when `exerciseFileChange` finds a change that
 * grading or feedback depends on; new wording is stored in the newest version. A visible
 * exercise whose self-test fails is not stored, so students never get an exercise whose
 * reference fails. A save of an existing exercise must send the revision its form was loaded
 * from, and a save from a form loaded before another save is rejected as "conflict".
 */
export async function saveExercise(
  context: AdminContext,
  request: unknown,
): Promise<SaveExerciseResult> {
  const parsed = saveRequest.safeParse(request);
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  const { exerciseSlug, definition, dueDate, revision } = parsed.data;
  if (exerciseSlug !== null && revision === undefined) {
    logger.info({ userId: context.userId, exerciseSlug }, "exercise save rejected: no revision");
    return MISSING_REVISION;
  }
  const access = await authorizeAdmin(context, parsed.data.courseSlug);
  if ("status" in access) return access;

  const existing =
    exerciseSlug === null
      ? null
      : await findExerciseForAdmin(context.db, access.course.id, exerciseSlug);
  if (exerciseSlug !== null && existing === null) {
    const message =
      `Exercise "${exerciseSlug}" not found in this course: it was deleted. Nothing was stored. ` +
      "To keep your edits, copy them into a new exercise (New exercise on the course admin page).";
    return { status: "rejected", message };
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
    const stored = await findExerciseForAdmin(context.db, courseId, exercise.id);
    const changes = {
      createdVersion: true,
      sameDefinitionAs: null,
      wordingChanged: false,
      columnsChanged: true,
    };
    const saved = { slug: exercise.id, version: 1, revision: stored?.revision ?? "" };
    return { status: "saved", ...saved, ...changes, selfTest };
  }
  const saved = await saveExerciseVersion(context.db, existing.id, {
    ...columns,
    definition: checked.text,
    // Never "" here, because a save of an existing exercise without a revision was rejected above.
    revision: revision ?? "",
  });
  if (saved.status === "conflict") {
    const ids = { exerciseId: existing.id, userId: context.userId };
    logger.info({ ...ids, changedAt: saved.changedAt }, "exercise save rejected: stale revision");
    return { status: "conflict", message: conflictMessage(saved.changedAt) };
  }
  const changes = {
    createdVersion: saved.created,
    sameDefinitionAs: saved.sameDefinitionAs,
    wordingChanged: saved.wordingChanged,
    columnsChanged: saved.columnsChanged,
  };
  const result = { slug: exercise.id, version: saved.number, revision: saved.revision };
  return { status: "saved", ...result, ...changes, selfTest };
}

/**
 * Says that a save was rejected because of another save, and when that was. Who saved is not
 * stored, so the message cannot name them.
 */
function conflictMessage(changedAt: Date): string {
  const time = changedAt.toISOString().slice(0, 16).replace("T", " ");
  return (
    `This exercise was changed since you opened it (last saved ${time} UTC, in another tab or ` +
    "by another admin). Nothing was stored. Reload to see the stored exercise, then apply " +
    "your edits again."
  );
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
  value = withDistinctTags(value) ?? value;
  const prepared = prepareExercise(value);
  problems.push(
    ...statementMathProblems(value).map(({ path, message }) => toFieldProblem(path, message)),
  );
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
