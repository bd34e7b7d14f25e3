import type { Database } from "./client";
import { Prisma } from "./generated/prisma/client";

/**
 * One user's attempts at one exercise, summed up in SQL: how many there are and the highest
 * score that counts, which is the override when a tutor set one and the graded score otherwise.
 */
export interface AttemptTally {
  userId: string;
  exerciseId: string;
  attempts: number;
  bestScore: number;
}

/**
 * Checks whether a best score that counts means the exercise is solved. Solved means some
 * attempt scores 1 (100 %), with a tutor's override counting in place of the graded score: an
 * incorrect attempt raised to full marks is solved, a correct one lowered below them is not.
 */
export function isSolved(bestScore: number | null): boolean {
  return bestScore !== null && bestScore >= 1;
}

/**
 * Tallies the attempts at the exercises of a course per user and exercise, or only one user's
 * when `userId` is given, in one grouped query instead of reading every attempt.
 */
export async function tallyAttempts(
  db: Database,
  courseId: string,
  userId?: string,
): Promise<AttemptTally[]> {
  const forUser = userId === undefined ? Prisma.empty : Prisma.sql`AND a."userId" = ${userId}`;
  // COUNT returns a bigint on PostgreSQL and an integer on SQLite, so both are converted below.
  const rows = await db.$queryRaw<
    { userId: string; exerciseId: string; attempts: bigint | number; bestScore: number }[]
  >`
    SELECT a."userId", a."exerciseId", COUNT(*) AS "attempts",
      MAX(COALESCE(a."overrideScore", a."score")) AS "bestScore"
    FROM "attempt" a
    JOIN "exercise" e ON e."id" = a."exerciseId"
    WHERE e."courseId" = ${courseId} ${forUser}
    GROUP BY a."userId", a."exerciseId"`;
  return rows.map((row) => ({
    userId: row.userId,
    exerciseId: row.exerciseId,
    attempts: Number(row.attempts),
    bestScore: Number(row.bestScore),
  }));
}
