import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase, listExercisesForAdmin } from "@sawtooth/db";

import { DataTable } from "@/components/data-table";
import { requireCourseAdmin } from "@/server/admin/require-admin";

import { AdminNav } from "./admin-nav";
import { ExerciseRowActions } from "./exercise-row-actions";
import { ImportForm } from "./import-form";

interface AdminPageProps {
  params: Promise<{ slug: string }>;
}

export const metadata: Metadata = { title: "Course admin" };

export default async function AdminPage({ params }: AdminPageProps) {
  const { course } = await requireCourseAdmin((await params).slug);
  const exercises = await listExercisesForAdmin(getDatabase(), course.id);
  const base = `/courses/${course.slug}/admin`;

  return (
    <div>
      <AdminNav courseSlug={course.slug} title={course.title} />
      <h1 className="mt-2 text-2xl font-semibold">Course admin: exercises</h1>
      <div className="mt-4 flex gap-4 text-sm">
        <Link href={`${base}/new-exercise`} className="font-medium text-indigo-700 hover:underline">
          New exercise
        </Link>
        <a href={`${base}/export`} className="text-indigo-700 hover:underline">
          Export the course (tar archive of its course folder)
        </a>
      </div>
      <DataTable
        columns={["Exercise", "Visibility", "Version", "Attempts", "File", "Move or delete"]}
        className="mt-4"
      >
        {exercises.map((exercise, index) => (
          <tr key={exercise.id}>
            <td>
              <Link
                href={`${base}/exercises/${exercise.slug}`}
                className="font-medium wrap-anywhere text-indigo-700 hover:underline"
              >
                {exercise.title}
              </Link>
              <span className="ml-2 font-mono text-xs text-slate-500">{exercise.slug}</span>
            </td>
            <td>{exercise.visibility}</td>
            <td>{exercise.newestVersion}</td>
            <td>{exercise.attemptCount}</td>
            <td>
              <a
                href={`${base}/exercises/${exercise.slug}/export`}
                className="text-indigo-700 hover:underline"
              >
                {exercise.slug}.json
              </a>
            </td>
            <td>
              <ExerciseRowActions
                courseSlug={course.slug}
                exerciseSlug={exercise.slug}
                isFirst={index === 0}
                isLast={index === exercises.length - 1}
                attemptCount={exercise.attemptCount}
              />
            </td>
          </tr>
        ))}
      </DataTable>
      <ImportForm courseSlug={course.slug} />
    </div>
  );
}
