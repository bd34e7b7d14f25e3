import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { findExercise, getDatabase } from "@sawtooth/db";

import { DueDate } from "@/components/due-date";
import { Markdown } from "@/components/markdown";
import { FunctionPlot } from "@/components/plot/function-plot";
import { requireCourseAdmin } from "@/server/admin/require-admin";
import { toExerciseView } from "@/server/exercise-view";

import { ConstraintsList } from "../../../../exercises/[exerciseId]/constraints-list";

export const metadata: Metadata = { title: "Student preview" };

/**
 * Renders the exercise as a student's page shows it, built by the same student-safe view, so
 * the preview carries no target specification, reference or known-wrong submission either.
 */
export default async function PreviewPage({
  params,
}: {
  params: Promise<{ slug: string; exerciseId: string }>;
}) {
  const { slug, exerciseId } = await params;
  const { course } = await requireCourseAdmin(slug);
  const exercise = await findExercise(getDatabase(), course.id, exerciseId, {
    includeHidden: true,
  });
  if (!exercise) {
    notFound();
  }
  const view = toExerciseView(exercise, 0);

  return (
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
        {exercise.visibility === "hidden" ? "; students cannot see it until it is published" : ""}.
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
      <section
        aria-label="Statement"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-6"
      >
        <Markdown>{view.statement}</Markdown>
      </section>
      <ConstraintsList constraints={view.constraints} />
      {view.targetPlot ? (
        <FunctionPlot
          title="Target"
          series={[{ label: "Target", plot: view.targetPlot, tone: "target" }]}
          domain={view.domain}
        />
      ) : (
        <p className="mt-4 text-sm text-slate-600">Students see no plot of the target.</p>
      )}
    </article>
  );
}
