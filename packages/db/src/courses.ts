import type { Database } from "./client";
import { parseRole, type Role } from "./roles";

/** A course as shown in lists and headings. */
export interface CourseSummary {
  id: string;
  slug: string;
  title: string;
  description: string;
  acceptLate: boolean;
}

/** A course together with the requesting user's role in it. */
export interface CourseMembership {
  course: CourseSummary;
  role: Role;
}

const courseSummaryFields = {
  id: true,
  slug: true,
  title: true,
  description: true,
  acceptLate: true,
} as const;

/** Lists the courses `userId` is a member of, by title, with the user's role in each. */
export async function listCoursesOfUser(db: Database, userId: string): Promise<CourseMembership[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, course: { select: courseSummaryFields } },
    orderBy: { course: { title: "asc" } },
  });
  return memberships.map(({ course, role }) => ({ course, role: parseRole(role) }));
}

/**
 * Finds the course with `courseSlug` together with the role of `userId` in it. Returns null both
 * when the course does not exist and when the user is not a member, so callers cannot tell the
 * two apart and neither can the user. It also returns null while the user must replace a
 * one-time password, so every action that checks membership here rejects such a user even when
 * a caller skipped the session's own check.
 */
export async function findCourseMembership(
  db: Database,
  userId: string,
  courseSlug: string,
): Promise<CourseMembership | null> {
  const membership = await db.membership.findFirst({
    where: { userId, course: { slug: courseSlug }, user: { passwordChangeRequired: false } },
    select: { role: true, course: { select: courseSummaryFields } },
  });
  if (membership === null) {
    return null;
  }
  return { course: membership.course, role: parseRole(membership.role) };
}

/** Finds the course with id `courseId` and the role of `userId` in it, or null for a non-member. */
export async function findMembershipByCourseId(
  db: Database,
  userId: string,
  courseId: string,
): Promise<CourseMembership | null> {
  const membership = await db.membership.findUnique({
    where: { userId_courseId: { userId, courseId } },
    select: { role: true, course: { select: courseSummaryFields } },
  });
  if (membership === null) {
    return null;
  }
  return { course: membership.course, role: parseRole(membership.role) };
}
