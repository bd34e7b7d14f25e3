/**
 * The due-date state that a student's exercise page shows at one moment: `open` (no due date, or before it),
 * `closed` (past it in a course that rejects late attempts, so Submit is disabled) or `late`
 * (past it in a course that accepts late attempts, which tutors see marked late).
 */
export type StudentDueStatus = "open" | "closed" | "late";

/** Returns the due-date state that a student's exercise page shows at `now`. */
export function studentDueStatus(
  dueDate: Date | null,
  acceptLate: boolean,
  now: Date,
): StudentDueStatus {
  if (dueDate === null || now <= dueDate) {
    return "open";
  }
  return acceptLate ? "late" : "closed";
}
