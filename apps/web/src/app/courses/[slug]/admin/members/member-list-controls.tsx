import Form from "next/form";
import Link from "next/link";

import type { MemberListPage, Role } from "@sawtooth/db";

import { plural } from "@/lib/plural";

/** Members per page of the members page. */
export const MEMBERS_PER_PAGE = 100;

/** Maximum length of the members page's search text, in characters. Longer text is cut. */
export const MAX_MEMBER_SEARCH_LENGTH = 200;

/** Formats the course's members by role: "640 members: 3 admins, 3 tutors, 634 students". */
export function memberCountLine(counts: Record<Role, number>): string {
  const total = counts.admin + counts.tutor + counts.student;
  const roles = [
    plural(counts.admin, "admin"),
    plural(counts.tutor, "tutor"),
    plural(counts.student, "student"),
  ];
  return `${plural(total, "member")}: ${roles.join(", ")}`;
}

/**
 * Renders the member count, the search form and the result's page links. The search is a GET
 * form, so the server filters and pages the list and the address can be bookmarked.
 */
export function MemberListControls({
  basePath,
  search,
  list,
}: {
  basePath: string;
  search: string;
  list: MemberListPage;
}) {
  const first = (list.page - 1) * MEMBERS_PER_PAGE + 1;
  const last = Math.min(list.page * MEMBERS_PER_PAGE, list.matching);
  const pageLink = (page: number) => {
    const query = new URLSearchParams();
    if (search !== "") query.set("q", search);
    if (page > 1) query.set("page", String(page));
    const text = query.toString();
    return text === "" ? basePath : `${basePath}?${text}`;
  };

  return (
    <div className="mt-3 space-y-2 text-sm">
      <p>{memberCountLine(list.roleCounts)}</p>
      <Form action={basePath} role="search" className="flex flex-wrap items-end gap-2">
        <label className="block">
          <span className="font-medium">Find a member by name or email</span>
          <input
            type="search"
            name="q"
            defaultValue={search}
            maxLength={MAX_MEMBER_SEARCH_LENGTH}
            className="mt-1 block w-72 max-w-full rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
        >
          Find
        </button>
        {search !== "" && (
          <Link href={basePath} className="py-1 text-indigo-700 hover:underline">
            Show all members
          </Link>
        )}
      </Form>
      {search !== "" && (
        <p role="status">
          {list.matching === 0
            ? `No member's name or email contains "${search}".`
            : `${plural(list.matching, "member")} with "${search}" in the name or email.`}
        </p>
      )}
      {list.pageCount > 1 && (
        <nav aria-label="Pages of members" className="flex flex-wrap items-center gap-3">
          <span>
            Showing {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of{" "}
            {list.matching.toLocaleString("en-US")}, page {list.page} of {list.pageCount}.
          </span>
          {list.page > 1 && (
            <Link href={pageLink(list.page - 1)} className="text-indigo-700 hover:underline">
              Previous page
            </Link>
          )}
          {list.page < list.pageCount && (
            <Link href={pageLink(list.page + 1)} className="text-indigo-700 hover:underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
