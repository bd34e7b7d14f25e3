import type { Metadata } from "next";

import { getDatabase } from "@sawtooth/db";

import { EMPTY_FORM } from "@/lib/exercise-form";
import { measureCourseForEditor } from "@/server/admin/course-size";
import { requireCourseAdmin } from "@/server/admin/require-admin";

import { AdminNav } from "../admin-nav";
import { ExerciseEditor } from "../exercises/exercise-editor";

export const metadata: Metadata = { title: "New exercise" };

export default async function NewExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const { course } = await requireCourseAdmin((await params).slug);
  const courseSize = await measureCourseForEditor(getDatabase(), course.id, null);
  return (
    <div>
      <AdminNav courseSlug={course.slug} title={course.title} />
      <h1 className="mt-2 text-2xl font-semibold">New exercise</h1>
      <p className="mt-2 text-sm text-slate-600">
        A new exercise starts hidden. Publish it once its self-test passes.
      </p>
      <ExerciseEditor
        courseSlug={course.slug}
        exerciseSlug={null}
        initial={EMPTY_FORM}
        revision=""
        courseSize={courseSize}
      />
    </div>
  );
}
