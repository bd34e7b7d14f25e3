import {
  findAttempt,
  findCourseMembership,
  isStaffRole,
  type AttemptDetail,
  type CourseSummary,
  type Database,
} from "@sawtooth/db";

/** The database and the signed-in user of a review request. */
export interface ReviewContext {
  db: Database;
  /** The signed-in user's id, or null when no one is signed in. */
  userId: string | null;
}

/** What every review action returns when the caller may not do it or the target is missing. */
export interface NotFound {
  status: "not-found";
}

/**
 * Returns the course when `userId` is a tutor or admin of it, else null: for a signed-out
 * visitor, a student, a member of another course and a missing course alike, so a refusal
 * does not tell which courses exist.
 */
export async function findReviewCourse(
  db: Database,
  userId: string | null,
  courseSlug: string,
): Promise<CourseSummary | null> {
  if (userId === null) {
    return null;
  }
  const membership = await findCourseMembership(db, userId, courseSlug);
  if (!membership || !isStaffRole(membership.role)) {
    return null;
  }
  return membership.course;
}

/**
 * Returns an attempt of the course for its staff, or null when the caller is not a tutor or
 * admin of the course or the attempt belongs to another course.
 */
export async function findReviewAttempt(
  context: ReviewContext,
  courseSlug: string,
  attemptId: string,
): Promise<{ course: CourseSummary; attempt: AttemptDetail } | null> {
  const course = await findReviewCourse(context.db, context.userId, courseSlug);
  if (!course) {
    return null;
  }
  const attempt = await findAttempt(context.db, attemptId);
  if (!attempt || attempt.exercise.courseId !== course.id) {
    return null;
  }
  return { course, attempt };
}
