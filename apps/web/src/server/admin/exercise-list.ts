import "server-only";

import { z } from "zod";

import { deleteExercise, moveExercise } from "@sawtooth/db";

import { plural } from "@/lib/plural";

import { authorizeAdminRequest, type AdminContext, type Rejected } from "./admin-access";

const exerciseRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  exerciseSlug: z.string().min(1).max(200),
});

const moveRequest = exerciseRequest.extend({ direction: z.enum(["up", "down"]) });

/** Result of {@link moveExerciseRequest} and {@link deleteExerciseRequest}. */
export type ExerciseListResponse = Rejected | { status: "done"; message: string };

/** Moves an exercise one place up or down in the order students see. */
export async function moveExerciseRequest(
  context: AdminContext,
  request: unknown,
): Promise<ExerciseListResponse> {
  const access = await authorizeAdminRequest(context, moveRequest, request);
  if ("status" in access) return access;

  const { exerciseSlug, direction } = access.data;
  const result = await moveExercise(context.db, access.course.id, exerciseSlug, direction);
  switch (result.status) {
    case "moved":
      return { status: "done", message: `Moved "${exerciseSlug}" ${direction}.` };
    case "at-end": {
      const end = direction === "up" ? "first" : "last";
      return { status: "rejected", message: `"${exerciseSlug}" is ${end} already.` };
    }
    case "not-found":
      return notFound(exerciseSlug);
  }
}

/** Deletes an exercise that no one has attempted, with its versions. */
export async function deleteExerciseRequest(
  context: AdminContext,
  request: unknown,
): Promise<ExerciseListResponse> {
  const access = await authorizeAdminRequest(context, exerciseRequest, request);
  if ("status" in access) return access;

  const { exerciseSlug } = access.data;
  const result = await deleteExercise(context.db, access.course.id, exerciseSlug);
  switch (result.status) {
    case "deleted":
      return { status: "done", message: `Deleted "${exerciseSlug}" and its versions.` };
    case "has-attempts":
      return {
        status: "rejected",
        message:
          `"${exerciseSlug}" has ${plural(result.attempts, "attempt")}, which deleting would ` +
          "delete too: hide the exercise instead.",
      };
    case "not-found":
      return notFound(exerciseSlug);
  }
}

function notFound(exerciseSlug: string): Rejected {
  return {
    status: "rejected",
    message: `Exercise "${exerciseSlug}" not found in this course: reload the page.`,
  };
}
