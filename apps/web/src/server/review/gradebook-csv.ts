import {
  dashboardCell,
  gradebookTotal,
  loadGradebook,
  toPercent,
  type ExerciseSummary,
  type Gradebook,
} from "@sawtooth/db";

import { csvField } from "@/lib/csv-field";
import { passwordChangeRequiredResponse } from "@/lib/password-rules";

import { findReviewCourse, type ReviewContext } from "./review-access";

/**
 * Title of an exercise's column with its id, so two exercises of the same title stay apart.
 * Hidden exercises say that the total leaves them out.
 */
function exerciseHeader(exercise: ExerciseSummary): string {
  const note = exercise.visibility === "visible" ? "%" : "%, hidden, not in total";
  return `${exercise.title} [${exercise.slug}] (${note})`;
}

/**
 * Writes the gradebook as CSV: one row per student with their best score that counts at each
 * exercise as a percentage (empty without an attempt, so 0 means tried and scored 0), then the points earned (one per visible
 * exercise, the best score there), the points possible, the total as a percentage of the points
 * possible, and the number solved. The text starts with a UTF-8 byte order mark, which Excel
 * needs to read non-ASCII names, and lines end with CRLF.
 */
export function gradebookCsv(gradebook: Gradebook): string {
  const header = [
    "Name",
    "Email",
    ...gradebook.exercises.map(exerciseHeader),
    "Points earned",
    "Points possible",
    "Total (% of points possible)",
    "Solved",
  ];
  const rows = gradebook.students.map((student) => {
    const cells = gradebook.exercises.map((exercise) =>
      dashboardCell(gradebook, student.id, exercise.id),
    );
    const total = gradebookTotal(gradebook.exercises, cells);
    const solved = cells.filter((cell) => cell.solved).length;
    return [
      student.name,
      student.email,
      ...cells.map((cell) => (cell.attempts === 0 ? "" : toPercent(cell.bestScore))),
      total.earned,
      total.possible,
      total.percent ?? "",
      solved,
    ];
  });
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Returns the course's gradebook as a CSV download, or a 404 for anyone but its staff. */
export async function gradebookCsvResponse(
  context: ReviewContext,
  courseSlug: string,
): Promise<Response> {
  if (context.passwordChangeRequired) return passwordChangeRequiredResponse();
  const course = await findReviewCourse(context.db, context.userId, courseSlug);
  if (!course) {
    return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain" } });
  }

  const gradebook = await loadGradebook(context.db, course.id);
  const filename = `${course.slug}-gradebook.csv`;
  return new Response(gradebookCsv(gradebook), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
