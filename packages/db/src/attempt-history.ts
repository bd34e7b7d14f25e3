import type { Database } from "./client";
import { verdictSchema, type Verdict } from "./attempts";
import { visibilitySchema, type Visibility } from "./exercises";
import { isSolved, tallyAttempts } from "./progress";

/** An attempt as listed in a student's history. */
export interface AttemptSummary {
  id: string;
  /** 1 for the user's first attempt at the exercise, 2 for the second, and so on. */
  attemptNumber: number;
  createdAt: Date;
  verdict: Verdict;
  /** The score that counts: a tutor's override when one is set, else the graded score. */
  score: number;
  /** The score the grader gave. */
  gradedScore: number;
  /** The score a tutor set by hand, or null when none is set. */
  overrideScore: number | null;
  /** Number of tutors' comments on the attempt, which the student reads on its page. */
  commentCount: number;
}

const summaryFields = {
  id: true,
  attemptNumber: true,
  createdAt: true,
  verdict: true,
  score: true,
  overrideScore: true,
  _count: { select: { comments: true } },
} as const;

/** Returns the score that counts for an attempt: a tutor's override when set, else the grade. */
export function effectiveScore(attempt: { score: number; overrideScore: number | null }): number {
  return attempt.overrideScore ?? attempt.score;
}

function toSummary<
  Row extends {
    verdict: string;
    score: number;
    overrideScore: number | null;
    _count: { comments: number };
  },
>(
  row: Row,
): Omit<Row, "verdict" | "score" | "_count"> &
  Pick<AttemptSummary, "verdict" | "score" | "gradedScore" | "commentCount"> {
  const { _count, verdict, score, ...rest } = row;
  return {
    ...rest,
    verdict: verdictSchema.parse(verdict),
    score: effectiveScore(row),
    gradedScore: score,
    commentCount: _count.comments,
  };
}

/** An attempt with everything its page shows, and where it belongs. */
export interface AttemptDetail extends AttemptSummary {
  userId: string;
  /** The submission exactly as sent. */
  raw: string;
  /** The grader's feedback as JSON text. */
  feedback: string;
  gradingMs: number;
  exercise: { id: string; slug: string; courseId: string; visibility: Visibility };
  /** The exercise version the attempt was graded against, with its definition's JSON text. */
  exerciseVersion: { id: string; number: number; definition: string };
}

/** A user's attempts at one exercise, summed up for the course page. */
export interface ExerciseProgress {
  attempts: number;
  /** Highest score that counts of any attempt, or null before the first attempt. */
  bestScore: number | null;
  /** Whether some attempt scores 1 with overrides counted; see {@link isSolved}. */
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
    select: summaryFields,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toSummary);
}

/** Finds an attempt by id with its exercise, or returns null. Callers check who may see it. */
export async function findAttempt(db: Database, attemptId: string): Promise<AttemptDetail | null> {
  const row = await db.attempt.findUnique({
    where: { id: attemptId },
    select: {
      ...summaryFields,
      userId: true,
      raw: true,
      feedback: true,
      gradingMs: true,
      exercise: { select: { id: true, slug: true, courseId: true, visibility: true } },
      exerciseVersion: { select: { id: true, version: true, definition: true } },
    },
  });
  if (!row) {
    return null;
  }
  const { exerciseVersion, exercise, ...rest } = toSummary(row);
  return {
    ...rest,
    exercise: { ...exercise, visibility: visibilitySchema.parse(exercise.visibility) },
    exerciseVersion: {
      id: exerciseVersion.id,
      number: exerciseVersion.version,
      definition: exerciseVersion.definition,
    },
  };
}

/**
 * Sums up a user's attempts at each exercise of a course, keyed by exercise id. The best score
 * is the highest score that counts, so an override counts in place of the graded score.
 */
export async function summarizeProgress(
  db: Database,
  userId: string,
  courseId: string,
): Promise<Map<string, ExerciseProgress>> {
  const progress = new Map<string, ExerciseProgress>();
  for (const tally of await tallyAttempts(db, courseId, userId)) {
    const { attempts, bestScore } = tally;
    progress.set(tally.exerciseId, { attempts, bestScore, solved: isSolved(bestScore) });
  }
  return progress;
}
