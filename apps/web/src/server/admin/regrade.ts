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

import { gradePrepared, prepareVersion } from "../grading";
import { authorizeAdmin, invalidRequest, type AdminContext, type Rejected } from "./admin-access";

/** One attempt in a regrade preview: its grade now and against the chosen version. */
export interface RegradeRow {
  attemptId: string;
  attemptNumber: number;
  studentName: string;
  studentEmail: string;
  /** The version the attempt is graded against now. */
  oldVersion: number;
  oldVerdict: string;
  oldScore: number;
  newVerdict: "correct" | "incorrect";
  newScore: number;
  /** The manual score, which counts instead of either score while it is kept. */
  overrideScore: number | null;
  /** Whether the verdict or the score changes. */
  changed: boolean;
}

/** A dry run of a regrade: every attempt, regraded, without storing anything. */
export interface RegradePreview {
  version: number;
  rows: RegradeRow[];
  changedCount: number;
  overrideCount: number;
}

const regradeRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  exerciseSlug: z.string().min(1).max(200),
  version: z.number().int().min(1),
});

const applyRequest = regradeRequest.extend({ keepOverrides: z.boolean() });

interface Plan {
  preview: RegradePreview;
  graded: RegradedAttempt[];
  exerciseId: string;
  versionId: string;
}

/**
 * Regrades every stored attempt at an exercise against one of its versions and returns what
 * would change, storing nothing.
 */
export async function previewRegrade(
  context: AdminContext,
  request: unknown,
): Promise<Rejected | { status: "preview"; preview: RegradePreview }> {
  const parsed = regradeRequest.safeParse(request);
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  const plan = await planRegrade(context, parsed.data);
  return "preview" in plan ? { status: "preview", preview: plan.preview } : plan;
}

/**
 * Regrades as {@link previewRegrade} does and stores the new grades in one transaction, logged
 * as a RegradeRun. The grading runs again here, so what is stored matches the stored
 * submissions even if attempts arrived after the preview.
 */
export async function applyRegradeRequest(
  context: AdminContext,
  request: unknown,
): Promise<Rejected | { status: "applied"; summary: RegradeSummary }> {
  const parsed = applyRequest.safeParse(request);
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  const plan = await planRegrade(context, parsed.data);
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
  return { status: "applied", summary };
}

async function planRegrade(
  context: AdminContext,
  request: z.infer<typeof regradeRequest>,
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

  const prepared = prepareVersion(version);
  const attempts = await listAttemptsForRegrade(context.db, exercise.id);
  const rows: RegradeRow[] = [];
  const graded: RegradedAttempt[] = [];
  for (const attempt of attempts) {
    const { feedback } = gradePrepared(prepared, attempt.raw);
    // NOTE: a submission the new version's constraints reject is graded "invalid", which an
    // attempt cannot store, so it counts as incorrect with the feedback explaining why.
    const verdict = feedback.verdict === "correct" ? "correct" : "incorrect";
    const score = feedback.verdict === "invalid" ? 0 : feedback.score;
    graded.push({ attemptId: attempt.id, verdict, score, feedback: JSON.stringify(feedback) });
    rows.push({
      attemptId: attempt.id,
      attemptNumber: attempt.attemptNumber,
      studentName: attempt.student.name,
      studentEmail: attempt.student.email,
      oldVersion: attempt.versionNumber,
      oldVerdict: attempt.verdict,
      oldScore: attempt.score,
      newVerdict: verdict,
      newScore: score,
      overrideScore: attempt.overrideScore,
      changed: verdict !== attempt.verdict || score !== attempt.score,
    });
  }
  const preview: RegradePreview = {
    version: version.number,
    rows,
    changedCount: rows.filter((row) => row.changed).length,
    overrideCount: rows.filter((row) => row.overrideScore !== null).length,
  };
  return { preview, graded, exerciseId: exercise.id, versionId: version.id };
}
