import type { Metadata } from "next";

import { courseSettingsRevision } from "@sawtooth/db";

import { requireCourseAdmin } from "@/server/admin/require-admin";
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from "@/server/admin/settings";

import { AdminNav } from "../admin-nav";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Course settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { course } = await requireCourseAdmin((await params).slug);
  return (
    <div>
      <AdminNav courseSlug={course.slug} title={course.title} />
      <h1 className="mt-2 text-2xl font-semibold">Course settings</h1>
      <SettingsForm
        courseSlug={course.slug}
        initial={{
          title: course.title,
          description: course.description,
          acceptLate: course.acceptLate,
        }}
        revision={courseSettingsRevision(course)}
        limits={{ title: MAX_TITLE_LENGTH, description: MAX_DESCRIPTION_LENGTH }}
      />
    </div>
  );
}
