import type { Database } from "../client";
import { isLateAttempt } from "./attempt-list";

/** Fields of an attempt that the tutors' attempt page shows beyond the student's page. */
export interface ReviewAttemptDetail {
  /** The parsed network as JSON text, with every number as an exact rational string. */
  network: string;
  attemptNumber: number;
  /** Whether the attempt was submitted after the exercise's due date. */
  late: boolean;
  student: { id: string; name: string; email: string };
  exercise: { id: string; slug: string; title: string; dueDate: Date | null };
}

/** Finds the parsed network, number, student and exercise of an attempt, or returns null. */
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
      exercise: { select: { id: true, slug: true, title: true, dueDate: true } },
    },
  });
  if (!row) {
    return null;
  }
  const { user, createdAt, ...rest } = row;
  return { ...rest, late: isLateAttempt(createdAt, row.exercise.dueDate), student: user };
}
