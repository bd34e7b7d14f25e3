import type { Database } from "../client";
import { listExercises, type ExerciseSummary } from "../exercises";
import { isSolved, tallyAttempts } from "../progress";

/** A student of a course as the review pages list them. */
export interface ReviewStudent {
  id: string;
  name: string;
  email: string;
}

/** One student's attempts at one exercise, summed up. */
export interface GradebookCell {
  attempts: number;
  /** Highest score that counts (the override when set, else the graded score). */
  bestScore: number;
  /** Whether some attempt scores 1 with overrides counted; see {@link isSolved}. */
  solved: boolean;
}

/** Every student of a course against every exercise, including hidden exercises. */
export interface Gradebook {
  /** Visible exercises in course order, then hidden ones, which no total counts. */
  exercises: ExerciseSummary[];
  /** Members with the student role, by name and then email. */
  students: ReviewStudent[];
  /** Cells keyed by {@link gradebookKey}. A missing cell means no attempt. */
  cells: Map<string, GradebookCell>;
}

/** Returns the key of a student's cell at an exercise in {@link Gradebook.cells}. */
export function gradebookKey(userId: string, exerciseId: string): string {
  return `${userId} ${exerciseId}`;
}

/** Lists the members of a course with the student role, by name and then email. */
export async function listCourseStudents(db: Database, courseId: string): Promise<ReviewStudent[]> {
  const rows = await db.membership.findMany({
    where: { courseId, role: "student" },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
  });
  return rows.map((row) => row.user);
}

/**
 * Loads the gradebook of a course: its exercises (visible ones first), its students and each
 * student's attempt count, best score that counts and solved flag at each exercise. Attempts by
 * members who are not students (tutors trying an exercise) are left out.
 */
export async function loadGradebook(db: Database, courseId: string): Promise<Gradebook> {
  const listed = await listExercises(db, courseId, { includeHidden: true });
  const exercises = [
    ...listed.filter((exercise) => exercise.visibility === "visible"),
    ...listed.filter((exercise) => exercise.visibility !== "visible"),
  ];
  const students = await listCourseStudents(db, courseId);
  const studentIds = new Set(students.map((student) => student.id));

  const cells = new Map<string, GradebookCell>();
  for (const tally of await tallyAttempts(db, courseId)) {
    // Attempts by tutors and admins who tried an exercise are not part of the gradebook.
    if (!studentIds.has(tally.userId)) continue;
    const { attempts, bestScore } = tally;
    const cell = { attempts, bestScore, solved: isSolved(bestScore) };
    cells.set(gradebookKey(tally.userId, tally.exerciseId), cell);
  }
  return { exercises, students, cells };
}
