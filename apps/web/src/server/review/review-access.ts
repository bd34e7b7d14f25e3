import {
  findAttempt,
  findCourseMembership,
  isStaffRole,
  type AttemptDetail,
  type CourseMembership,
  type CourseSummary,
  type Database,
  type Role,
} from "@sawtooth/db";

/** The database and the signed-in user of a review request. */
export interface ReviewContext {
  db: Database;
  /** The signed-in user's id, or null when no one is signed in. */
  userId: string | null;
  /** True when a signed-in user must replace a one-time password first, so `userId` is null. */
  passwordChangeRequired?: boolean;
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
  const membership = await findStaffMembership(db, userId, courseSlug);
  return membership?.course ?? null;
}

/** Returns the membership of `userId` in the course when it is a tutor's or admin's, else null. */
async function findStaffMembership(
  db: Database,
  userId: string | null,
  courseSlug: string,
): Promise<CourseMembership | null> {
  if (userId === null) {
    return null;
  }
  const membership = await findCourseMembership(db, userId, courseSlug);
  if (!membership || !isStaffRole(membership.role)) {
    return null;
  }
  return membership;
}

/** An attempt of a course as its staff reach it, with the caller's role in the course. */
export interface ReviewAttemptAccess {
  course: CourseSummary;
  attempt: AttemptDetail;
  role: Role;
}

/**
 * Returns an attempt of the course for its staff, or null when the caller is not a tutor or
 * admin of the course or the attempt belongs to another course.
 */
export async function findReviewAttempt(
  context: ReviewContext,
  courseSlug: string,
  attemptId: string,
): Promise<ReviewAttemptAccess | null> {
  const membership = await findStaffMembership(context.db, context.userId, courseSlug);
  if (!membership) {
    return null;
  }
  const { course, role } = membership;
  const attempt = await findAttempt(context.db, attemptId);
  if (!attempt || attempt.exercise.courseId !== course.id) {
    return null;
  }
  return { course, attempt, role };
}
