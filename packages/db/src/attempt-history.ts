import type { Database } from "./client";
import { verdictSchema, type Verdict } from "./attempts";

/** An attempt as listed in a student's history. */
export interface AttemptSummary {
  id: string;
  createdAt: Date;
  verdict: Verdict;
  score: number;
}

/** An attempt with everything its page shows, and where it belongs. */
export interface AttemptDetail extends AttemptSummary {
  userId: string;
  /** The submission exactly as sent. */
  raw: string;
  /** The grader's feedback as JSON text. */
  feedback: string;
  gradingMs: number;
  exercise: { id: string; slug: string; courseId: string };
  /** The exercise version the attempt was graded against, with its definition's JSON text. */
  exerciseVersion: { id: string; number: number; definition: string };
}

/** A user's attempts at one exercise, summed up for the course page. */
export interface ExerciseProgress {
  attempts: number;
  /** Highest score of any attempt, or null before the first attempt. */
  bestScore: number | null;
  /** Whether any attempt was graded correct. */
  solved: boolean;
}

/** Lists a user's attempts at an exercise, newest first. */
export async function listAttempts(
  db: Database,
  userId: string,
  exerciseId: string,
): Promise<AttemptSummary[]> {
  const rows = await db.attempt.findMany({
    where: { userId, exerciseId },
    select: { id: true, createdAt: true, verdict: true, score: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map((row) => ({ ...row, verdict: verdictSchema.parse(row.verdict) }));
}

/** Finds an attempt by id with its exercise, or returns null. Callers check who may see it. */
export async function findAttempt(db: Database, attemptId: string): Promise<AttemptDetail | null> {
  const row = await db.attempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      createdAt: true,
      verdict: true,
      score: true,
      userId: true,
      raw: true,
      feedback: true,
      gradingMs: true,
      exercise: { select: { id: true, slug: true, courseId: true } },
      exerciseVersion: { select: { id: true, version: true, definition: true } },
    },
  });
  if (!row) {
    return null;
  }
  const { exerciseVersion, ...rest } = row;
  return {
    ...rest,
    verdict: verdictSchema.parse(row.verdict),
    exerciseVersion: {
      id: exerciseVersion.id,
      number: exerciseVersion.version,
      definition: exerciseVersion.definition,
    },
  };
}

/** Sums up a user's attempts at each exercise of a course, keyed by exercise id. */
export async function summarizeProgress(
  db: Database,
  userId: string,
  courseId: string,
): Promise<Map<string, ExerciseProgress>> {
  const groups = await db.attempt.groupBy({
    by: ["exerciseId", "verdict"],
    where: { userId, exercise: { courseId } },
    _count: { _all: true },
    _max: { score: true },
  });
  const progress = new Map<string, ExerciseProgress>();
  for (const group of groups) {
    const entry = progress.get(group.exerciseId) ?? { attempts: 0, bestScore: null, solved: false };
    const score = group._max.score;
    entry.attempts += group._count._all;
    entry.bestScore = score === null ? entry.bestScore : Math.max(entry.bestScore ?? 0, score);
    entry.solved ||= group.verdict === "correct";
    progress.set(group.exerciseId, entry);
  }
  return progress;
}
