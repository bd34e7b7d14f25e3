import { createHash } from "node:crypto";

import { z } from "zod";

import type { Database } from "./client";
import { Prisma, type Attempt } from "./generated/prisma/client";

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

/** A stored attempt and whether it existed already. */
export interface RecordedAttempt {
  attempt: Attempt;
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

/**
 * Stores a graded attempt as {@link recordAttempt} does, unless the user already has
 * `attemptLimit` stored attempts at the exercise (null: no limit). An identical network is
 * returned as a duplicate even at the limit, because it costs no attempt. The count and the
 * insert run in one serializable transaction, so concurrent requests at the limit store one
 * attempt, and the attempt is committed when the promise resolves.
 */
export async function recordAttemptWithinLimit(
  db: Database,
  input: NewAttempt,
  attemptLimit: number | null,
): Promise<LimitedRecordResult> {
  const submissionHash = hashSubmission(input.network);
  const owner = { userId: input.userId, exerciseId: input.exerciseId };
  try {
    return await db.$transaction(
      async (tx): Promise<LimitedRecordResult> => {
        const existing = await tx.attempt.findUnique({
          where: { userId_exerciseId_submissionHash: { ...owner, submissionHash } },
        });
        const attemptCount = await tx.attempt.count({ where: owner });
        if (existing) {
          return { status: "recorded", attempt: existing, duplicate: true, attemptCount };
        }
        if (attemptLimit !== null && attemptCount >= attemptLimit) {
          return { status: "limit-reached", attemptCount };
        }
        const attempt = await tx.attempt.create({ data: { ...input, submissionHash } });
        return { status: "recorded", attempt, duplicate: false, attemptCount: attemptCount + 1 };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) {
      throw error;
    }
  }
  // Another connection stored the same network between this transaction's check and insert.
  const attempt = await db.attempt.findUniqueOrThrow({
    where: { userId_exerciseId_submissionHash: { ...owner, submissionHash } },
  });
  const attemptCount = await countAttempts(db, input.userId, input.exerciseId);
  return { status: "recorded", attempt, duplicate: true, attemptCount };
}

/** Counts the attempts `userId` has stored for an exercise, across all its versions. */
export function countAttempts(db: Database, userId: string, exerciseId: string): Promise<number> {
  return db.attempt.count({ where: { userId, exerciseId } });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
