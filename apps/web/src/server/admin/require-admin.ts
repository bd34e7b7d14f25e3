import "server-only";

import { notFound } from "next/navigation";

import { getDatabase, type CourseSummary } from "@sawtooth/db";

import { requireUser, type SessionUser } from "../access";
import { findAdminCourse } from "./admin-access";

/**
 * Returns the course and user for an admin page. A signed-out visitor is sent to sign in; a
 * student, a tutor, a non-member and a missing course all get the 404 page.
 */
export async function requireCourseAdmin(
  courseSlug: string,
): Promise<{ course: CourseSummary; user: SessionUser }> {
  const user = await requireUser();
  const course = await findAdminCourse(getDatabase(), user.id, courseSlug);
  if (!course) {
    notFound();
  }
  return { course, user };
}
