import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase, listCoursesOfUser } from "@sawtooth/db";

import { requireUser } from "@/server/access";

export const metadata: Metadata = { title: "My courses" };

export default async function CoursesPage() {
  const user = await requireUser();
  const courses = await listCoursesOfUser(getDatabase(), user.id);

  return (
    <div>
      <h1 className="text-2xl font-semibold">My courses</h1>
      {courses.length === 0 ? (
        <p className="mt-4 text-slate-600">You are not a member of any course yet.</p>
      ) : (
        <ul className="mt-6 space-y-3">
          {courses.map(({ course, role }) => (
            <li key={course.id}>
              <Link
                href={`/courses/${course.slug}`}
                className="block rounded-lg border border-slate-200 bg-white p-5 hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <span className="flex items-baseline justify-between gap-4">
                  <span className="text-lg font-medium">{course.title}</span>
                  <span className="text-sm text-slate-500 capitalize">{role}</span>
                </span>
                {course.description && (
                  <span className="mt-1 block text-slate-600">{course.description}</span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
