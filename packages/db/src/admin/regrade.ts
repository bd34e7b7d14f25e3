import type { Database } from "../client";
import type { Verdict } from "../attempts";
import { deriveMistake } from "../review/mistakes";

/** A stored attempt with what a regrade reads and shows. */
export interface RegradeSource {
  id: string;
  /** The submission exactly as sent, which the regrade grades again. */
  raw: string;
  verdict: string;
  score: number;
  overrideScore: number | null;
  versionNumber: number;
  attemptNumber: number;
  student: { id: string; name: string; email: string };
}

/** The new grade of one attempt. */
export interface RegradedAttempt {
  attemptId: string;
  verdict: Verdict;
  score: number;
  /** The engine's feedback as JSON text. */
  feedback: string;
}

/** What to apply in {@link applyRegrade}. */
export interface RegradeInput {
  exerciseId: string;
  versionId: string;
  versionNumber: number;
  adminId: string;
  /** Keep manual overrides (true), or clear them and log each clearing (false). */
  keepOverrides: boolean;
  /** The regraded attempts of the exercise. Attempts left out keep their grade and override. */
  attempts: RegradedAttempt[];
  /** Ids of the attempts whose verdict or score changes. */
  changedIds: string[];
}

/** Counts of an applied regrade, as logged in its RegradeRun row. */
export interface RegradeSummary {
  runId: string;
  attemptCount: number;
  changedCount: number;
  clearedOverrides: number;
}

/** An applied regrade as the admin's log lists it. */
export interface RegradeRunRow {
  id: string;
  createdAt: Date;
  versionNumber: number;
  adminName: string;
  attemptCount: number;
  changedCount: number;
  clearedOverrides: number;
  keptOverrides: boolean;
}

/** Lists every attempt at an exercise, oldest first, with its student. */
export async function listAttemptsForRegrade(
  db: Database,
  exerciseId: string,
): Promise<RegradeSource[]> {
  const rows = await db.attempt.findMany({
    where: { exerciseId },
    select: {
      id: true,
      raw: true,
      verdict: true,
      score: true,
      overrideScore: true,
      attemptNumber: true,
      exerciseVersion: { select: { version: true } },
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(({ exerciseVersion, user, ...row }) => ({
    ...row,
    versionNumber: exerciseVersion.version,
    student: user,
  }));
}

/**
 * Stores the new grades of a regrade in one transaction: each listed attempt gets the new
 * verdict, score, feedback and mistake and now points at the chosen version. Unless overrides
 * are kept, every listed attempt with a manual score loses it, and a ScoreOverride row with
 * `newScore` null records that. Attempts not listed, such as those the regrade could not grade,
 * stay as they are. A RegradeRun row logs who applied it and the counts.
 */
export async function applyRegrade(db: Database, input: RegradeInput): Promise<RegradeSummary> {
  return db.$transaction(async (tx) => {
    for (const attempt of input.attempts) {
      await tx.attempt.update({
        where: { id: attempt.attemptId, exerciseId: input.exerciseId },
        data: {
          verdict: attempt.verdict,
          score: attempt.score,
          feedback: attempt.feedback,
          exerciseVersionId: input.versionId,
          ...deriveMistake(attempt.verdict, attempt.feedback),
        },
      });
    }

    let clearedOverrides = 0;
    if (!input.keepOverrides) {
      const overridden = await tx.attempt.findMany({
        where: {
          exerciseId: input.exerciseId,
          id: { in: input.attempts.map((attempt) => attempt.attemptId) },
          overrideScore: { not: null },
        },
        select: { id: true, overrideScore: true },
      });
      for (const attempt of overridden) {
        await tx.scoreOverride.create({
          data: {
            attemptId: attempt.id,
            tutorId: input.adminId,
            oldScore: attempt.overrideScore ?? 0,
            newScore: null,
            reason: `cleared by regrade against version ${input.versionNumber}`,
          },
        });
        await tx.attempt.update({ where: { id: attempt.id }, data: { overrideScore: null } });
      }
      clearedOverrides = overridden.length;
    }

    const run = await tx.regradeRun.create({
      data: {
        exerciseId: input.exerciseId,
        exerciseVersionId: input.versionId,
        adminId: input.adminId,
        attemptCount: input.attempts.length,
        changedCount: input.changedIds.length,
        clearedOverrides,
        keptOverrides: input.keepOverrides,
      },
      select: { id: true },
    });
    return {
      runId: run.id,
      attemptCount: input.attempts.length,
      changedCount: input.changedIds.length,
      clearedOverrides,
    };
  });
}

/** Lists the regrades applied to an exercise, newest first. */
export async function listRegradeRuns(db: Database, exerciseId: string): Promise<RegradeRunRow[]> {
  const rows = await db.regradeRun.findMany({
    where: { exerciseId },
    select: {
      id: true,
      createdAt: true,
      attemptCount: true,
      changedCount: true,
      clearedOverrides: true,
      keptOverrides: true,
      exerciseVersion: { select: { version: true } },
      admin: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(({ exerciseVersion, admin, ...row }) => ({
    ...row,
    versionNumber: exerciseVersion.version,
    adminName: admin.name,
  }));
}
