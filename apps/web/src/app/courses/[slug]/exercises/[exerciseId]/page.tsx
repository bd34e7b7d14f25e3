import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase, listAttempts } from "@sawtooth/db";

import { DueDate } from "@/components/due-date";
import { Markdown } from "@/components/markdown";
import { AttemptLogProvider, AttemptsLeftText } from "@/components/workspace/attempt-log";
import { ExerciseWorkspace } from "@/components/workspace/exercise-workspace";
import { toHistoryRow } from "@/lib/attempt-history-row";
import { findOpenableAttempt, requireExercise } from "@/server/access";
import { submitAttempt } from "@/server/actions/submit-attempt";
import { toExerciseView } from "@/server/exercise-view";
import { closedForLateMessage } from "@/server/submissions";

import { AttemptHistory } from "./attempt-history";
import { ConstraintsList } from "./constraints-list";

interface ExercisePageProps {
  params: Promise<{ slug: string; exerciseId: string }>;
  /** `load` names an attempt whose submission the editor starts with. */
  searchParams: Promise<{ load?: string | string[] }>;
}

export async function generateMetadata({ params }: ExercisePageProps): Promise<Metadata> {
  const { slug, exerciseId } = await params;
  const { exercise } = await requireExercise(slug, exerciseId);
  return { title: exercise.title };
}

export default async function ExercisePage({ params, searchParams }: ExercisePageProps) {
  const { slug, exerciseId } = await params;
  const { load } = await searchParams;
  const access = await requireExercise(slug, exerciseId);
  const { course, exercise, user } = access;

  const attempts = await listAttempts(getDatabase(), user.id, exercise.id);
  const view = toExerciseView(exercise, attempts.length);
  // An attempt the user may not open is ignored, so the editor then starts from the draft.
  const loaded = typeof load === "string" ? await findOpenableAttempt(access, load) : null;
  const exercisePath = `/courses/${course.slug}/exercises/${exercise.slug}`;
  const closedMessage = closedForLateMessage(exercise.dueDate, course.acceptLate, new Date());

  return (
    <AttemptLogProvider attempts={attempts.map(toHistoryRow)} attemptsLeft={view.attemptsLeft}>
      <article>
        <nav className="text-sm">
          <Link href={`/courses/${course.slug}`} className="text-indigo-700 hover:underline">
            {course.title}
          </Link>
        </nav>
        <h1 className="mt-2 text-2xl font-semibold wrap-anywhere">{view.title}</h1>
        <dl className="mt-2 flex gap-6 text-sm text-slate-600">
          <div className="flex gap-1">
            <dt>Due:</dt>
            <dd>
              <DueDate date={view.dueDate} />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Attempts left:</dt>
            <dd>
              {closedMessage === null ? (
                <AttemptsLeftText attemptLimit={view.attemptLimit} />
              ) : (
                "none, attempts are closed"
              )}
            </dd>
          </div>
        </dl>
        <section
          aria-label="Statement"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-6"
        >
          <Markdown>{view.statement}</Markdown>
        </section>
        <ConstraintsList constraints={view.constraints} />
        <section aria-label="Submission" className="mt-8">
          <ExerciseWorkspace
            draftOwner={user.id}
            courseSlug={course.slug}
            exerciseId={exercise.slug}
            domain={view.domain}
            constraints={view.constraints}
            targetPlot={view.targetPlot}
            initialSubmission={loaded?.raw ?? null}
            submit={submitAttempt.bind(null, course.slug, exercise.slug)}
            closedMessage={closedMessage}
          />
        </section>
        <AttemptHistory exercisePath={exercisePath} />
      </article>
    </AttemptLogProvider>
  );
}
