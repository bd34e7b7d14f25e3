import "server-only";

import { dashboardCell, gradebookTotal, isStaffRole, loadGradebook } from "@sawtooth/db";

import { gradebookCsv } from "../review/gradebook-csv";
import type { ApiCall } from "./context";
import { requireMembership } from "./courses";
import { ApiError, jsonResponse } from "./errors";
import { parseOrThrow } from "./parse";
import { courseParamsSchema, gradebookQuerySchema } from "./schemas";

/**
 * GET /courses/{course}/gradebook: every student's best score that counts at every exercise, for
 * the course's tutors and admins. `format=csv` returns the review page's CSV download.
 */
export async function gradebookHandler({
  context,
  caller,
  request,
  params,
}: ApiCall<unknown>): Promise<Response> {
  const { course: courseSlug } = parseOrThrow(courseParamsSchema, params, "path");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { format } = parseOrThrow(gradebookQuerySchema, query, "query");

  const { course, role } = await requireMembership(context.db, caller.userId, courseSlug);
  if (!isStaffRole(role)) {
    throw new ApiError(
      "forbidden",
      "Only the course's tutors and admins may export its gradebook.",
    );
  }

  const gradebook = await loadGradebook(context.db, course.id);
  if (format === "csv") {
    return new Response(gradebookCsv(gradebook), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${course.slug}-gradebook.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  const students = gradebook.students.map((student) => {
    const cells = gradebook.exercises.map((exercise) =>
      dashboardCell(gradebook, student.id, exercise.id),
    );
    const total = gradebookTotal(gradebook.exercises, cells);
    return {
      name: student.name,
      email: student.email,
      cells: cells.map(({ attempts, bestScore, solved }) => ({ attempts, bestScore, solved })),
      total: total.earned,
      possible: total.possible,
      percent: total.percent,
      solved: cells.filter((cell) => cell.solved).length,
    };
  });
  const exercises = gradebook.exercises.map(({ slug, title, visibility }) => ({
    slug,
    title,
    visibility,
  }));
  return jsonResponse({ course: course.slug, exercises, students });
}
