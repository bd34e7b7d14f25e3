import type { Metadata } from "next";

import { getDatabase, listMembers, MAX_USER_NAME_LENGTH } from "@sawtooth/db";

import { requireCourseAdmin } from "@/server/admin/require-admin";

import { AdminNav } from "../admin-nav";
import { AddMemberForm, MemberTable } from "./member-forms";
import { RosterImport } from "./roster-import";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { course, user } = await requireCourseAdmin((await params).slug);
  const members = await listMembers(getDatabase(), course.id);

  return (
    <div>
      <AdminNav courseSlug={course.slug} title={course.title} />
      <h1 className="mt-2 text-2xl font-semibold">Members</h1>
      <MemberTable
        courseSlug={course.slug}
        currentUserId={user.id}
        members={members.map(({ userId, name, email, role }) => ({ userId, name, email, role }))}
      />
      <AddMemberForm courseSlug={course.slug} maxNameLength={MAX_USER_NAME_LENGTH} />
      <RosterImport courseSlug={course.slug} />
    </div>
  );
}
