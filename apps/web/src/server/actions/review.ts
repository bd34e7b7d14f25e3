"use server";

import { revalidatePath } from "next/cache";

import {
  addCommentRequest,
  deleteCommentRequest,
  editCommentRequest,
  overrideScoreRequest,
  type ReviewActionResult,
} from "../review/attempt-review";
import { requestReviewContext } from "../review/require-staff";

// Each action takes `unknown` because a browser can call it with any value. The functions it
// calls parse the request and check that the signed-in user is a tutor or admin of the course.

/** Stores a comment on an attempt, which the student reads on their attempt page. */
export async function addCommentAction(request: unknown): Promise<ReviewActionResult> {
  const result = await addCommentRequest(await requestReviewContext(), request);
  if (result.status === "saved") {
    revalidatePath("/courses/[slug]/review/attempts/[attemptId]", "page");
  }
  return result;
}

/** Replaces the text of the caller's own comment; the student reads the new text. */
export async function editCommentAction(request: unknown): Promise<ReviewActionResult> {
  const result = await editCommentRequest(await requestReviewContext(), request);
  if (result.status === "saved") {
    revalidatePath("/courses/[slug]/review/attempts/[attemptId]", "page");
  }
  return result;
}

/** Deletes the caller's own comment, or any comment of the course for its admins. */
export async function deleteCommentAction(request: unknown): Promise<ReviewActionResult> {
  const result = await deleteCommentRequest(await requestReviewContext(), request);
  if (result.status === "saved") {
    revalidatePath("/courses/[slug]/review/attempts/[attemptId]", "page");
  }
  return result;
}

/** Sets or removes an attempt's score override, with its reason in the audit trail. */
export async function overrideScoreAction(request: unknown): Promise<ReviewActionResult> {
  const result = await overrideScoreRequest(await requestReviewContext(), request);
  if (result.status === "saved") {
    revalidatePath("/courses/[slug]/review/attempts/[attemptId]", "page");
  }
  return result;
}
