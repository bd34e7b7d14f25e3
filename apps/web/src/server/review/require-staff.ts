import "server-only";

import { notFound } from "next/navigation";

import { getDatabase, type CourseSummary } from "@sawtooth/db";

import { getRequestUser, requireUser, type SessionUser } from "../access";
import { findReviewCourse, type ReviewContext } from "./review-access";

/**
 * Returns the course and user for a review page. A signed-out visitor is sent to sign in, and a
 * student, a non-member and a missing course all get the 404 page.
 */
export async function requireCourseStaff(
  courseSlug: string,
): Promise<{ course: CourseSummary; user: SessionUser }> {
  const user = await requireUser();
  const course = await findReviewCourse(getDatabase(), user.id, courseSlug);
  if (!course) {
    notFound();
  }
  return { course, user };
}

/** Builds the context of a review action or route from the request's session. */
export async function requestReviewContext(): Promise<ReviewContext> {
  return { db: getDatabase(), ...(await getRequestUser()) };
}
