import type { Database } from "../client";
import { listExercises, type ExerciseSummary } from "../exercises";

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
  /** Whether any attempt was graded correct. */
  solved: boolean;
}

/** Every student of a course against every exercise, including hidden exercises. */
export interface Gradebook {
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
 * Loads the gradebook of a course: its exercises, its students and each student's attempt count,
 * best score that counts and solved flag at each exercise. Attempts by members who are not
 * students (tutors trying an exercise) are left out.
 */
export async function loadGradebook(db: Database, courseId: string): Promise<Gradebook> {
  const exercises = await listExercises(db, courseId, { includeHidden: true });
  const students = await listCourseStudents(db, courseId);
  // Filtering on exercise ids uses the (exerciseId, …) indexes, while a relation filter on the
  // membership took over a second on 100,000 attempts. Non-students are dropped below.
  const where = { exerciseId: { in: exercises.map((exercise) => exercise.id) } };
  const studentIds = new Set(students.map((student) => student.id));

  // Prisma cannot group by `overrideScore ?? score`, so attempts without and with an override
  // are grouped apart and merged below.
  const graded = await db.attempt.groupBy({
    by: ["userId", "exerciseId", "verdict"],
    where: { ...where, overrideScore: null },
    _count: { _all: true },
    _max: { score: true },
  });
  const overridden = await db.attempt.groupBy({
    by: ["userId", "exerciseId", "verdict"],
    where: { ...where, overrideScore: { not: null } },
    _count: { _all: true },
    _max: { overrideScore: true },
  });

  const cells = new Map<string, GradebookCell>();
  const groups = [
    ...graded.map((group) => ({ ...group, best: group._max.score ?? 0 })),
    ...overridden.map((group) => ({ ...group, best: group._max.overrideScore ?? 0 })),
  ];
  for (const group of groups) {
    if (!studentIds.has(group.userId)) continue;
    const key = gradebookKey(group.userId, group.exerciseId);
    const cell = cells.get(key) ?? { attempts: 0, bestScore: 0, solved: false };
    cell.attempts += group._count._all;
    cell.bestScore = Math.max(cell.bestScore, group.best);
    cell.solved ||= group.verdict === "correct";
    cells.set(key, cell);
  }
  return { exercises, students, cells };
}
