import "server-only";

import { z } from "zod";

import { findExercise } from "@sawtooth/db";

import type { PreviewResult } from "@/lib/submission-contract";

import { gradeInPool, submissionTooLargeMessage } from "../submissions";
import { authorizeAdminRequest, type AdminContext } from "./admin-access";

const previewRequestSchema = z.object({
  courseSlug: z.string().min(1).max(200),
  exerciseSlug: z.string().min(1).max(200),
  submission: z.string(),
});

/**
 * Grades a submission for the admin's student preview exactly as a student's submission is
 * graded: in the grading pool under its time and memory budget, against the exercise's newest
 * stored version, with the feedback cut to what the exercise reveals. Unlike a student's
 * submission it stores nothing, so it records no attempt and uses none of an attempt limit, and
 * it also grades a hidden exercise and one whose due date has passed. Only the course's admins
 * may call it.
 */
export async function previewSubmission(
  context: AdminContext,
  request: unknown,
): Promise<PreviewResult> {
  const access = await authorizeAdminRequest(context, previewRequestSchema, request);
  if ("status" in access) {
    return access;
  }

  const { course, userId, data } = access;
  const exercise = await findExercise(context.db, course.id, data.exerciseSlug, {
    includeHidden: true,
  });
  if (exercise === null) {
    const message =
      `Exercise "${data.exerciseSlug}" not found: it may have been deleted. ` +
      "Open it from the exercise list.";
    return { status: "rejected", message };
  }
  const tooLarge = submissionTooLargeMessage(data.submission);
  if (tooLarge !== null) {
    return { status: "rejected", message: tooLarge };
  }

  const { version } = exercise;
  const ids = { userId, exerciseId: exercise.id, versionId: version.id, purpose: "preview" };
  const grading = await gradeInPool(version, data.submission, ids);
  if ("status" in grading) {
    return grading;
  }
  const { feedback } = grading;
  if (feedback.verdict === "invalid" || grading.network === null) {
    return { status: "invalid", feedback };
  }
  return { status: "previewed", feedback };
}
