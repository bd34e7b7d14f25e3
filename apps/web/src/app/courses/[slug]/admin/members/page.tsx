import type { Metadata } from "next";

import { findMembers, getDatabase, MAX_USER_NAME_LENGTH } from "@sawtooth/db";

import { requireCourseAdmin } from "@/server/admin/require-admin";

import { AdminNav } from "../admin-nav";
import {
  MAX_MEMBER_SEARCH_LENGTH,
  MEMBERS_PER_PAGE,
  MemberListControls,
} from "./member-list-controls";
import { AddMemberForm, MemberTable } from "./member-forms";
import { RosterImport } from "./roster-import";

export const metadata: Metadata = { title: "Members" };

interface MembersPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
}

/** Returns the first value of a query parameter, or "" when it is missing. */
function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export default async function MembersPage({ params, searchParams }: MembersPageProps) {
  const { course, user } = await requireCourseAdmin((await params).slug);
  const query = await searchParams;
  const search = firstValue(query.q).trim().slice(0, MAX_MEMBER_SEARCH_LENGTH);
  const page = Number.parseInt(firstValue(query.page), 10);
  const list = await findMembers(getDatabase(), course.id, {
    search,
    page: Number.isNaN(page) ? 1 : page,
    pageSize: MEMBERS_PER_PAGE,
  });
  const basePath = `/courses/${course.slug}/admin/members`;

  return (
    <div>
      <AdminNav courseSlug={course.slug} title={course.title} />
      <h1 className="mt-2 text-2xl font-semibold">Members</h1>
      <MemberListControls basePath={basePath} search={search} list={list} />
      <MemberTable courseSlug={course.slug} currentUserId={user.id} members={list.members} />
      <AddMemberForm courseSlug={course.slug} maxNameLength={MAX_USER_NAME_LENGTH} />
      <RosterImport courseSlug={course.slug} />
    </div>
  );
}
