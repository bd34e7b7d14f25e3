import type { Database } from "../client";
import { isLateAttempt } from "./attempt-list";

/** Fields of an attempt that the tutors' attempt page shows beyond the student's page. */
export interface ReviewAttemptDetail {
  /** The parsed network as JSON text, with every number as an exact rational string. */
  network: string;
  attemptNumber: number;
  /** Whether the attempt was submitted after the exercise's due date. */
  late: boolean;
  /** `isMember` is false once the student was removed from the attempt's course. */
  student: { id: string; name: string; email: string; isMember: boolean };
  /** `hidden` is true while students cannot see the exercise, and so not this attempt either. */
  exercise: { id: string; slug: string; title: string; dueDate: Date | null; hidden: boolean };
}

/**
 * Finds the parsed network, number, student and exercise of an attempt, or returns null. The
 * student counts as a member while they hold any role in the course, since tutors and admins
 * also see their own attempts.
 */
export async function findReviewAttemptDetail(
  db: Database,
  attemptId: string,
): Promise<ReviewAttemptDetail | null> {
  const row = await db.attempt.findUnique({
    where: { id: attemptId },
    select: {
      network: true,
      attemptNumber: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
      exercise: {
        select: {
          id: true,
          slug: true,
          title: true,
          dueDate: true,
          courseId: true,
          visibility: true,
        },
      },
    },
  });
  if (!row) {
    return null;
  }
  const { user, createdAt, exercise, ...rest } = row;
  const { courseId, visibility, ...exerciseFields } = exercise;
  const membership = await db.membership.findUnique({
    where: { userId_courseId: { userId: user.id, courseId } },
    select: { id: true },
  });
  return {
    ...rest,
    exercise: { ...exerciseFields, hidden: visibility === "hidden" },
    late: isLateAttempt(createdAt, exercise.dueDate),
    student: { ...user, isMember: membership !== null },
  };
}
