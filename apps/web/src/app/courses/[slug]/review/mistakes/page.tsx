import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase, groupMistakes, listExercises, listMistakeAttempts } from "@sawtooth/db";

import { plural } from "@/lib/plural";
import { findFilterExercise, unknownExerciseMessage } from "@/server/review/exercise-filter";
import { requireCourseStaff } from "@/server/review/require-staff";
import { PersonName } from "@/components/person-name";

import { FilterProblems } from "../filter-problems";
import { ReviewNav } from "../review-nav";

interface MistakesPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ exercise?: string | string[]; group?: string | string[] }>;
}

export const metadata: Metadata = { title: "Wrong answers" };

/** Attempts linked per group unless the tutor opens the group's full list. */
const LINKS_PER_GROUP = 10;

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function MistakesPage({ params, searchParams }: MistakesPageProps) {
  const { course } = await requireCourseStaff((await params).slug);
  const query = await searchParams;
  const exerciseSlug = typeof query.exercise === "string" ? query.exercise : "";
  const openGroup = typeof query.group === "string" ? query.group : "";
  const db = getDatabase();
  const exercises = await listExercises(db, course.id, { includeHidden: true });
  // Without a choice the first exercise is shown; a choice that names none shows nothing.
  const exercise = exerciseSlug ? findFilterExercise(exercises, exerciseSlug) : exercises[0];
  const problems =
    exerciseSlug && !exercise ? [unknownExerciseMessage(exerciseSlug, exercises)] : [];
  const groups = exercise
    ? await groupMistakes(db, exercise.id, { attemptsPerGroup: LINKS_PER_GROUP })
    : [];
  const openAttempts =
    exercise && groups.some((group) => group.key === openGroup)
      ? await listMistakeAttempts(db, exercise.id, openGroup)
      : [];
  const base = `/courses/${course.slug}/review`;
  const incorrect = groups.reduce((sum, group) => sum + group.attemptCount, 0);

  return (
    <div>
      <h1 className="text-2xl font-semibold">Wrong answers in {course.title}</h1>
      <ReviewNav courseSlug={course.slug} current="/mistakes" />
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex max-w-full min-w-0 flex-col gap-1">
          Exercise
          <select
            name="exercise"
            defaultValue={exercise?.slug}
            className="max-w-full rounded-md border border-slate-300 px-2 py-1"
          >
            {exercises.map((candidate) => (
              <option key={candidate.id} value={candidate.slug}>
                {candidate.title}
              </option>
            ))}
          </select>
        </label>
        <button className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700">
          Show
        </button>
      </form>
      <FilterProblems problems={problems} />

      {!exercise ? null : groups.length === 0 ? (
        <p className="mt-6 text-slate-600">No incorrect attempts at this exercise.</p>
      ) : (
        <>
          <p className="mt-4 text-sm text-slate-600">
            {plural(incorrect, "incorrect attempt")}, grouped by the grader&apos;s most precise
            finding without its numbers; each link shows the message that attempt received.
          </p>
          <ol className="mt-4 space-y-4">
            {groups.map((group) => {
              const open = group.key === openGroup;
              const shown = open ? openAttempts : group.attempts;
              const groupQuery = new URLSearchParams({
                exercise: exercise?.slug ?? "",
                group: group.key,
              });
              return (
                <li key={group.key} className="rounded-lg border border-slate-200 bg-white p-4">
                  <p className="font-medium">
                    <code className="text-slate-600">{group.code}</code>: {group.label}
                  </p>
                  <p className="mt-1 text-sm text-slate-600">
                    {plural(group.attemptCount, "attempt")} by {plural(group.students, "student")}
                  </p>
                  <ul className="mt-2 space-y-1 text-sm">
                    {shown.map((attempt) => {
                      const when = timeFormat.format(attempt.createdAt);
                      return (
                        <li key={attempt.id} className="break-words">
                          <Link
                            href={`${base}/attempts/${attempt.id}`}
                            aria-label={`Review attempt by ${attempt.student.name} at ${exercise?.slug ?? ""}, ${when}`}
                            className="text-indigo-700 hover:underline"
                          >
                            <PersonName name={attempt.student.name} />, {when}
                          </Link>
                          <span className="text-slate-600"> — {attempt.message}</span>
                        </li>
                      );
                    })}
                  </ul>
                  {!open && group.attemptCount > LINKS_PER_GROUP && (
                    <Link
                      href={`${base}/mistakes?${groupQuery}`}
                      className="mt-2 inline-block text-sm text-indigo-700 hover:underline"
                    >
                      Show all {group.attemptCount}
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
