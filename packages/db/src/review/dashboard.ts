import { z } from "zod";

import type { ExerciseSummary } from "../exercises";
import { gradebookKey, type Gradebook, type GradebookCell, type ReviewStudent } from "./gradebook";

/** A student's standing at one exercise. */
export const progressStatusSchema = z.enum(["not-tried", "tried", "solved"]);

/** A student's standing at one exercise: no attempt, attempts but none scoring 1, or solved. */
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

/** How the dashboard's rows are filtered and ordered, as read from the page's query string. */
export const dashboardOptionsSchema = z.object({
  /** Text to find in a student's name or email, ignoring case. */
  student: z.string().trim().max(200).catch(""),
  /** Slug of the one exercise to show, or "" for all. */
  exercise: z.string().max(200).catch(""),
  /** Keeps students with this status at the chosen exercise, or at any exercise when none is. */
  status: progressStatusSchema.or(z.literal("")).catch(""),
  /** "name", "email", "total", or an exercise slug to order by the best score there. */
  sort: z.string().max(200).catch("name"),
  direction: z.enum(["asc", "desc"]).catch("asc"),
});

/** Parsed dashboard options; invalid values fall back to the defaults. */
export type DashboardOptions = z.infer<typeof dashboardOptionsSchema>;

/** One student's status and best score at one exercise. */
export interface DashboardCell extends GradebookCell {
  status: ProgressStatus;
}

/**
 * A student's total: points earned over points possible. Every visible exercise is worth one
 * point, and the student earns its best score that counts there. Hidden exercises are left out
 * of both, because students cannot attempt them. The schema has no per-exercise weight, so all
 * visible exercises weigh the same.
 */
export interface GradebookTotal {
  /** Sum of the best scores at visible exercises, rounded to four decimals. */
  earned: number;
  possible: number;
  /** `earned / possible` as a percentage rounded to two decimals; null when `possible` is 0. */
  percent: number | null;
}

/** One student's row. */
export interface DashboardRow {
  student: ReviewStudent;
  /** One cell per shown exercise, in the order of {@link Dashboard.exercises}. */
  cells: DashboardCell[];
  /** Total over the shown exercises. */
  total: GradebookTotal;
}

/** Totals of one exercise over the shown students; each student counts in one status only. */
export interface ExerciseTotals {
  /** Students with attempts but none that solves the exercise, the "tried" status. */
  tried: number;
  solved: number;
  /** Median number of attempts among the students who tried it, or null when none did. */
  medianAttempts: number | null;
}

/** The dashboard's table: shown exercises, shown rows in order, and totals per exercise. */
export interface Dashboard {
  exercises: ExerciseSummary[];
  rows: DashboardRow[];
  totals: ExerciseTotals[];
}

const NO_ATTEMPT: DashboardCell = { attempts: 0, bestScore: 0, solved: false, status: "not-tried" };

/** Returns a student's cell at an exercise, a "not tried" cell when there is no attempt. */
export function dashboardCell(gradebook: Gradebook, userId: string, exerciseId: string) {
  const cell = gradebook.cells.get(gradebookKey(userId, exerciseId));
  if (!cell) {
    return NO_ATTEMPT;
  }
  return { ...cell, status: cell.solved ? "solved" : "tried" } satisfies DashboardCell;
}

/** Writes a fraction in [0, 1] as a percentage rounded to two decimals, such as 33.33. */
export function toPercent(fraction: number): number {
  return Math.round(fraction * 10_000) / 100;
}

/**
 * Returns a student's total over `exercises`, given their cells in the same order; see
 * {@link GradebookTotal} for how it counts.
 */
export function gradebookTotal(
  exercises: readonly ExerciseSummary[],
  cells: readonly GradebookCell[],
): GradebookTotal {
  let earned = 0;
  let possible = 0;
  exercises.forEach((exercise, index) => {
    if (exercise.visibility !== "visible") return;
    possible += 1;
    earned += cells[index]?.bestScore ?? 0;
  });
  const percent = possible === 0 ? null : toPercent(earned / possible);
  // Four decimals keep sums such as 0.1 + 0.2 from showing floating-point noise.
  return { earned: Math.round(earned * 10_000) / 10_000, possible, percent };
}

/** Returns the median of a non-empty list of numbers, the mean of the middle two for even sizes. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) {
    return sorted[middle]!;
  }
  return (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Filters, orders and totals a gradebook as the options ask. */
export function buildDashboard(gradebook: Gradebook, options: DashboardOptions): Dashboard {
  const exercises = options.exercise
    ? gradebook.exercises.filter((exercise) => exercise.slug === options.exercise)
    : gradebook.exercises;
  const needle = options.student.toLowerCase();

  let rows = gradebook.students
    .filter(
      (student) =>
        student.name.toLowerCase().includes(needle) || student.email.toLowerCase().includes(needle),
    )
    .map((student) => {
      const cells = exercises.map((exercise) => dashboardCell(gradebook, student.id, exercise.id));
      const total = gradebookTotal(exercises, cells);
      return { student, cells, total };
    });
  if (options.status) {
    rows = rows.filter((row) => row.cells.some((cell) => cell.status === options.status));
  }
  rows.sort(compareRows(exercises, options));

  const totals = exercises.map((_exercise, index) => {
    const tried = rows.map((row) => row.cells[index]!).filter((cell) => cell.attempts > 0);
    const attempts = tried.map((cell) => cell.attempts);
    const solved = tried.filter((cell) => cell.solved).length;
    return {
      tried: tried.length - solved,
      solved,
      medianAttempts: attempts.length === 0 ? null : median(attempts),
    };
  });
  return { exercises, rows, totals };
}

function compareRows(exercises: ExerciseSummary[], options: DashboardOptions) {
  const sign = options.direction === "desc" ? -1 : 1;
  const column = exercises.findIndex((exercise) => exercise.slug === options.sort);
  const byName = (a: DashboardRow, b: DashboardRow) =>
    a.student.name.localeCompare(b.student.name, "en") ||
    a.student.email.localeCompare(b.student.email, "en");

  return (a: DashboardRow, b: DashboardRow): number => {
    let order = 0;
    if (options.sort === "email") {
      order = a.student.email.localeCompare(b.student.email, "en");
    } else if (options.sort === "total") {
      order = a.total.earned - b.total.earned;
    } else if (column >= 0) {
      order = compareCells(a.cells[column]!, b.cells[column]!);
    }
    if (order !== 0) {
      return sign * order;
    }
    // Ties of another column are broken by name in ascending order, whatever the direction.
    return options.sort === "name" ? sign * byName(a, b) : byName(a, b);
  };
}

/** Orders cells by best score, then solved before tried before not tried. */
function compareCells(a: DashboardCell, b: DashboardCell): number {
  const rank = { "not-tried": 0, tried: 1, solved: 2 } as const;
  return a.bestScore - b.bestScore || rank[a.status] - rank[b.status];
}
