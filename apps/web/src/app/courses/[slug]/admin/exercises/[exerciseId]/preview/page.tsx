import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { findExercise, getDatabase } from "@sawtooth/db";

import { DueDate } from "@/components/due-date";
import { Markdown } from "@/components/markdown";
import { AttemptLogProvider } from "@/components/workspace/attempt-log";
import { previewSubmissionAction } from "@/server/actions/admin-exercises";
import { previewSamples } from "@/server/admin/preview-samples";
import { requireCourseAdmin } from "@/server/admin/require-admin";
import { toExerciseView } from "@/server/exercise-view";
import { prepareVersion } from "@/server/grading";
import { closedForLateMessage } from "@/server/submissions";

import { ConstraintsList } from "../../../../exercises/[exerciseId]/constraints-list";
import { PreviewWorkspace } from "./preview-workspace";
import { studentDueStatus } from "./student-due-status";

export const metadata: Metadata = { title: "Student preview" };

/**
 * Renders the exercise as a student's page shows it, built by the same student-safe view, with
 * the student's workspace. Its Submit grades as a student's does but stores nothing. The buttons
 * that load the reference and the known-wrong submissions carry the exercise's secrets, so no
 * student page may reuse this one.
 */
export default async function PreviewPage({
  params,
}: {
  params: Promise<{ slug: string; exerciseId: string }>;
}) {
  const { slug, exerciseId } = await params;
  const { course, user } = await requireCourseAdmin(slug);
  const exercise = await findExercise(getDatabase(), course.id, exerciseId, {
    includeHidden: true,
  });
  if (!exercise) {
    notFound();
  }
  const view = toExerciseView(exercise, 0);
  const samples = previewSamples(prepareVersion(exercise.version));
  const now = new Date();
  const closedMessage = closedForLateMessage(exercise.dueDate, course.acceptLate, now);
  const dueStatus = studentDueStatus(exercise.dueDate, course.acceptLate, now);

  return (
    <AttemptLogProvider attempts={[]} attemptsLeft={null}>
      <article>
        <nav className="text-sm">
          <Link
            href={`/courses/${course.slug}/admin/exercises/${exercise.slug}`}
            className="text-indigo-700 hover:underline"
          >
            Back to editing
          </Link>
        </nav>
        <p className="mt-2 rounded bg-amber-100 px-3 py-2 text-sm">
          Student preview of the newest version
          {exercise.visibility === "hidden" ? "; students cannot see it until it is published" : ""}
          . Submit grades as it does for a student, but stores no attempt.
        </p>
        <h1 className="mt-2 text-2xl font-semibold wrap-anywhere">{view.title}</h1>
        <dl className="mt-2 flex gap-6 text-sm text-slate-600">
          <div className="flex gap-1">
            <dt>Due:</dt>
            <dd>
              <DueDate date={view.dueDate} />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Attempts:</dt>
            <dd>{view.attemptLimit ?? "unlimited"}</dd>
          </div>
        </dl>
        <p aria-label="Due date for students" className="mt-2 text-sm">
          {dueStatus === "open" &&
            (exercise.dueDate === null ? (
              <>Open: the exercise has no due date, so students can submit at any time.</>
            ) : (
              <>
                Open: students can submit until <DueDate date={exercise.dueDate} />.
              </>
            ))}
          {dueStatus === "closed" && (
            <>
              Closed: the due date has passed and this course does not accept late attempts. A
              student&apos;s page shows &ldquo;{closedMessage}&rdquo; and a disabled Submit button.
              Submit below still grades, to show the feedback.
            </>
          )}
          {dueStatus === "late" && (
            <>
              Accepted as late: the due date has passed, but this course accepts late attempts.
              Students can still submit, and tutors see those attempts marked late.
            </>
          )}
        </p>
        <section
          aria-label="Statement"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-6"
        >
          <Markdown>{view.statement}</Markdown>
        </section>
        <ConstraintsList constraints={view.constraints} />
        {view.targetPlot === null && (
          <p className="mt-4 text-sm text-slate-600">
            Students see no plot of the target, so the plot below shows their function only.
          </p>
        )}
        <section aria-label="Submission" className="mt-8">
          <PreviewWorkspace
            samples={samples}
            draftOwner={`${user.id}:preview`}
            courseSlug={course.slug}
            exerciseId={exercise.slug}
            domain={view.domain}
            constraints={view.constraints}
            targetPlot={view.targetPlot}
            initialSubmission={null}
            submit={previewSubmissionAction.bind(null, course.slug, exercise.slug)}
            closedMessage={null}
            preview
          />
        </section>
      </article>
    </AttemptLogProvider>
  );
}
