import "server-only";

import { z } from "zod";

import {
  applyRegrade,
  findExerciseForAdmin,
  findExerciseVersion,
  listAttemptsForRegrade,
  type RegradedAttempt,
  type RegradeSummary,
} from "@sawtooth/db";

import type { StoredVersion } from "../grading";
import { getGradingPool, type GradingPool, type PoolGrading } from "../grading-pool";
import { logger } from "../log";
import { authorizeAdmin, invalidRequest, type AdminContext, type Rejected } from "./admin-access";

/** One attempt in a regrade preview: its grade now and against the chosen version. */
export type RegradeRow = RegradeRowBase & (RegradedRow | TooComplexRow);

interface RegradeRowBase {
  attemptId: string;
  attemptNumber: number;
  studentName: string;
  studentEmail: string;
  /** The version the attempt is graded against now. */
  oldVersion: number;
  oldVerdict: string;
  oldScore: number;
  /** The manual score, which counts instead of either score while it is kept. */
  overrideScore: number | null;
}

interface RegradedRow {
  status: "graded";
  newVerdict: "correct" | "incorrect";
  newScore: number;
  /** Whether the verdict or the score changes. */
  changed: boolean;
}

/** An attempt whose grading ran over the pool's budget; applying leaves it unchanged. */
interface TooComplexRow {
  status: "too-complex";
  reason: "time" | "memory";
  changed: false;
}

/** A dry run of a regrade: every attempt, regraded, without storing anything. */
export interface RegradePreview {
  version: number;
  rows: RegradeRow[];
  changedCount: number;
  overrideCount: number;
  /** Attempts not graded because grading ran over the pool's time or memory budget. */
  tooComplexCount: number;
}

/**
 * An applied regrade: the counts it logged, every attempt as it was regraded, whether manual
 * scores were kept, and the attempts it left unchanged as too complex.
 */
export interface AppliedRegrade {
  status: "applied";
  summary: RegradeSummary;
  rows: RegradeRow[];
  keepOverrides: boolean;
  tooComplexCount: number;
}

/**
 * The grading pool a regrade grades in: the process's pool in the app, a pool with other
 * budgets in tests. A regrade hands the pool at most `options.threads` gradings at a time. The
 * pool's queue is first in, first out, so a submission that arrives during a regrade waits for
 * a worker to finish its current grading, not for the rest of the regrade.
 */
export type RegradePool = Pick<GradingPool, "grade" | "options">;

const regradeRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  exerciseSlug: z.string().min(1).max(200),
  version: z.number().int().min(1),
});

const applyRequest = regradeRequest.extend({ keepOverrides: z.boolean() });

interface Plan {
  preview: RegradePreview;
  /** The attempts that were graded, without those that ran over the budget. */
  graded: RegradedAttempt[];
  exerciseId: string;
  versionId: string;
}

/**
 * Regrades every stored attempt at an exercise against one of its versions, in the grading
 * pool, and returns what would change, storing nothing.
 */
export async function previewRegrade(
  context: AdminContext,
  request: unknown,
  pool: RegradePool = getGradingPool(),
): Promise<Rejected | { status: "preview"; preview: RegradePreview }> {
  const parsed = regradeRequest.safeParse(request);
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  const plan = await planRegrade(context, parsed.data, pool);
  return "preview" in plan ? { status: "preview", preview: plan.preview } : plan;
}

/**
 * Regrades as {@link previewRegrade} does and stores the new grades in one transaction, logged
 * as a RegradeRun. The grading runs again here, so what is stored matches the stored
 * submissions even if attempts arrived after the preview. An attempt whose grading runs over
 * the pool's budget keeps its grade, version and manual score.
 */
export async function applyRegradeRequest(
  context: AdminContext,
  request: unknown,
  pool: RegradePool = getGradingPool(),
): Promise<Rejected | AppliedRegrade> {
  const parsed = applyRequest.safeParse(request);
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  const plan = await planRegrade(context, parsed.data, pool);
  if (!("preview" in plan)) return plan;

  const summary = await applyRegrade(context.db, {
    exerciseId: plan.exerciseId,
    versionId: plan.versionId,
    versionNumber: plan.preview.version,
    // planRegrade has authorized a signed-in admin, so the id is set.
    adminId: context.userId ?? "",
    keepOverrides: parsed.data.keepOverrides,
    attempts: plan.graded,
    changedIds: plan.preview.rows.filter((row) => row.changed).map((row) => row.attemptId),
  });
  return {
    status: "applied",
    summary,
    rows: plan.preview.rows,
    keepOverrides: parsed.data.keepOverrides,
    tooComplexCount: plan.preview.tooComplexCount,
  };
}

async function planRegrade(
  context: AdminContext,
  request: z.infer<typeof regradeRequest>,
  pool: RegradePool,
): Promise<Rejected | Plan> {
  const access = await authorizeAdmin(context, request.courseSlug);
  if ("status" in access) return access;
  const exercise = await findExerciseForAdmin(context.db, access.course.id, request.exerciseSlug);
  if (!exercise) {
    const message = `Exercise "${request.exerciseSlug}" not found in this course.`;
    return { status: "rejected", message };
  }
  const version = await findExerciseVersion(context.db, exercise.id, request.version);
  if (!version) {
    const message = `Version ${request.version} not found: choose one of the listed versions.`;
    return { status: "rejected", message };
  }

  const stored = { id: version.id, definition: version.definition };
  const attempts = await listAttemptsForRegrade(context.db, exercise.id);
  const gradings = await gradeInTurn(pool, stored, attempts);
  const rows: RegradeRow[] = [];
  const graded: RegradedAttempt[] = [];
  attempts.forEach((attempt, index) => {
    const grading = gradings[index]!;
    const base: RegradeRowBase = {
      attemptId: attempt.id,
      attemptNumber: attempt.attemptNumber,
      studentName: attempt.student.name,
      studentEmail: attempt.student.email,
      oldVersion: attempt.versionNumber,
      oldVerdict: attempt.verdict,
      oldScore: attempt.score,
      overrideScore: attempt.overrideScore,
    };
    if (grading.status === "too-complex") {
      const { reason, elapsedMs } = grading;
      logger.warn(
        { attemptId: attempt.id, versionId: version.id, reason, gradingMs: elapsedMs },
        "regrade grading over budget",
      );
      rows.push({ ...base, status: "too-complex", reason, changed: false });
      return;
    }
    const { feedback } = grading.graded;
    // NOTE: a submission the new version's constraints reject is graded "invalid", which an
    // attempt cannot store, so it counts as incorrect with the feedback explaining why.
    const verdict = feedback.verdict === "correct" ? "correct" : "incorrect";
    const score = feedback.verdict === "invalid" ? 0 : feedback.score;
    graded.push({ attemptId: attempt.id, verdict, score, feedback: JSON.stringify(feedback) });
    const changed = verdict !== attempt.verdict || score !== attempt.score;
    rows.push({ ...base, status: "graded", newVerdict: verdict, newScore: score, changed });
  });
  const preview: RegradePreview = {
    version: version.number,
    rows,
    changedCount: rows.filter((row) => row.changed).length,
    overrideCount: rows.filter((row) => row.overrideScore !== null).length,
    tooComplexCount: rows.filter((row) => row.status === "too-complex").length,
  };
  return { preview, graded, exerciseId: exercise.id, versionId: version.id };
}

/**
 * Grades each attempt's stored submission in the pool, with at most `pool.options.threads`
 * gradings queued or running at a time. Returns the gradings in the order of `attempts`.
 */
async function gradeInTurn(
  pool: RegradePool,
  version: StoredVersion,
  attempts: { raw: string }[],
): Promise<PoolGrading[]> {
  const gradings: PoolGrading[] = new Array(attempts.length);
  let next = 0;
  async function gradeNext(): Promise<void> {
    while (next < attempts.length) {
      const index = next++;
      gradings[index] = await pool.grade(version, attempts[index]!.raw);
    }
  }
  const lanes = Math.min(pool.options.threads, attempts.length);
  await Promise.all(Array.from({ length: lanes }, gradeNext));
  return gradings;
}
