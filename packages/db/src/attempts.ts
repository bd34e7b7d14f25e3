import { createHash, randomUUID } from "node:crypto";

import { z } from "zod";

import type { Database } from "./client";
import { Prisma } from "./generated/prisma/client";
import { deriveMistake } from "./review/mistakes";

/** The grader's decision on an attempt. */
export const verdictSchema = z.enum(["correct", "incorrect"]);

/** The grader's decision on an attempt; see {@link verdictSchema}. */
export type Verdict = z.infer<typeof verdictSchema>;

/** A graded submission to store; the submission hash is computed from `network`. */
export interface NewAttempt {
  userId: string;
  exerciseId: string;
  exerciseVersionId: string;
  /** The submission exactly as sent. */
  raw: string;
  /** The parsed network as JSON text. */
  network: string;
  verdict: Verdict;
  /** Score between 0 and 1. */
  score: number;
  /** The grader's feedback as JSON text. */
  feedback: string;
  /** Time spent grading, in milliseconds. */
  gradingMs: number;
}

/** A stored attempt as the submit path returns it. */
export interface StoredAttempt {
  id: string;
  /** 1 for the user's first attempt at the exercise, 2 for the second, and so on. */
  attemptNumber: number;
  createdAt: Date;
  verdict: Verdict;
  /** The score the grader gave. */
  score: number;
  /** The score a tutor set by hand, or null when none is set. */
  overrideScore: number | null;
  /** Number of tutors' comments on the attempt. */
  commentCount: number;
  /** The grader's feedback as JSON text. */
  feedback: string;
}

/** A stored attempt and whether it existed already. */
export interface RecordedAttempt {
  attempt: StoredAttempt;
  duplicate: boolean;
  /** The user's stored attempts at the exercise, this one included. */
  attemptCount: number;
}

/** Result of {@link recordAttemptWithinLimit}. */
export type LimitedRecordResult =
  ({ status: "recorded" } & RecordedAttempt) | { status: "limit-reached"; attemptCount: number };

/** Returns the SHA-256, in hex, of a parsed network's JSON text. */
export function hashSubmission(network: string): string {
  return createHash("sha256").update(network, "utf8").digest("hex");
}

/**
 * Stores a graded attempt unless the same user already submitted the same network to the same
 * exercise, in which case the earlier attempt is returned with `duplicate: true`. The unique
 * constraint decides, so two identical requests racing each other still store one attempt.
 */
export async function recordAttempt(db: Database, input: NewAttempt): Promise<RecordedAttempt> {
  const result = await recordAttemptWithinLimit(db, input, null);
  if (result.status !== "recorded") {
    throw new Error("recordAttemptWithinLimit reported a reached limit without a limit.");
  }
  const { attempt, duplicate, attemptCount } = result;
  return { attempt, duplicate, attemptCount };
}

/** How often an insert may lose the race for its attempt number before giving up. */
const NUMBER_RACES = 8;

/**
 * Stores a graded attempt as {@link recordAttempt} does, unless the user already has
 * `attemptLimit` attempts at the exercise (null: no limit). An identical network is returned as
 * a duplicate even at the limit, because it costs no attempt.
 *
 * One statement numbers, checks and inserts the attempt, so no transaction stays open across
 * an await. Two requests that race for the same attempt number cannot both be stored: the
 * unique (user, exercise, number) constraint rejects the second, which then tries again with
 * the next number and so meets the limit. The attempt is committed when the promise resolves.
 */
export async function recordAttemptWithinLimit(
  db: Database,
  input: NewAttempt,
  attemptLimit: number | null,
): Promise<LimitedRecordResult> {
  const submissionHash = hashSubmission(input.network);
  for (let race = 0; race < NUMBER_RACES; race++) {
    const id = randomUUID();
    const createdAt = new Date();
    let attemptNumber: number | null;
    try {
      attemptNumber = await insertNumbered(
        db,
        { ...input, id, submissionHash, createdAt },
        attemptLimit,
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        continue;
      }
      throw error;
    }
    if (attemptNumber !== null) {
      const { verdict, score, feedback } = input;
      const attempt = {
        id,
        attemptNumber,
        createdAt,
        verdict,
        score,
        overrideScore: null,
        commentCount: 0,
        feedback,
      };
      return { status: "recorded", attempt, duplicate: false, attemptCount: attemptNumber };
    }

    // Nothing was inserted: the network is a duplicate, or the limit is reached.
    const existing = await findSubmitted(db, input.userId, input.exerciseId, submissionHash);
    const attemptCount = await countAttempts(db, input.userId, input.exerciseId);
    if (existing) {
      return { status: "recorded", attempt: existing, duplicate: true, attemptCount };
    }
    if (attemptLimit !== null && attemptCount >= attemptLimit) {
      return { status: "limit-reached", attemptCount };
    }
    // The duplicate was deleted between the insert and the lookup; try again.
  }
  throw new Error(
    `Attempt not stored: ${NUMBER_RACES} concurrent submissions of the same student took the ` +
      "attempt number first. Submit again.",
  );
}

/**
 * Inserts an attempt with the next free number unless the network is already stored or the
 * numbers have reached the limit. Returns the new attempt's number, or null when nothing was
 * inserted. Throws Prisma's unique-violation error when another insert took the number first.
 */
async function insertNumbered(
  db: Database,
  row: NewAttempt & { id: string; submissionHash: string; createdAt: Date },
  attemptLimit: number | null,
): Promise<number | null> {
  // The largest 32-bit integer stands for "no limit", so the condition needs no NULL check.
  const limit = attemptLimit ?? 2_147_483_647;
  // Stored with the attempt so that grouping wrong answers needs no feedback parsing later.
  const mistake = deriveMistake(row.verdict, row.feedback);
  const inserted = await db.$queryRaw<{ attemptNumber: number | bigint }[]>`
    INSERT INTO "attempt" ("id", "userId", "exerciseId", "exerciseVersionId", "raw", "network",
      "verdict", "score", "feedback", "gradingMs", "submissionHash", "attemptNumber", "createdAt",
      "mistakeKey", "mistakeLabel")
    SELECT ${row.id}, ${row.userId}, ${row.exerciseId}, ${row.exerciseVersionId}, ${row.raw},
      ${row.network}, ${row.verdict}, ${row.score}, ${row.feedback}, ${row.gradingMs},
      ${row.submissionHash}, COALESCE(MAX("attemptNumber"), 0) + 1, ${row.createdAt},
      ${mistake.mistakeKey}, ${mistake.mistakeLabel}
    FROM "attempt"
    WHERE "userId" = ${row.userId} AND "exerciseId" = ${row.exerciseId}
    HAVING COALESCE(MAX("attemptNumber"), 0) < ${limit}
    ON CONFLICT ("userId", "exerciseId", "submissionHash") DO NOTHING
    RETURNING "attemptNumber"`;
  const first = inserted[0];
  return first === undefined ? null : Number(first.attemptNumber);
}

async function findSubmitted(
  db: Database,
  userId: string,
  exerciseId: string,
  submissionHash: string,
): Promise<StoredAttempt | null> {
  const row = await db.attempt.findUnique({
    where: { userId_exerciseId_submissionHash: { userId, exerciseId, submissionHash } },
    select: {
      id: true,
      attemptNumber: true,
      createdAt: true,
      verdict: true,
      score: true,
      overrideScore: true,
      feedback: true,
      _count: { select: { comments: true } },
    },
  });
  if (!row) return null;
  const { _count, ...rest } = row;
  return { ...rest, verdict: verdictSchema.parse(row.verdict), commentCount: _count.comments };
}

/**
 * Counts the attempts `userId` has stored for an exercise, across all its versions: the
 * highest attempt number, which is what the attempt limit compares.
 */
export async function countAttempts(
  db: Database,
  userId: string,
  exerciseId: string,
): Promise<number> {
  const result = await db.attempt.aggregate({
    where: { userId, exerciseId },
    _max: { attemptNumber: true },
  });
  return result._max.attemptNumber ?? 0;
}

/**
 * Checks for a violated unique constraint: Prisma's P2002 from a model query, or a raw query's
 * P2010 whose driver adapter reports a unique constraint violation.
 */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) {
    return false;
  }
  if (error.code === "P2002") {
    return true;
  }
  const adapterError = error.meta?.["driverAdapterError"] as
    { cause?: { kind?: unknown } } | undefined;
  return error.code === "P2010" && adapterError?.cause?.kind === "UniqueConstraintViolation";
}
