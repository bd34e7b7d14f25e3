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

/** Result of {@link recordAttempt}: the stored attempt and whether it existed already. */
export interface RecordedAttempt {
  attempt: Attempt;
  duplicate: boolean;
}

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
  const submissionHash = hashSubmission(input.network);
  try {
    const attempt = await db.attempt.create({ data: { ...input, submissionHash } });
    return { attempt, duplicate: false };
  } catch (error) {
    if (!isUniqueViolation(error)) {
      throw error;
    }
  }
  const attempt = await db.attempt.findUniqueOrThrow({
    where: {
      userId_exerciseId_submissionHash: {
        userId: input.userId,
        exerciseId: input.exerciseId,
        submissionHash,
      },
    },
  });
  return { attempt, duplicate: true };
}

/** Counts the attempts `userId` has stored for an exercise, across all its versions. */
export function countAttempts(db: Database, userId: string, exerciseId: string): Promise<number> {
  return db.attempt.count({ where: { userId, exerciseId } });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
