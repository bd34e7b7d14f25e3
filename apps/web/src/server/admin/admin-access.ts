import "server-only";

import type { z } from "zod";

import { findCourseMembership, type CourseSummary, type Database } from "@sawtooth/db";

import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from "@/lib/password-rules";

/** The caller of an admin action: the database, the signed-in user's id or null, the time. */
export interface AdminContext {
  db: Database;
  userId: string | null;
  /** True when a signed-in user must replace a one-time password first, so `userId` is null. */
  passwordChangeRequired?: boolean;
  now: Date;
}

/** An admin action's refusal or failure, with the sentence the admin reads. */
export interface Rejected {
  status: "rejected";
  message: string;
}

/** The message every refused admin request gets, whatever the reason, so it reveals nothing. */
export const NOT_ADMIN_MESSAGE =
  "Course not found, or you are not an admin of it. Sign in as an admin of the course.";

/**
 * Returns the course `courseSlug` when `userId` is one of its admins, else null: for a missing
 * course, a signed-out caller, a non-member, a student and a tutor alike.
 */
export async function findAdminCourse(
  db: Database,
  userId: string | null,
  courseSlug: unknown,
): Promise<CourseSummary | null> {
  if (userId === null || typeof courseSlug !== "string") {
    return null;
  }
  const membership = await findCourseMembership(db, userId, courseSlug);
  return membership?.role === "admin" ? membership.course : null;
}

/** Returns the course for an admin action, or the refusal to send back. */
export async function authorizeAdmin(
  context: AdminContext,
  courseSlug: unknown,
): Promise<{ course: CourseSummary; userId: string } | Rejected> {
  if (context.passwordChangeRequired) {
    return { status: "rejected", message: PASSWORD_CHANGE_REQUIRED_MESSAGE };
  }
  const course = await findAdminCourse(context.db, context.userId, courseSlug);
  if (course === null || context.userId === null) {
    return { status: "rejected", message: NOT_ADMIN_MESSAGE };
  }
  return { course, userId: context.userId };
}

/** Formats the fields of a failed request schema into one sentence. */
export function invalidRequest(paths: PropertyKey[][]): Rejected {
  // Every admin request schema is an object, so a problem without a path means the request is
  // not one.
  if (paths.some((path) => path.length === 0)) {
    const message =
      "Invalid request: the request must be an object. Reload the page and try again.";
    return { status: "rejected", message };
  }
  const fields = paths.map((path) => path.map(String).join(".")).join(", ");
  return { status: "rejected", message: `Invalid request: check ${fields} and try again.` };
}

/** A parsed admin request with the course it names and the admin's id. */
export interface AdminRequest<T> {
  data: T;
  course: CourseSummary;
  userId: string;
}

/**
 * Parses a request that names a course and checks that the signed-in user administers that
 * course. Returns the rejection for an invalid request or a user who is not its admin.
 */
export async function authorizeAdminRequest<T extends { courseSlug: string }>(
  context: AdminContext,
  schema: z.ZodType<T>,
  request: unknown,
): Promise<AdminRequest<T> | Rejected> {
  const parsed = schema.safeParse(request);
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  const access = await authorizeAdmin(context, parsed.data.courseSlug);
  if ("status" in access) return access;
  return { ...access, data: parsed.data };
}
