import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import {
  findExerciseForAdmin,
  findExerciseVersion,
  getDatabase,
  listRegradeRuns,
} from "@sawtooth/db";

import { definitionToForm } from "@/lib/exercise-form";
import { plural } from "@/lib/plural";
import { measureCourseForEditor } from "@/server/admin/course-size";
import { requireCourseAdmin } from "@/server/admin/require-admin";

import { AdminNav } from "../../admin-nav";
import { ExerciseEditor } from "../exercise-editor";
import { PublishPanel } from "./publish-panel";
import { RegradePanel } from "./regrade-panel";

interface EditExercisePageProps {
  params: Promise<{ slug: string; exerciseId: string }>;
  /** `version` loads that stored version into the editor instead of the newest one. */
  searchParams: Promise<{ version?: string | string[] }>;
}

export const metadata: Metadata = { title: "Edit exercise" };

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export default async function EditExercisePage({ params, searchParams }: EditExercisePageProps) {
  const { slug, exerciseId } = await params;
  const { version: requested } = await searchParams;
  const { course } = await requireCourseAdmin(slug);
  const db = getDatabase();
  const exercise = await findExerciseForAdmin(db, course.id, exerciseId);
  if (!exercise) {
    // The new-exercise form was once at exercises/new. Old links to it still lead there, but an
    // exercise with the id "new" comes first, because this path is its only editor.
    if (exerciseId === "new") redirect(`/courses/${course.slug}/admin/new-exercise`);
    notFound();
  }
  const runs = await listRegradeRuns(db, exercise.id);
  const courseSize = await measureCourseForEditor(db, course.id, exercise.slug);
  const base = `/courses/${course.slug}/admin/exercises/${exercise.slug}`;
  const newestNumber = exercise.versions[0]?.number;
  const number = typeof requested === "string" ? Number(requested) : newestNumber;
  const loaded =
    number === newestNumber || number === undefined || !Number.isSafeInteger(number)
      ? null
      : await findExerciseVersion(db, exercise.id, number);
  const definition = loaded?.definition ?? exercise.definition;

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
      <LoadedVersionNotice
        requested={requested}
        loaded={loaded?.number ?? null}
        newest={newestNumber ?? 0}
        base={base}
      />
      <ExerciseEditor
        key={loaded?.number ?? "newest"}
        courseSlug={course.slug}
        exerciseSlug={exercise.slug}
        initial={definitionToForm(JSON.parse(definition), exercise.dueDate)}
        revision={exercise.revision}
        courseSize={courseSize}
      />
      <section
        aria-label="Versions"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
      >
        <h2 className="text-lg font-semibold">Versions</h2>
        <ul className="mt-2 text-sm">
          {exercise.versions.map((version) => (
            <li key={version.id}>
              Version {version.number}
              {repeatNote(version.sameDefinitionAs)}, stored {dateFormat.format(version.createdAt)}{" "}
              UTC, {plural(version.attemptCount, "attempt")} graded against it:{" "}
              <Link
                href={version.number === newestNumber ? base : `${base}?version=${version.number}`}
                className="text-indigo-700 hover:underline"
              >
                load version {version.number} into the editor
              </Link>
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

/** Returns the note after a version that repeats the definition of version `earlier`, or "". */
function repeatNote(earlier: number | null): string {
  return earlier === null ? "" : ` (the same definition as version ${earlier})`;
}

/**
 * Says which version the editor shows when it is not the newest one, and how to restore it, or
 * that the requested version does not exist.
 */
function LoadedVersionNotice({
  requested,
  loaded,
  newest,
  base,
}: {
  requested: string | string[] | undefined;
  loaded: number | null;
  newest: number;
  base: string;
}) {
  if (loaded !== null) {
    return (
      <p role="status" className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
        The editor shows version {loaded}, not the newest version {newest}. Saving it stores its
        content as the exercise&apos;s newest state, which restores it.{" "}
        <Link href={base} className="text-indigo-700 underline">
          Load the newest version
        </Link>
      </p>
    );
  }
  if (requested === undefined || requested === String(newest)) return null;
  return (
    <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-sm">
      Version &quot;{String(requested)}&quot; not found: the editor shows the newest version,{" "}
      {newest}. Pick a version from the Versions list.
    </p>
  );
}
