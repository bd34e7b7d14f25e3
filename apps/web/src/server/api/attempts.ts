import "server-only";

import { findAttempt, findMembershipByCourseId, listAttemptComments } from "@sawtooth/db";
import type { Feedback } from "@sawtooth/theory";

import type { RejectionReason } from "@/lib/submission-contract";

import { maySeeAttempt } from "../access";
import { submitAttempt } from "../submissions";
import { readJsonBody } from "./body";
import type { ApiCall } from "./context";
import { ApiError, errorResponse, jsonResponse, type ApiErrorCode } from "./errors";
import { parseOrThrow } from "./parse";
import { attemptParamsSchema, exerciseParamsSchema, submitRequestSchema } from "./schemas";

/** The API's error code for each reason `submitAttempt` rejects a submission. */
const REJECTION_CODES: Record<RejectionReason, ApiErrorCode> = {
  "invalid-request": "invalid_request",
  "too-large": "payload_too_large",
  "signed-out": "unauthorized",
  "password-change-required": "forbidden",
  "not-found": "not_found",
  "past-due": "deadline_passed",
  "limit-reached": "attempt_limit_reached",
  changed: "conflict",
};

/**
 * POST /courses/{course}/exercises/{exercise}/attempts: grades and stores a submission through
 * `submitAttempt`, the web page's path, so formats, limits, dedup and the attempt limit are the
 * same. 201 for a new attempt, 200 for a network stored before, 422 for one that cannot be graded
 * or that ran over the grading budget.
 */
export async function submitAttemptHandler({
  context,
  caller,
  request,
  params,
}: ApiCall<unknown>): Promise<Response> {
  const { course, exercise } = parseOrThrow(exerciseParamsSchema, params, "path");
  const body = parseOrThrow(submitRequestSchema, await readJsonBody(request), "body");
  const submission =
    typeof body.submission === "string" ? body.submission : JSON.stringify(body.submission);

  const result = await submitAttempt(
    { db: context.db, userId: caller.userId, now: context.now() },
    { courseSlug: course, exerciseId: exercise, submission },
  );

  switch (result.status) {
    case "rejected":
      throw new ApiError(REJECTION_CODES[result.reason], result.message);
    case "too-complex":
      throw new ApiError("too_complex", result.message);
    case "invalid": {
      const message = `The submission cannot be graded: ${result.feedback.messages.join(" ")}`;
      return errorResponse("invalid_submission", message, { extra: { feedback: result.feedback } });
    }
    case "graded": {
      const { attempt } = result;
      const body = {
        attempt: {
          id: attempt.id,
          submittedAt: attempt.submittedAt,
          verdict: attempt.verdict,
          score: attempt.score,
        },
        duplicate: result.duplicate,
        attemptsLeft: result.attemptsLeft,
        feedback: result.feedback,
      };
      return jsonResponse(body, { status: result.duplicate ? 200 : 201 });
    }
  }
}

/**
 * GET /attempts/{attempt}: an attempt with its feedback and the tutors' comments. The members
 * that `maySeeAttempt` allows read it, as on the attempt page: a student their own attempts at
 * visible exercises, tutors and admins any attempt of the course. Every other attempt is
 * "not_found", so its existence stays hidden.
 */
export async function readAttemptHandler({
  context,
  caller,
  params,
}: ApiCall<unknown>): Promise<Response> {
  const { attempt: attemptId } = parseOrThrow(attemptParamsSchema, params, "path");

  const { db } = context;
  const attempt = await findAttempt(db, attemptId);
  const membership =
    attempt && (await findMembershipByCourseId(db, caller.userId, attempt.exercise.courseId));
  const allowed =
    membership && maySeeAttempt({ userId: caller.userId, role: membership.role }, attempt);
  if (!attempt || !membership || !allowed) {
    throw new ApiError("not_found", `Attempt "${attemptId}" not found.`);
  }

  const comments = await listAttemptComments(db, attempt.id);
  // As on the attempt page, a tutor's override replaces the graded score in the feedback.
  const feedback = { ...(JSON.parse(attempt.feedback) as Feedback), score: attempt.score };
  return jsonResponse({
    id: attempt.id,
    course: membership.course.slug,
    exercise: attempt.exercise.slug,
    userId: attempt.userId,
    submittedAt: attempt.createdAt.toISOString(),
    verdict: attempt.verdict,
    score: attempt.score,
    gradedScore: attempt.gradedScore,
    overrideScore: attempt.overrideScore,
    gradingMs: attempt.gradingMs,
    exerciseVersion: attempt.exerciseVersion.number,
    submission: attempt.raw,
    feedback,
    comments: comments.map((comment) => ({
      author: comment.author.name,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
    })),
  });
}
