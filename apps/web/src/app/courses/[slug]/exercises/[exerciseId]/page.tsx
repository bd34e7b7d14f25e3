import type { Metadata } from "next";
import Link from "next/link";

import { DueDate } from "@/components/due-date";
import { Markdown } from "@/components/markdown";
import { requireExercise } from "@/server/access";
import { toExerciseView } from "@/server/exercise-view";

interface ExercisePageProps {
  params: Promise<{ slug: string; exerciseId: string }>;
}

export async function generateMetadata({ params }: ExercisePageProps): Promise<Metadata> {
  const { slug, exerciseId } = await params;
  const { exercise } = await requireExercise(slug, exerciseId);
  return { title: exercise.title };
}

export default async function ExercisePage({ params }: ExercisePageProps) {
  const { slug, exerciseId } = await params;
  const { course, exercise } = await requireExercise(slug, exerciseId);
  const view = toExerciseView(exercise);

  return (
    <article>
      <nav className="text-sm">
        <Link href={`/courses/${course.slug}`} className="text-indigo-700 hover:underline">
          {course.title}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold">{view.title}</h1>
      <dl className="mt-2 flex gap-6 text-sm text-slate-600">
        <div className="flex gap-1">
          <dt>Due:</dt>
          <dd>
            <DueDate date={view.dueDate} />
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>Attempts allowed:</dt>
          <dd>{view.attemptLimit ?? "unlimited"}</dd>
        </div>
      </dl>
      <section
        aria-label="Statement"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-6"
      >
        <Markdown>{view.statement}</Markdown>
      </section>
      {/* TODO: replace with the network editor (layer grids, the "Network JSON" text area, file
          upload and a "Submit" button) once the grading action exists. */}
      <section
        aria-label="Submission"
        className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-slate-500"
      >
        The network editor will appear here.
      </section>
    </article>
  );
}
