import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase, listCourseAttempts, listCourseStudents, listExercises } from "@sawtooth/db";

import { DataTable } from "@/components/data-table";
import { formatScore } from "@/components/feedback/feedback-format";
import { formatAttemptTimes } from "@/lib/attempt-times";
import { labelExercises } from "@/lib/exercise-labels";
import { parseAttemptFilter } from "@/server/review/attempt-filter";
import { requireCourseStaff } from "@/server/review/require-staff";
import { isolateName, PersonName } from "@/components/person-name";

import { FilterProblems } from "../filter-problems";
import { HiddenBadge } from "../hidden-badge";
import { LateBadge } from "../late-badge";
import { RemovedBadge } from "../removed-badge";
import { ReviewNav } from "../review-nav";

interface AttemptListPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = { title: "Attempts" };

const DAY_MS = 86_400_000;

export default async function AttemptListPage({ params, searchParams }: AttemptListPageProps) {
  const { course } = await requireCourseStaff((await params).slug);
  const query = await searchParams;
  const db = getDatabase();
  const exercises = await listExercises(db, course.id, { includeHidden: true });
  const students = await listCourseStudents(db, course.id);
  const labels = labelExercises(exercises);
  const { values: filter, exerciseId, problems } = parseAttemptFilter(query, exercises, students);
  // Dates in the wrong order would match nothing, so the range is left out with a message.
  const range = filter.from && filter.to && filter.from > filter.to ? { from: "", to: "" } : filter;

  const page = await listCourseAttempts(
    db,
    {
      courseId: course.id,
      exerciseId,
      userId: filter.student || undefined,
      verdict: filter.verdict || undefined,
      from: range.from ? new Date(`${range.from}T00:00:00Z`) : undefined,
      // The last day counts whole, so the bound is the start of the next day.
      to: range.to ? new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS) : undefined,
    },
    filter.cursor || null,
  );
  const times = formatAttemptTimes(page.entries.map((entry) => entry.createdAt));
  const base = `/courses/${course.slug}/review/attempts`;
  const kept = Object.entries(filter).filter(([key, value]) => key !== "cursor" && value !== "");
  const nextQuery = new URLSearchParams([...kept, ["cursor", page.nextCursor ?? ""]]);

  return (
    <div>
      <h1 className="text-2xl font-semibold">Attempts in {course.title}</h1>
      <ReviewNav courseSlug={course.slug} current="/attempts" />

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex max-w-full flex-col gap-1">
          Exercise
          <select
            name="exercise"
            defaultValue={filter.exercise}
            className="max-w-full rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">All exercises</option>
            {exercises.map((exercise) => (
              <option key={exercise.id} value={exercise.slug}>
                {labels.get(exercise.slug)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex max-w-full flex-col gap-1">
          Student
          <select
            name="student"
            defaultValue={filter.student}
            className="max-w-full rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">All students</option>
            {students.map((student) => (
              <option key={student.id} value={student.id}>
                {isolateName(student.name)} ({student.email})
              </option>
            ))}
          </select>
        </label>
        <label className="flex max-w-full flex-col gap-1">
          Verdict
          <select
            name="verdict"
            defaultValue={filter.verdict}
            className="max-w-full rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">Any verdict</option>
            <option value="correct">Correct</option>
            <option value="incorrect">Incorrect</option>
          </select>
        </label>
        <label className="flex max-w-full flex-col gap-1">
          From (UTC)
          <input
            type="date"
            name="from"
            defaultValue={filter.from}
            className="max-w-full rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex max-w-full flex-col gap-1">
          To (UTC)
          <input
            type="date"
            name="to"
            defaultValue={filter.to}
            className="max-w-full rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <button className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700">
          Filter
        </button>
        <Link href={base} className="py-1.5 text-indigo-700 hover:underline">
          Clear
        </Link>
      </form>
      <FilterProblems problems={problems} />

      {page.entries.length === 0 ? (
        <p className="mt-6 text-slate-600">No attempts match these filters.</p>
      ) : (
        <DataTable
          columns={[
            "Submitted (UTC)",
            "Student",
            "Exercise",
            "Verdict",
            "Score",
            { hidden: "Link" },
          ]}
          className="mt-4"
        >
          {page.entries.map((entry, index) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.createdAt.toISOString()} title={times[index]?.full}>
                  {times[index]?.text}
                </time>
              </td>
              <td>
                <PersonName name={entry.student.name} />
                {!entry.student.isMember && <RemovedBadge />}
                <div className="text-slate-500">{entry.student.email}</div>
              </td>
              <td>
                {labels.get(entry.exercise.slug) ?? entry.exercise.title}{" "}
                <span className="text-slate-500">#{entry.attemptNumber}</span>
                {entry.exercise.hidden && <HiddenBadge />}
                {entry.late && <LateBadge dueDate={entry.exercise.dueDate} />}
              </td>
              <td
                className={`font-medium ${entry.verdict === "correct" ? "text-emerald-700" : "text-rose-700"}`}
              >
                {entry.verdict === "correct" ? "Correct" : "Incorrect"}
              </td>
              <td>
                {formatScore(entry.score)}
                {entry.overridden && (
                  <span className="ml-1 text-xs text-slate-500">(override)</span>
                )}
              </td>
              <td>
                <Link
                  href={`${base}/${entry.id}`}
                  aria-label={`Review attempt ${entry.attemptNumber} by ${entry.student.name} at ${entry.exercise.slug}`}
                  className="text-indigo-700 hover:underline"
                >
                  Review
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="mt-4 flex gap-4 text-sm">
        {filter.cursor && (
          <Link
            href={`${base}?${new URLSearchParams(kept)}`}
            className="text-indigo-700 hover:underline"
          >
            Newest
          </Link>
        )}
        {page.nextCursor && (
          <Link href={`${base}?${nextQuery}`} className="text-indigo-700 hover:underline">
            Older attempts
          </Link>
        )}
      </div>
    </div>
  );
}
