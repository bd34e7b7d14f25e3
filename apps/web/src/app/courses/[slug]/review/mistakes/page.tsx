import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase, type MistakeGroup, type MistakeVariant } from "@sawtooth/db";

import { formatAttemptTimes, type AttemptTime } from "@/lib/attempt-times";
import { labelExercises } from "@/lib/exercise-labels";
import { plural } from "@/lib/plural";
import { requireCourseStaff } from "@/server/review/require-staff";
import {
  ATTEMPTS_PER_GROUP,
  loadWrongAnswers,
  type WrongAnswersQuery,
} from "@/server/review/wrong-answers";
import { PersonName } from "@/components/person-name";

import { FilterProblems } from "../filter-problems";
import { ReviewNav } from "../review-nav";

interface MistakesPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<WrongAnswersQuery>;
}

export const metadata: Metadata = { title: "Wrong answers" };

export default async function MistakesPage({ params, searchParams }: MistakesPageProps) {
  const { course } = await requireCourseStaff((await params).slug);
  const { exercises, exercise, problems, groups, openGroup } = await loadWrongAnswers(
    getDatabase(),
    course.id,
    await searchParams,
  );
  const base = `/courses/${course.slug}/review`;
  const incorrect = groups.reduce((sum, group) => sum + group.attemptCount, 0);
  const labels = labelExercises(exercises);

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
                {labels.get(candidate.slug)}
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
            {plural(incorrect, "incorrect attempt")}, grouped by the kind of mistake the grader
            found. Each group lists the messages its attempts received, with their numbers, and
            links to the attempts.
          </p>
          <ol className="mt-4 space-y-4">
            {groups.map((group) => {
              const open = openGroup?.key === group.key ? openGroup : null;
              const groupUrl = `${base}/mistakes?${new URLSearchParams({
                exercise: exercise.slug,
                group: group.key,
              })}`;
              return (
                <li key={group.key} className="rounded-lg border border-slate-200 bg-white p-4">
                  <MistakeGroupSummary group={group} />
                  <VariantList
                    variants={open?.variants ?? group.variants}
                    more={open ? 0 : group.variantCount - group.variants.length}
                    groupUrl={groupUrl}
                  />
                  <h3 className="mt-3 text-sm font-medium">
                    {open || group.attemptCount <= ATTEMPTS_PER_GROUP
                      ? "Attempts, newest first"
                      : `Newest ${ATTEMPTS_PER_GROUP} attempts`}
                  </h3>
                  <ul className="mt-1 space-y-1 text-sm">
                    {attemptsWithTimes(open?.attempts ?? group.attempts).map((attempt) => {
                      const when = attempt.time.text;
                      return (
                        <li key={attempt.id} className="break-words">
                          <Link
                            href={`${base}/attempts/${attempt.id}`}
                            aria-label={`Review attempt by ${attempt.student.name} at ${exercise.slug}, ${when}`}
                            className="text-indigo-700 hover:underline"
                          >
                            <PersonName name={attempt.student.name} />,{" "}
                            <time
                              dateTime={attempt.createdAt.toISOString()}
                              title={attempt.time.full}
                            >
                              {when}
                            </time>
                          </Link>
                          <span className="text-slate-600"> — {attempt.message}</span>
                        </li>
                      );
                    })}
                  </ul>
                  {!open && group.attemptCount > ATTEMPTS_PER_GROUP && (
                    <Link
                      href={groupUrl}
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

function MistakeGroupSummary({ group }: { group: MistakeGroup }) {
  return (
    <>
      <h2 data-mistake-code={group.code} className="font-medium break-words">
        {group.label}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {plural(group.attemptCount, "attempt")} by {plural(group.students, "student")}
      </p>
    </>
  );
}

/**
 * Lists a group's distinct messages with how many attempts and students received each, and
 * links to the group's full list when `more` messages are left out.
 */
function VariantList({
  variants,
  more,
  groupUrl,
}: {
  variants: MistakeVariant[];
  more: number;
  groupUrl: string;
}) {
  return (
    <>
      <h3 className="mt-3 text-sm font-medium">Messages, most frequent first</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {variants.map((variant) => (
          <li key={variant.message} className="break-words">
            {variant.message}{" "}
            <span className="whitespace-nowrap text-slate-600">
              ({plural(variant.attemptCount, "attempt")} by {plural(variant.students, "student")})
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <Link href={groupUrl} className="mt-1 inline-block text-sm text-indigo-700 hover:underline">
          and {plural(more, "more message")}
        </Link>
      )}
    </>
  );
}

/** Pairs each attempt of a list with its time, as {@link formatAttemptTimes} words it. */
function attemptsWithTimes<Attempt extends { createdAt: Date }>(
  attempts: readonly Attempt[],
): (Attempt & { time: AttemptTime })[] {
  const times = formatAttemptTimes(attempts.map((attempt) => attempt.createdAt));
  return attempts.map((attempt, index) => ({
    ...attempt,
    time: times[index] ?? { text: "", full: "" },
  }));
}
