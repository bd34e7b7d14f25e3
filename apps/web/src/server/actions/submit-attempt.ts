"use server";

import { getDatabase } from "@sawtooth/db";

import type { SubmitResult } from "@/lib/submission-contract";

import { getRequestUser } from "../access";
import { submitAttempt as submitAttemptAs } from "../submissions";

/**
 * Grades a submission to an exercise and stores it as the signed-in user's attempt. The page
 * binds the course slug and exercise id, so the workspace calls it with the submission only.
 * The arguments are typed `unknown` because a server action can be called with any values.
 */
export async function submitAttempt(
  courseSlug: unknown,
  exerciseId: unknown,
  submission: unknown,
): Promise<SubmitResult> {
  const context = { db: getDatabase(), ...(await getRequestUser()), now: new Date() };

  // The page is not refreshed: the result carries the new history row and the attempts left,
  // and the page's attempt log shows them, which saves rendering the statement again.
  return submitAttemptAs(context, { courseSlug, exerciseId, submission });
}
