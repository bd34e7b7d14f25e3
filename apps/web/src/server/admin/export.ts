import "server-only";

import { findExerciseForAdmin, listExerciseDefinitions, type Visibility } from "@sawtooth/db";
import { writeExerciseSettings, type CourseInfo } from "@sawtooth/theory";

import { passwordChangeRequiredResponse } from "@/lib/password-rules";
import { writeTar, type ArchiveEntry } from "@/lib/tar";

import { findAdminCourse, type AdminContext } from "./admin-access";

function notFoundResponse(): Response {
  return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain" } });
}

function attachment(body: BodyInit, type: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

/** Writes an exercise's newest definition with its visibility and due date as a file's text. */
function exerciseFileText(exercise: {
  definition: string;
  visibility: Visibility;
  dueDate: Date | null;
}): string {
  const dueDate = exercise.dueDate?.toISOString() ?? null;
  return writeExerciseSettings(exercise.definition, { visibility: exercise.visibility, dueDate });
}

/**
 * Returns an exercise's newest file as a download named `<id>.json`, the course folder's format,
 * with its visibility and due date as the fields `visibility` and `dueDate`. Anyone but an admin
 * of the course gets a 404, as for a missing exercise.
 */
export async function exportExerciseFile(
  context: AdminContext,
  courseSlug: string,
  exerciseSlug: string,
): Promise<Response> {
  if (context.passwordChangeRequired) return passwordChangeRequiredResponse();
  const course = await findAdminCourse(context.db, context.userId, courseSlug);
  const exercise = course && (await findExerciseForAdmin(context.db, course.id, exerciseSlug));
  if (!exercise) return notFoundResponse();
  return attachment(exerciseFileText(exercise), "application/json", `${exercise.slug}.json`);
}

/**
 * Returns the course as a tar archive laid out as a course folder: `course.json` with the
 * title, description, late-attempt rule and exercise order, and `exercises/<id>.json` with each
 * exercise's newest file, visibility and due date.
 */
export async function exportCourseArchive(
  context: AdminContext,
  courseSlug: string,
): Promise<Response> {
  if (context.passwordChangeRequired) return passwordChangeRequiredResponse();
  const course = await findAdminCourse(context.db, context.userId, courseSlug);
  if (!course) return notFoundResponse();

  const exercises = await listExerciseDefinitions(context.db, course.id);
  const info: CourseInfo = {
    slug: course.slug,
    title: course.title,
    description: course.description,
    acceptLate: course.acceptLate,
    exercises: exercises.map((exercise) => exercise.slug),
  };
  const encoder = new TextEncoder();
  const entries: ArchiveEntry[] = [
    { path: "course.json", data: encoder.encode(`${JSON.stringify(info, null, 2)}\n`) },
  ];
  for (const exercise of exercises) {
    entries.push({
      path: `exercises/${exercise.slug}.json`,
      data: encoder.encode(exerciseFileText(exercise)),
    });
  }
  const archive = writeTar(entries, context.now);
  return attachment(new Blob([archive]), "application/x-tar", `${course.slug}.tar`);
}
