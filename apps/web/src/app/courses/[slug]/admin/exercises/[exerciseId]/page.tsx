import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { findExerciseForAdmin, getDatabase, listRegradeRuns } from "@sawtooth/db";

import { definitionToForm } from "@/lib/exercise-form";
import { plural } from "@/lib/plural";
import { requireCourseAdmin } from "@/server/admin/require-admin";

import { AdminNav } from "../../admin-nav";
import { ExerciseEditor } from "../exercise-editor";
import { PublishPanel } from "./publish-panel";
import { RegradePanel } from "./regrade-panel";

interface EditExercisePageProps {
  params: Promise<{ slug: string; exerciseId: string }>;
}

export const metadata: Metadata = { title: "Edit exercise" };

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function EditExercisePage({ params }: EditExercisePageProps) {
  const { slug, exerciseId } = await params;
  const { course } = await requireCourseAdmin(slug);
  const db = getDatabase();
  const exercise = await findExerciseForAdmin(db, course.id, exerciseId);
  if (!exercise) {
    notFound();
  }
  const runs = await listRegradeRuns(db, exercise.id);
  const base = `/courses/${course.slug}/admin/exercises/${exercise.slug}`;

  return (
    <div>
      <AdminNav courseSlug={course.slug} title={course.title} />
      <h1 className="mt-2 text-2xl font-semibold wrap-anywhere">Edit {exercise.title}</h1>
      <div className="mt-2 flex gap-4 text-sm">
        <Link href={`${base}/preview`} className="text-indigo-700 hover:underline">
          Preview as a student
        </Link>
        <a href={`${base}/export`} className="text-indigo-700 hover:underline">
          Download {exercise.slug}.json
        </a>
      </div>
      <PublishPanel
        courseSlug={course.slug}
        exerciseSlug={exercise.slug}
        visibility={exercise.visibility}
      />
      <ExerciseEditor
        courseSlug={course.slug}
        exerciseSlug={exercise.slug}
        initial={definitionToForm(JSON.parse(exercise.definition), exercise.dueDate)}
      />
      <section
        aria-label="Versions"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
      >
        <h2 className="text-lg font-semibold">Versions</h2>
        <ul className="mt-2 text-sm">
          {exercise.versions.map((version) => (
            <li key={version.id}>
              Version {version.number}, stored {dateFormat.format(version.createdAt)} UTC,{" "}
              {plural(version.attemptCount, "attempt")} graded against it
            </li>
          ))}
        </ul>
      </section>
      <RegradePanel
        courseSlug={course.slug}
        exerciseSlug={exercise.slug}
        versions={exercise.versions.map((version) => version.number)}
      />
      <section
        aria-label="Regrade log"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
      >
        <h2 className="text-lg font-semibold">Regrade log</h2>
        {runs.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No regrades yet.</p>
        ) : (
          <ul className="mt-2 text-sm">
            {runs.map((run) => (
              <li key={run.id}>
                {dateFormat.format(run.createdAt)} UTC: {run.adminName} regraded{" "}
                {plural(run.attemptCount, "attempt")} against version {run.versionNumber},{" "}
                {run.changedCount} changed, overrides{" "}
                {run.keptOverrides ? "kept" : `cleared (${run.clearedOverrides})`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
