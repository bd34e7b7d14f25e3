import "server-only";

import type { z } from "zod";

import {
  findCourseMembership,
  isStaffRole,
  listCoursesOfUser,
  listExercisesWithDefinitions,
  summarizeProgress,
  type CourseMembership,
  type Database,
} from "@sawtooth/db";

import { toExerciseView } from "../exercise-view";
import type { ApiCall } from "./context";
import { ApiError, jsonResponse } from "./errors";
import { parseOrThrow } from "./parse";
import { courseParamsSchema, type exerciseSchema } from "./schemas";

/** GET /courses: the caller's courses with their role in each. */
export async function listCoursesHandler({ context, caller }: ApiCall<unknown>): Promise<Response> {
  const memberships = await listCoursesOfUser(context.db, caller.userId);

  const courses = memberships.map(({ course, role }) => ({
    slug: course.slug,
    title: course.title,
    description: course.description,
    acceptLate: course.acceptLate,
    role,
  }));
  return jsonResponse({ courses });
}

/**
 * GET /courses/{course}/exercises: the exercises the caller's role may see, in course order, each
 * as the exercise page shows it (built by `toExerciseView`, which leaves out the target, the
 * reference and the known-wrong submissions) with the caller's progress.
 */
export async function listExercisesHandler({
  context,
  caller,
  params,
}: ApiCall<unknown>): Promise<Response> {
  const { course: courseSlug } = parseOrThrow(courseParamsSchema, params, "path");

  const membership = await requireMembership(context.db, caller.userId, courseSlug);

  const { db } = context;
  const filter = { includeHidden: isStaffRole(membership.role) };
  const listed = await listExercisesWithDefinitions(db, membership.course.id, filter);
  const progress = await summarizeProgress(db, caller.userId, membership.course.id);
  const exercises: z.input<typeof exerciseSchema>[] = [];
  for (const exercise of listed) {
    const mine = progress.get(exercise.id) ?? { attempts: 0, bestScore: null, solved: false };
    const view = toExerciseView(exercise, mine.attempts);
    // Field by field, so a field added to the page's view does not reach the API unreviewed.
    exercises.push({
      slug: view.slug,
      title: view.title,
      statement: view.statement,
      visibility: exercise.visibility,
      dueDate: view.dueDate?.toISOString() ?? null,
      attemptLimit: view.attemptLimit,
      attemptsLeft: view.attemptsLeft,
      domain: view.domain,
      constraints: view.constraints,
      progress: mine,
    });
  }
  return jsonResponse({ exercises });
}

/**
 * Returns the caller's membership of a course, throwing "not_found" for a missing course and a
 * course the caller is not a member of alike, so the API does not reveal which courses exist.
 */
export async function requireMembership(
  db: Database,
  userId: string,
  courseSlug: string,
): Promise<CourseMembership> {
  const membership = await findCourseMembership(db, userId, courseSlug);
  if (!membership) {
    throw new ApiError(
      "not_found",
      `Course "${courseSlug}" not found, or you are not a member of it.`,
    );
  }
  return membership;
}
