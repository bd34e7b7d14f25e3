import "server-only";

import { z } from "zod";

import {
  findCourseMembership,
  findExercise,
  findSubmissionTarget,
  findVersionDefinition,
  isPasswordChangeRequired,
  isStaffRole,
  recordAttemptWithinLimit,
  type Database,
  type SubmissionTarget,
} from "@sawtooth/db";
import type { Feedback } from "@sawtooth/theory";

import { toHistoryRow } from "@/lib/attempt-history-row";
import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from "@/lib/password-rules";
import type { SubmitResult } from "@/lib/submission-contract";
import { MAX_SUBMISSION_BYTES } from "@/lib/submission-limits";

import { BoundedCache } from "./bounded-cache";
import type { GradedSubmission, StoredVersion } from "./grading";
import { getGradingPool } from "./grading-pool";
import { logger } from "./log";

/** The submitting user, the database to store in, and the time to check due dates against. */
export interface SubmissionContext {
  db: Database;
  /** The signed-in user's id, or null when no one is signed in. */
  userId: string | null;
  /** True when a signed-in user must replace a one-time password first, so `userId` is null. */
  passwordChangeRequired?: boolean;
  now: Date;
}

/** A submit request as it arrives from the browser, before validation. */
export interface SubmissionRequest {
  courseSlug: unknown;
  exerciseId: unknown;
  submission: unknown;
}

const requestSchema = z.object({
  courseSlug: z.string().min(1).max(200),
  exerciseId: z.string().min(1).max(200),
  submission: z.string(),
});

type ValidRequest = z.infer<typeof requestSchema>;

const dueDateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/**
 * Grades a submission and stores it as an attempt of the user. Every outcome the user can cause
 * is a result, never an exception: invalid input, a missing course or exercise, a passed due
 * date, no attempts left. An invalid network is returned without being stored, and so is a
 * grading that ran over the pool's time or memory budget. Grading runs in a worker thread of
 * the grading pool. A stored attempt is committed before this function returns.
 */
export async function submitAttempt(
  context: SubmissionContext,
  request: SubmissionRequest,
): Promise<SubmitResult> {
  const parsed = parseRequest(request);
  if ("status" in parsed) {
    return parsed;
  }

  const target = await authorize(context, parsed);
  if ("status" in target) {
    return target;
  }

  const { userId, exercise, version } = target;
  const ids = { userId, exerciseId: exercise.id, versionId: version.id };
  const definition = await loadDefinition(context.db, version.id);
  const grading = await gradeInPool({ id: version.id, definition }, parsed.submission, ids);
  if ("status" in grading) {
    return grading;
  }
  const { feedback, network, gradingMs } = grading;
  const { verdict } = feedback;
  if (verdict === "invalid" || network === null) {
    return { status: "invalid", feedback };
  }
  const result = await recordAttemptWithinLimit(
    context.db,
    {
      userId,
      exerciseId: exercise.id,
      exerciseVersionId: version.id,
      raw: parsed.submission,
      network,
      verdict,
      score: feedback.score,
      feedback: JSON.stringify(feedback),
      gradingMs,
    },
    exercise.attemptLimit,
  );

  if (result.status === "limit-reached") {
    logger.info({ ...ids, attemptCount: result.attemptCount }, "attempt limit reached");
    const message = `No attempts left: you have used all ${result.attemptCount} attempts at this exercise.`;
    return { status: "rejected", reason: "limit-reached", message };
  }
  const { attempt, duplicate } = result;
  logger.info({ ...ids, attemptId: attempt.id, duplicate }, "attempt stored");
  return {
    status: "graded",
    attemptId: attempt.id,
    duplicate,
    // A duplicate returns the feedback stored with it, which is what the student saw then.
    feedback: duplicate ? (JSON.parse(attempt.feedback) as Feedback) : feedback,
    attemptsLeft: attemptsLeft(exercise.attemptLimit, result.attemptCount),
    attempt: toHistoryRow(attempt),
  };
}

/** The result of a grading that ran over the pool's time or memory budget. */
export type TooComplexResult = Extract<SubmitResult, { status: "too-complex" }>;

/**
 * Grades a submission in the process's grading pool, under its time and memory budget, and logs
 * the verdict or the overrun with `ids`. Returns the graded submission, or the result to send
 * back when the grading was stopped. Stores nothing.
 */
export async function gradeInPool(
  version: StoredVersion,
  submission: string,
  ids: Record<string, string>,
): Promise<GradedSubmission | TooComplexResult> {
  const grading = await getGradingPool().grade(version, submission);
  if (grading.status === "too-complex") {
    logger.warn(
      { ...ids, reason: grading.reason, gradingMs: grading.elapsedMs },
      "grading over budget",
    );
    return { status: "too-complex", message: tooComplexMessage(grading.reason) };
  }
  const { feedback, gradingMs } = grading.graded;
  logger.info({ ...ids, verdict: feedback.verdict, gradingMs }, "graded");
  return grading.graded;
}

/**
 * Returns why a submission is too large to grade, naming its size and the maximum, or null when
 * it fits under {@link MAX_SUBMISSION_BYTES}.
 */
export function submissionTooLargeMessage(submission: string): string | null {
  const bytes = Buffer.byteLength(submission, "utf8");
  if (bytes <= MAX_SUBMISSION_BYTES) {
    return null;
  }
  return (
    `The submission is ${formatKibibytes(bytes)}, larger than the maximum of ` +
    `${formatKibibytes(MAX_SUBMISSION_BYTES)}. Remove whitespace or unused fields and submit again.`
  );
}

/**
 * Returns why an exercise takes no more attempts at `now`: its due date has passed and the course
 * rejects late attempts. Returns null while it takes them. The exercise page shows the message
 * before a submit, and the submit check returns it.
 */
export function closedForLateMessage(
  dueDate: Date | null,
  acceptLate: boolean,
  now: Date,
): string | null {
  if (dueDate === null || now <= dueDate || acceptLate) {
    return null;
  }
  const due = `${dueDateFormat.format(dueDate)} UTC`;
  return `The due date (${due}) has passed and this course does not accept late attempts, so attempts are closed.`;
}

/** Returns the attempts left under a limit, or null when the exercise has no limit. */
export function attemptsLeft(attemptLimit: number | null, attemptCount: number): number | null {
  return attemptLimit === null ? null : Math.max(0, attemptLimit - attemptCount);
}

function parseRequest(request: SubmissionRequest): ValidRequest | SubmitResult {
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    return {
      status: "rejected",
      reason: "invalid-request",
      message: `Invalid request: check ${fields} and submit again.`,
    };
  }
  const tooLarge = submissionTooLargeMessage(parsed.data.submission);
  if (tooLarge !== null) {
    return { status: "rejected", reason: "too-large", message: tooLarge };
  }
  return parsed.data;
}

/**
 * Checks that the user is signed in, a member of the course (any role), and may see the
 * exercise, and that its due date allows an attempt. A missing course and a course the user is
 * not a member of get the same message, so the message does not reveal which courses exist.
 */
async function authorize(
  context: SubmissionContext,
  request: ValidRequest,
): Promise<(SubmissionTarget & { userId: string }) | SubmitResult> {
  const { db, userId, now } = context;
  if (context.passwordChangeRequired) {
    return {
      status: "rejected",
      reason: "password-change-required",
      message: PASSWORD_CHANGE_REQUIRED_MESSAGE,
    };
  }
  if (userId === null) {
    return {
      status: "rejected",
      reason: "signed-out",
      message: "You are signed out. Sign in again and resubmit.",
    };
  }
  const target = await findSubmissionTarget(db, userId, request.courseSlug, request.exerciseId);
  if (!target) {
    return explainMissingTarget(db, userId, request);
  }
  const { course, exercise } = target;
  const closed = closedForLateMessage(exercise.dueDate, course.acceptLate, now);
  if (closed !== null) {
    return { status: "rejected", reason: "past-due", message: closed };
  }
  return { ...target, userId };
}

/** Says why {@link findSubmissionTarget} found nothing, asking for the course and exercise apart. */
async function explainMissingTarget(
  db: Database,
  userId: string,
  request: ValidRequest,
): Promise<SubmitResult> {
  if (await isPasswordChangeRequired(db, userId)) {
    return {
      status: "rejected",
      reason: "password-change-required",
      message: PASSWORD_CHANGE_REQUIRED_MESSAGE,
    };
  }
  const membership = await findCourseMembership(db, userId, request.courseSlug);
  if (!membership) {
    const message = `Course "${request.courseSlug}" not found, or you are not a member of it.`;
    return { status: "rejected", reason: "not-found", message };
  }
  const exercise = await findExercise(db, membership.course.id, request.exerciseId, {
    includeHidden: isStaffRole(membership.role),
  });
  if (!exercise) {
    const message = `Exercise "${request.exerciseId}" not found.`;
    return { status: "rejected", reason: "not-found", message };
  }
  // The exercise exists now: it was created between the two lookups. Asking again is safe.
  const message = "The exercise changed while you submitted. Submit again.";
  return { status: "rejected", reason: "changed", message };
}

/**
 * Exercise definitions by version id, so a submission reads its version's file only once. An
 * entry can hold older wording after an in-place edit of the version's title, statement or tags.
 * That is safe because the text only goes to grading, which reads none of those fields, and
 * everything grading reads never changes in place. Pages that show the statement read the
 * stored text instead.
 */
const definitionByVersion = new BoundedCache<string, string>(64);

/**
 * Returns the exercise file of a version, reading it only when it is not cached yet. Throws
 * when the version is gone, which only deleting an exercise can cause.
 */
async function loadDefinition(db: Database, versionId: string): Promise<string> {
  const cached = definitionByVersion.get(versionId);
  if (cached !== undefined) {
    return cached;
  }
  const definition = await findVersionDefinition(db, versionId);
  if (definition === null) {
    throw new Error(`Exercise version ${versionId} was deleted while a submission was graded.`);
  }
  return definitionByVersion.getOrCreate(versionId, () => definition);
}

function tooComplexMessage(reason: "time" | "memory"): string {
  const budget = reason === "time" ? "time limit" : "memory limit";
  return (
    `Grading this network ran over the server's ${budget}, so it was stopped. No attempt was ` +
    "used. Submit a network with fewer layers or pieces, or try again later."
  );
}

function formatKibibytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}
