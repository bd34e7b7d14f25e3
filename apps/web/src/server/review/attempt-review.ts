import { z } from "zod";

import {
  addAttemptComment,
  deleteAttemptComment,
  editAttemptComment,
  MAX_COMMENT_LENGTH,
  MAX_OVERRIDE_REASON_LENGTH,
  overrideAttemptScore,
} from "@sawtooth/db";

import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from "@/lib/password-rules";

import { describeIssue } from "../request-issue";
import { findReviewAttempt, type NotFound, type ReviewContext } from "./review-access";

/** Result of a review action that the form shows. */
export type ReviewActionResult =
  | { status: "saved" }
  | NotFound
  | { status: "invalid"; message: string }
  | { status: "conflict"; message: string }
  /** The caller must replace a one-time password before doing anything else. */
  | { status: "rejected"; message: string };

const idSchema = z.string().min(1).max(200);

const commentBodySchema = z
  .string()
  .trim()
  .min(1, "The comment is empty: write what the student should read.")
  .max(MAX_COMMENT_LENGTH, `The comment is longer than ${MAX_COMMENT_LENGTH} characters.`);

const commentSchema = z.object({
  courseSlug: idSchema,
  attemptId: idSchema,
  body: commentBodySchema,
});

const commentEditSchema = commentSchema.extend({ commentId: idSchema });

const commentDeleteSchema = z.object({
  courseSlug: idSchema,
  attemptId: idSchema,
  commentId: idSchema,
});

/** Stores a tutor's comment on an attempt of their course. */
export async function addCommentRequest(
  context: ReviewContext,
  request: unknown,
): Promise<ReviewActionResult> {
  const parsed = commentSchema.safeParse(request);
  if (!parsed.success) {
    return { status: "invalid", message: firstMessage(parsed.error) };
  }
  const { courseSlug, attemptId, body } = parsed.data;

  const found = await findReviewAttempt(context, courseSlug, attemptId);
  if (!found || context.userId === null) {
    return rejectCaller(context);
  }

  await addAttemptComment(context.db, { attemptId, authorId: context.userId, body });
  return { status: "saved" };
}

/**
 * Replaces the text of a comment on an attempt of the caller's course. Only the comment's author
 * may edit it, and only while a tutor or admin of the course; anyone else gets "not found".
 */
export async function editCommentRequest(
  context: ReviewContext,
  request: unknown,
  now: Date = new Date(),
): Promise<ReviewActionResult> {
  const parsed = commentEditSchema.safeParse(request);
  if (!parsed.success) {
    return { status: "invalid", message: firstMessage(parsed.error) };
  }
  const { courseSlug, attemptId, commentId, body } = parsed.data;

  const found = await findReviewAttempt(context, courseSlug, attemptId);
  if (!found || context.userId === null) {
    return rejectCaller(context);
  }

  const edit = { commentId, attemptId, authorId: context.userId, body, editedAt: now };
  const edited = await editAttemptComment(context.db, edit);
  return edited ? { status: "saved" } : { status: "not-found" };
}

/**
 * Deletes a comment on an attempt of the caller's course: the author's own comment, or any
 * comment when the caller is an admin of the course. Anyone else gets "not found".
 */
export async function deleteCommentRequest(
  context: ReviewContext,
  request: unknown,
): Promise<ReviewActionResult> {
  const parsed = commentDeleteSchema.safeParse(request);
  if (!parsed.success) {
    return { status: "invalid", message: firstMessage(parsed.error) };
  }
  const { courseSlug, attemptId, commentId } = parsed.data;

  const found = await findReviewAttempt(context, courseSlug, attemptId);
  if (!found || context.userId === null) {
    return rejectCaller(context);
  }

  const authorId = found.role === "admin" ? null : context.userId;
  const deleted = await deleteAttemptComment(context.db, { commentId, attemptId, authorId });
  return deleted ? { status: "saved" } : { status: "not-found" };
}

const overrideSchema = z.object({
  courseSlug: idSchema,
  attemptId: idSchema,
  /** A percentage from 0 to 100, or "" to remove the override. */
  percent: z
    .string()
    .trim()
    .superRefine((text, context) => {
      const message = checkPercent(text);
      if (message !== null) context.addIssue({ code: "custom", message });
    }),
  reason: z
    .string()
    .trim()
    .min(1, "A reason is required: the student sees it with the new score.")
    .max(
      MAX_OVERRIDE_REASON_LENGTH,
      `The reason is longer than ${MAX_OVERRIDE_REASON_LENGTH} characters.`,
    ),
});

/**
 * Returns why `text` is not a score override, or null when it is one: a percentage from 0 to
 * 100 with at most two decimals after a point, or "" to remove the override.
 */
function checkPercent(text: string): string | null {
  if (text === "" || /^\d{1,3}(\.\d{1,2})?$/.test(text)) {
    return Number(text) <= 100 ? null : "The score is above 100%: enter at most 100.";
  }
  if (/^[-−]/.test(text)) {
    return "The score cannot be negative: enter a percentage from 0 to 100.";
  }
  if (/^\d+,\d+$/.test(text)) {
    return `Use a point, not a comma, as the decimal separator: ${text.replace(",", ".")}.`;
  }
  if (/^\d+\.\d{3,}$/.test(text)) {
    return "Enter the score with at most two decimals, such as 33.33.";
  }
  return "Enter the score as a percentage from 0 to 100, such as 75 or 33.33.";
}

/**
 * Sets or removes the score override of an attempt of the tutor's course, with the reason kept
 * in the audit trail. The score arrives as a percentage, as the pages show scores.
 */
export async function overrideScoreRequest(
  context: ReviewContext,
  request: unknown,
): Promise<ReviewActionResult> {
  const parsed = overrideSchema.safeParse(request);
  if (!parsed.success) {
    return { status: "invalid", message: firstMessage(parsed.error) };
  }
  const { courseSlug, attemptId, percent, reason } = parsed.data;

  const found = await findReviewAttempt(context, courseSlug, attemptId);
  if (!found || context.userId === null) {
    return rejectCaller(context);
  }

  const newScore = percent === "" ? null : Number(percent) / 100;
  if (newScore === null && found.attempt.overrideScore === null) {
    return { status: "invalid", message: "The attempt has no override to remove." };
  }
  const change = { attemptId, tutorId: context.userId, newScore, reason };
  const result = await overrideAttemptScore(context.db, change);
  if (result.status === "conflict") {
    return {
      status: "conflict",
      message: "Someone changed this score meanwhile: reload the page and try again.",
    };
  }
  return result.status === "changed" ? { status: "saved" } : { status: "not-found" };
}

/** Returns the result for a caller who may not act on the attempt, with the reason if known. */
function rejectCaller(context: ReviewContext): ReviewActionResult {
  if (context.passwordChangeRequired) {
    return { status: "rejected", message: PASSWORD_CHANGE_REQUIRED_MESSAGE };
  }
  return { status: "not-found" };
}

/** Fields a tutor types, whose checks other than the type carry messages written for them. */
const TYPED_FIELDS = new Set<PropertyKey>(["body", "percent", "reason"]);

/**
 * Returns the message of the first failed check: the schema's own message for a field the tutor
 * typed, and otherwise a sentence for a request that the page never sends.
 */
function firstMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) {
    return "Invalid request: reload the page and try again.";
  }
  if (issue.code !== "invalid_type" && TYPED_FIELDS.has(issue.path[0] ?? "")) {
    return issue.message;
  }
  const place = issue.path.length === 0 ? "the request" : issue.path.join(".");
  return `Invalid request: ${place} ${describeIssue(issue)}. Reload the page and try again.`;
}
