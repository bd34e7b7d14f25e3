import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase, isStaffRole, listExercises, summarizeProgress } from "@sawtooth/db";

import { DueDate } from "@/components/due-date";
import { labelExercises } from "@/lib/exercise-labels";
import { requireCourseMember } from "@/server/access";

import { ExerciseStatus, SOLVED_LEGEND } from "./exercise-status";

interface CoursePageProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: CoursePageProps): Promise<Metadata> {
  const { course } = await requireCourseMember((await params).slug);
  return { title: course.title };
}

export default async function CoursePage({ params }: CoursePageProps) {
  const { course, role, user } = await requireCourseMember((await params).slug);
  const db = getDatabase();
  const exercises = await listExercises(db, course.id, { includeHidden: isStaffRole(role) });
  const progress = await summarizeProgress(db, user.id, course.id);
  const labels = labelExercises(exercises);

  return (
    <div>
      <h1 className="text-2xl font-semibold">{course.title}</h1>
      {isStaffRole(role) && (
        <Link
          href={`/courses/${course.slug}/review`}
          className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          Review students&apos; work
        </Link>
      )}
      {role === "admin" && (
        <Link
          href={`/courses/${course.slug}/admin`}
          className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          Course admin
        </Link>
      )}
      {course.description && <p className="mt-2 text-slate-600">{course.description}</p>}
      <h2 className="mt-8 text-lg font-semibold">Exercises</h2>
      {exercises.length === 0 ? (
        <p className="mt-3 text-slate-600">This course has no exercises yet.</p>
      ) : (
        <table className="mt-3 w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left">
          <thead className="bg-slate-100 text-sm text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Exercise
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Due
              </th>
            </tr>
          </thead>
          <tbody>
            {exercises.map((exercise) => (
              <tr key={exercise.id} className="border-t border-slate-200">
                <td className="px-4 py-3">
                  <Link
                    href={`/courses/${course.slug}/exercises/${exercise.slug}`}
                    className="font-medium wrap-anywhere text-indigo-700 hover:underline"
                  >
                    {labels.get(exercise.slug) ?? exercise.title}
                  </Link>
                  {exercise.visibility === "hidden" && (
                    <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">hidden</span>
                  )}
                </td>
                <td className="px-4 py-3 text-sm">
                  <ExerciseStatus progress={progress.get(exercise.id)} />
                </td>
                <td className="px-4 py-3 text-sm">
                  <DueDate date={exercise.dueDate} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {exercises.length > 0 && <p className="mt-2 text-sm text-slate-600">{SOLVED_LEGEND}</p>}
    </div>
  );
}
