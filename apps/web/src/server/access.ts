import "server-only";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import {
  findAttempt,
  findCourseMembership,
  findExercise,
  findStoredSession,
  getDatabase,
  isStaffRole,
  type AttemptDetail,
  type CourseMembership,
  type ExerciseWithDefinition,
  type Role,
} from "@sawtooth/db";

import { CHANGE_PASSWORD_PATH } from "@/lib/password-rules";
import { DEFAULT_RETURN_PATH, REQUEST_PATH_HEADER, signInPath } from "@/lib/return-path";

import { getAuth } from "./auth";

/** The signed-in user as the pages need it. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/** A signed-in member of a course, with the course and the member's role. */
export interface CourseAccess extends CourseMembership {
  user: SessionUser;
}

/** A course member's access to one exercise that the member's role allows them to see. */
export interface ExerciseAccess extends CourseAccess {
  exercise: ExerciseWithDefinition;
}

/** A course member's access to one attempt that the member may open. */
export interface AttemptAccess extends ExerciseAccess {
  attempt: AttemptDetail;
}

export { CHANGE_PASSWORD_PATH } from "@/lib/password-rules";

/** The signed-in user and whether they must replace a one-time password first. */
export interface SessionState {
  user: SessionUser;
  passwordChangeRequired: boolean;
}

/**
 * Returns the signed-in user with their password-change flag, or null. Cached per request, so
 * several callers share one lookup.
 */
export const getSessionState = cache(async (): Promise<SessionState | null> => {
  // Reading the headers first makes `next build` stop here when it prerenders, before the auth
  // instance would create a secret file.
  const requestHeaders = await headers();
  return readSessionState(requestHeaders);
});

/**
 * Returns the user of the session that `requestHeaders` carry, with their password-change flag,
 * or null. better-auth may return the session from its signed cookie copy of the session, which outlives a
 * session ended elsewhere by up to five minutes, so one query checks that the session is still
 * stored and reads the flag. Neither is kept in memory: another server process may reset the
 * password or end the session at any time, and the next request must see it.
 */
export async function readSessionState(requestHeaders: Headers): Promise<SessionState | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) {
    return null;
  }
  const { id, name, email } = session.user;
  const stored = await findStoredSession(getDatabase(), id, session.session.id);
  if (!stored) {
    return null;
  }
  return { user: { id, name, email }, passwordChangeRequired: stored.passwordChangeRequired };
}

/**
 * Returns the signed-in user, or null when no one is signed in or the user must still replace a
 * one-time password. Every page, action and route that acts for a user goes through here, so
 * such a user can do nothing until the password is changed.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const state = await getSessionState();
  if (!state || state.passwordChangeRequired) {
    return null;
  }
  return state.user;
}

/** The user an action or route acts for, as its context carries it. */
export interface RequestUser {
  /** The user's id, or null when no one is signed in or the user must replace a password. */
  userId: string | null;
  /** Whether a signed-in user must replace a one-time password first, so `userId` is null. */
  passwordChangeRequired: boolean;
}

/**
 * Returns the user of an action or route. A user who must replace a one-time password gets no
 * id, as from {@link getSessionUser}, and the flag lets the action name the reason it rejects.
 */
export async function getRequestUser(): Promise<RequestUser> {
  const state = await getSessionState();
  const passwordChangeRequired = state?.passwordChangeRequired ?? false;
  const userId = state && !passwordChangeRequired ? state.user.id : null;
  return { userId, passwordChangeRequired };
}

/**
 * Returns the signed-in user. When no one is signed in, as after a session expired, it
 * redirects to the sign-in page with the requested page's path, which the proxy passes in
 * `REQUEST_PATH_HEADER`, so signing in returns there. A user who signed in with a one-time
 * password is sent to the password form instead.
 */
export async function requireUser(): Promise<SessionUser> {
  const state = await getSessionState();
  if (!state) {
    const requestPath = (await headers()).get(REQUEST_PATH_HEADER);
    redirect(signInPath(requestPath ?? DEFAULT_RETURN_PATH));
  }
  if (state.passwordChangeRequired) {
    redirect(CHANGE_PASSWORD_PATH);
  }
  return state.user;
}

/**
 * Returns the signed-in user's access to a course. Shows the 404 page when the course does not
 * exist or the user is not a member, so a non-member cannot learn which courses exist.
 */
export async function requireCourseMember(courseSlug: string): Promise<CourseAccess> {
  const user = await requireUser();
  const membership = await findCourseMembership(getDatabase(), user.id, courseSlug);
  if (!membership) {
    notFound();
  }
  return { ...membership, user };
}

/**
 * Returns the signed-in user's access to an exercise. Students see visible exercises only; tutors
 * and admins also see hidden ones. Anything else shows the 404 page.
 */
export async function requireExercise(
  courseSlug: string,
  exerciseSlug: string,
): Promise<ExerciseAccess> {
  const access = await requireCourseMember(courseSlug);
  const exercise = await findExercise(getDatabase(), access.course.id, exerciseSlug, {
    includeHidden: isStaffRole(access.role),
  });
  if (!exercise) {
    notFound();
  }
  return { ...access, exercise };
}

/**
 * Checks whether a course member may see an attempt: tutors and admins any attempt of the
 * course, students only their own and only while its exercise is visible. A hidden exercise
 * shows students nothing: not the exercise, not their attempts and not the comments on them,
 * just as the course total leaves it out. They see their attempts again once it is visible. The
 * caller checks that the member belongs to the attempt's course.
 */
export function maySeeAttempt(
  viewer: { userId: string; role: Role },
  attempt: Pick<AttemptDetail, "userId" | "exercise">,
): boolean {
  if (isStaffRole(viewer.role)) {
    return true;
  }
  return attempt.userId === viewer.userId && attempt.exercise.visibility === "visible";
}

/**
 * Checks whether a course member may open an attempt on the page of the exercise `exerciseId`:
 * the attempt must belong to that exercise, and {@link maySeeAttempt} must allow it.
 */
export function mayOpenAttempt(
  viewer: { userId: string; role: Role; exerciseId: string },
  attempt: Pick<AttemptDetail, "userId" | "exercise">,
): boolean {
  return attempt.exercise.id === viewer.exerciseId && maySeeAttempt(viewer, attempt);
}

/**
 * Returns an attempt that the user of `access` may open, or null when it does not exist or
 * belongs to someone else, so another student's attempt looks like a missing one.
 */
export async function findOpenableAttempt(
  access: ExerciseAccess,
  attemptId: string,
): Promise<AttemptDetail | null> {
  const attempt = await findAttempt(getDatabase(), attemptId);
  const viewer = { userId: access.user.id, role: access.role, exerciseId: access.exercise.id };
  if (!attempt || !mayOpenAttempt(viewer, attempt)) {
    return null;
  }
  return attempt;
}

/** Returns the user's access to an attempt, showing the 404 page when they may not open it. */
export async function requireAttempt(
  courseSlug: string,
  exerciseSlug: string,
  attemptId: string,
): Promise<AttemptAccess> {
  const access = await requireExercise(courseSlug, exerciseSlug);
  const attempt = await findOpenableAttempt(access, attemptId);
  if (!attempt) {
    notFound();
  }
  return { ...access, attempt };
}
