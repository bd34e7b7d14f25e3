import type { Database } from "../client";

/** Longest reason accepted for a score override, in characters. */
export const MAX_OVERRIDE_REASON_LENGTH = 1000;

/** One row of an attempt's audit trail of score changes. */
export interface ScoreOverrideView {
  id: string;
  /** The score that counted before the change. */
  oldScore: number;
  /** The score set by hand, or null when the change removed the override. */
  newScore: number | null;
  reason: string;
  createdAt: Date;
  tutor: { id: string; name: string; email: string };
}

/** A change of an attempt's score by a tutor or admin. */
export interface ScoreOverrideChange {
  attemptId: string;
  tutorId: string;
  /** The new score in [0, 1], or null to go back to the graded score. */
  newScore: number | null;
  reason: string;
}

/** What {@link overrideAttemptScore} did. */
export type ScoreOverrideResult =
  | { status: "changed"; override: ScoreOverrideView }
  | { status: "not-found" }
  /** Another change of the same attempt was committed between the read and the write. */
  | { status: "conflict" };

const overrideFields = {
  id: true,
  oldScore: true,
  newScore: true,
  reason: true,
  createdAt: true,
  tutor: { select: { id: true, name: true, email: true } },
} as const;

/** Lists an attempt's score changes, oldest first. */
export async function listScoreOverrides(
  db: Database,
  attemptId: string,
): Promise<ScoreOverrideView[]> {
  return db.scoreOverride.findMany({
    where: { attemptId },
    select: overrideFields,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/**
 * Sets or removes the override of an attempt's score and appends the change to its audit trail,
 * both in one transaction. The update applies only if the override is still the one read
 * first, so two tutors changing the same attempt at once cannot both record the same old score:
 * the second gets "conflict" and nothing is written. Callers check the score's range and that
 * the tutor may review the attempt.
 */
export async function overrideAttemptScore(
  db: Database,
  change: ScoreOverrideChange,
): Promise<ScoreOverrideResult> {
  const attempt = await db.attempt.findUnique({
    where: { id: change.attemptId },
    select: { score: true, overrideScore: true },
  });
  if (!attempt) {
    return { status: "not-found" };
  }

  return db.$transaction(async (tx) => {
    const updated = await tx.attempt.updateMany({
      where: { id: change.attemptId, overrideScore: attempt.overrideScore },
      data: { overrideScore: change.newScore },
    });
    if (updated.count === 0) {
      return { status: "conflict" } as const;
    }
    const override = await tx.scoreOverride.create({
      data: {
        attemptId: change.attemptId,
        tutorId: change.tutorId,
        oldScore: attempt.overrideScore ?? attempt.score,
        newScore: change.newScore,
        reason: change.reason,
      },
      select: overrideFields,
    });
    return { status: "changed", override } as const;
  });
}
