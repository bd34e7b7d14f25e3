import type { Metadata } from "next";
import Link from "next/link";

import {
  buildDashboard,
  getDatabase,
  loadGradebook,
  type DashboardCell,
  type DashboardOptions,
} from "@sawtooth/db";

import { formatScore } from "@/components/feedback/feedback-format";
import { labelExercises } from "@/lib/exercise-labels";
import { plural } from "@/lib/plural";
import { parseDashboardFilter } from "@/server/review/dashboard-filter";
import { requireCourseStaff } from "@/server/review/require-staff";
import { PersonName } from "@/components/person-name";

import { SOLVED_LEGEND } from "../exercise-status";
import { FilterProblems } from "./filter-problems";
import { ReviewNav } from "./review-nav";

interface DashboardPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: DashboardPageProps): Promise<Metadata> {
  const { course } = await requireCourseStaff((await params).slug);
  return { title: `Review: ${course.title}` };
}

const STATUS_LABEL: Record<DashboardCell["status"], string> = {
  "not-tried": "Not tried",
  tried: "Tried",
  solved: "Solved",
};

const STATUS_CLASS: Record<DashboardCell["status"], string> = {
  "not-tried": "text-slate-500",
  tried: "text-amber-700",
  solved: "text-emerald-700",
};

export default async function DashboardPage({ params, searchParams }: DashboardPageProps) {
  const { course } = await requireCourseStaff((await params).slug);
  const query = await searchParams;
  const gradebook = await loadGradebook(getDatabase(), course.id);
  const { options, problems } = parseDashboardFilter(query, gradebook.exercises);
  const dashboard = buildDashboard(gradebook, options);
  const labels = labelExercises(gradebook.exercises);
  const base = `/courses/${course.slug}/review`;

  /** Returns the link that sorts by `sort`, flipping the direction when it is the current one. */
  const sortLink = (sort: string) => {
    const direction = options.sort === sort && options.direction === "asc" ? "desc" : "asc";
    const query = new URLSearchParams({ ...definedOptions(options), sort, direction });
    return `${base}?${query}`;
  };
  const ascending = options.direction === "asc";
  const sortMark = (sort: string) => {
    if (options.sort !== sort) return "";
    return ascending ? " ▲" : " ▼";
  };
  const ariaSort = (sort: string) => {
    if (options.sort !== sort) return undefined;
    return ascending ? "ascending" : "descending";
  };

  return (
    <div>
      <h1 className="text-2xl font-semibold">Review: {course.title}</h1>
      <ReviewNav courseSlug={course.slug} current="" />

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex max-w-full flex-col gap-1">
          Student
          <input
            name="student"
            defaultValue={options.student}
            placeholder="Name or email"
            className="max-w-full rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex max-w-full flex-col gap-1">
          Exercise
          <select
            name="exercise"
            defaultValue={options.exercise}
            className="max-w-full rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">All exercises</option>
            {gradebook.exercises.map((exercise) => (
              <option key={exercise.id} value={exercise.slug}>
                {labels.get(exercise.slug)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex max-w-full flex-col gap-1">
          Status
          <select
            name="status"
            defaultValue={options.status}
            className="max-w-full rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">Any status</option>
            <option value="not-tried">Not tried</option>
            <option value="tried">Tried, not solved</option>
            <option value="solved">Solved</option>
          </select>
        </label>
        <input type="hidden" name="sort" value={options.sort} />
        <input type="hidden" name="direction" value={options.direction} />
        <button className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700">
          Filter
        </button>
        <Link href={base} className="py-1.5 text-indigo-700 hover:underline">
          Clear
        </Link>
      </form>
      <FilterProblems problems={problems} />
      <p className="mt-2 text-sm text-slate-600">
        {options.status && !options.exercise
          ? "The status filter keeps students with that status at one exercise or more. "
          : ""}
        Showing {dashboard.rows.length} of {gradebook.students.length} students. A score is the best
        of the student&apos;s attempts, counting a tutor&apos;s override in place of the grade. The
        total is the points earned over the points possible: each visible exercise shown is worth
        one point, of which the student earns their score; hidden exercises are not counted.
      </p>

      <div className="mt-4 overflow-x-auto">
        <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium" aria-sort={ariaSort("name")}>
                <Link href={sortLink("name")} className="hover:underline">
                  Student{sortMark("name")}
                </Link>
              </th>
              {dashboard.exercises.map((exercise) => (
                <th
                  key={exercise.id}
                  scope="col"
                  className="px-3 py-2 font-medium"
                  aria-sort={ariaSort(exercise.slug)}
                >
                  <Link href={sortLink(exercise.slug)} className="hover:underline">
                    {labels.get(exercise.slug)}
                    {sortMark(exercise.slug)}
                  </Link>
                  {exercise.visibility !== "visible" && (
                    <div className="font-normal text-slate-500">hidden, not in total</div>
                  )}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 font-medium" aria-sort={ariaSort("total")}>
                <Link href={sortLink("total")} className="hover:underline">
                  Total (% of points){sortMark("total")}
                </Link>
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.rows.map((row) => (
              <tr key={row.student.id} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 font-normal">
                  <div className="font-medium">
                    <PersonName name={row.student.name} />
                  </div>
                  <div className="text-slate-500">{row.student.email}</div>
                </th>
                {row.cells.map((cell, index) => {
                  const exercise = dashboard.exercises[index]!;
                  const attempts = new URLSearchParams({
                    student: row.student.id,
                    exercise: exercise.slug,
                  });
                  return (
                    <td key={exercise.id} className="px-3 py-2">
                      <span className={`font-medium ${STATUS_CLASS[cell.status]}`}>
                        {STATUS_LABEL[cell.status]}
                      </span>
                      {cell.attempts > 0 && (
                        <div className="text-slate-600">
                          {formatScore(cell.bestScore)} ·{" "}
                          <Link
                            href={`${base}/attempts?${attempts}`}
                            aria-label={`${plural(cell.attempts, "attempt")} by ${row.student.name} at ${exercise.slug}`}
                            className="text-indigo-700 hover:underline"
                          >
                            {plural(cell.attempts, "attempt")}
                          </Link>
                        </div>
                      )}
                    </td>
                  );
                })}
                <td className="px-3 py-2">
                  <div className="font-medium">
                    {row.total.percent === null ? "–" : `${row.total.percent}%`}
                  </div>
                  <div className="text-slate-600">
                    {row.total.earned} of {row.total.possible} points
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300 bg-slate-50 text-slate-700">
            <tr>
              <th scope="row" className="px-3 py-2 font-medium">
                Totals
              </th>
              {dashboard.totals.map((totals, index) => (
                <td key={dashboard.exercises[index]!.id} className="px-3 py-2">
                  <div>Tried, not solved: {totals.tried}</div>
                  <div>Solved: {totals.solved}</div>
                  <div>
                    Median attempts: {totals.medianAttempts === null ? "–" : totals.medianAttempts}
                  </div>
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="mt-2 text-sm text-slate-600">{SOLVED_LEGEND}</p>
    </div>
  );
}

/** Returns the options that differ from "no filter", for links that keep the filters. */
function definedOptions(options: DashboardOptions): Record<string, string> {
  const entries = Object.entries(options).filter(([, value]) => value !== "");
  return Object.fromEntries(entries);
}
