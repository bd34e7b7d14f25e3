import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase, listExercisesForAdmin } from "@sawtooth/db";

import { requireCourseAdmin } from "@/server/admin/require-admin";

import { AdminNav } from "./admin-nav";
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
        <Link
          href={`${base}/exercises/new`}
          className="font-medium text-indigo-700 hover:underline"
        >
          New exercise
        </Link>
        <a href={`${base}/export`} className="text-indigo-700 hover:underline">
          Export the course (tar archive of its course folder)
        </a>
      </div>
      {/* The table scrolls inside its box on a narrow screen instead of widening the page. */}
      <div className="mt-4 overflow-x-auto">
        <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th className="px-3 py-2">Exercise</th>
              <th className="px-3 py-2">Visibility</th>
              <th className="px-3 py-2">Version</th>
              <th className="px-3 py-2">Attempts</th>
              <th className="px-3 py-2">File</th>
            </tr>
          </thead>
          <tbody>
            {exercises.map((exercise) => (
              <tr key={exercise.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <Link
                    href={`${base}/exercises/${exercise.slug}`}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    {exercise.title}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-slate-500">{exercise.slug}</span>
                </td>
                <td className="px-3 py-2">{exercise.visibility}</td>
                <td className="px-3 py-2">{exercise.newestVersion}</td>
                <td className="px-3 py-2">{exercise.attemptCount}</td>
                <td className="px-3 py-2">
                  <a
                    href={`${base}/exercises/${exercise.slug}/export`}
                    className="text-indigo-700 hover:underline"
                  >
                    {exercise.slug}.json
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ImportForm courseSlug={course.slug} />
    </div>
  );
}
