"use server";

import type { PreviewResult } from "@/lib/submission-contract";

import { requestAdminContext } from "../admin/context";
import {
  checkCourseImport,
  importCourseFiles,
  type ImportCheckResponse,
  type ImportResponse,
} from "../admin/course-import";
import {
  saveExercise,
  setVisibility,
  type SaveExerciseResult,
  type VisibilityResult,
} from "../admin/exercise-editor";
import {
  deleteExerciseRequest,
  moveExerciseRequest,
  type ExerciseListResponse,
} from "../admin/exercise-list";
import { previewSubmission } from "../admin/preview-grading";
import {
  applyRegradeRequest,
  previewRegrade,
  type AppliedRegrade,
  type RegradePreview,
} from "../admin/regrade";
import type { Rejected } from "../admin/admin-access";

// Every action takes `unknown` because a browser can call it with any value; the functions it
// calls parse the request and check that the signed-in user is an admin of the course.

/** Validates, self-tests and stores an exercise from the editor. */
export async function saveExerciseAction(request: unknown): Promise<SaveExerciseResult> {
  return saveExercise(await requestAdminContext(), request);
}

/** Publishes (after a passing self-test) or hides an exercise. */
export async function setVisibilityAction(request: unknown): Promise<VisibilityResult> {
  return setVisibility(await requestAdminContext(), request);
}

/** Regrades every attempt at an exercise against a version without storing anything. */
export async function previewRegradeAction(
  request: unknown,
): Promise<Rejected | { status: "preview"; preview: RegradePreview }> {
  return previewRegrade(await requestAdminContext(), request);
}

/** Regrades and stores the new grades, logged. Attempts too complex to grade stay unchanged. */
export async function applyRegradeAction(request: unknown): Promise<Rejected | AppliedRegrade> {
  return applyRegradeRequest(await requestAdminContext(), request);
}

/** Validates a whole import and returns what it would write, without writing anything. */
export async function checkCourseImportAction(request: unknown): Promise<ImportCheckResponse> {
  return checkCourseImport(await requestAdminContext(), request);
}

/**
 * Validates a whole import again and writes it, only when no file has a problem and the course
 * is still in the state its check saw.
 */
export async function importCourseFilesAction(request: unknown): Promise<ImportResponse> {
  return importCourseFiles(await requestAdminContext(), request);
}

/** Moves an exercise one place up or down in the course's order. */
export async function moveExerciseAction(request: unknown): Promise<ExerciseListResponse> {
  return moveExerciseRequest(await requestAdminContext(), request);
}

/** Deletes an exercise that has no attempts. */
export async function deleteExerciseAction(request: unknown): Promise<ExerciseListResponse> {
  return deleteExerciseRequest(await requestAdminContext(), request);
}

/**
 * Grades a submission on the student preview as a student's would be graded, storing nothing.
 * The preview page binds the course slug and exercise id, so the workspace passes the submission
 * only.
 */
export async function previewSubmissionAction(
  courseSlug: unknown,
  exerciseSlug: unknown,
  submission: unknown,
): Promise<PreviewResult> {
  return previewSubmission(await requestAdminContext(), { courseSlug, exerciseSlug, submission });
}
