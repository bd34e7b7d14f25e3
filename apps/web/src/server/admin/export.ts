import "server-only";

import { findExerciseForAdmin, listExerciseDefinitions } from "@sawtooth/db";

import { findAdminCourse, type AdminContext } from "./admin-access";
import { writeTar, type ArchiveEntry } from "@/lib/tar";

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

/**
 * Returns an exercise's newest file as a download named `<id>.json`, the course folder's format.
 * Anyone but an admin of the course gets a 404, as for a missing exercise.
 */
export async function exportExerciseFile(
  context: AdminContext,
  courseSlug: string,
  exerciseSlug: string,
): Promise<Response> {
  const course = await findAdminCourse(context.db, context.userId, courseSlug);
  const exercise = course && (await findExerciseForAdmin(context.db, course.id, exerciseSlug));
  if (!exercise) return notFoundResponse();
  return attachment(exercise.definition, "application/json", `${exercise.slug}.json`);
}

/**
 * Returns the course as a tar archive laid out as a course folder: `course.json` and
 * `exercises/<id>.json` with each exercise's newest file. `course.json` is left out while the
 * course has no description, because the folder format requires one.
 */
export async function exportCourseArchive(
  context: AdminContext,
  courseSlug: string,
): Promise<Response> {
  const course = await findAdminCourse(context.db, context.userId, courseSlug);
  if (!course) return notFoundResponse();

  const encoder = new TextEncoder();
  const entries: ArchiveEntry[] = [];
  if (course.description.trim() !== "") {
    const info = { slug: course.slug, title: course.title, description: course.description };
    entries.push({
      path: "course.json",
      data: encoder.encode(`${JSON.stringify(info, null, 2)}\n`),
    });
  }
  for (const exercise of await listExerciseDefinitions(context.db, course.id)) {
    entries.push({
      path: `exercises/${exercise.slug}.json`,
      data: encoder.encode(exercise.definition),
    });
  }
  const archive = writeTar(entries, context.now);
  return attachment(new Blob([archive]), "application/x-tar", `${course.slug}.tar`);
}
