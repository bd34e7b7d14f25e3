import type { Database } from "../client";
import { Prisma } from "../generated/prisma/client";
import { parseRole, ROLES, type Role } from "../roles";

/** A member of a course as the admin's member list shows it. */
export interface ListedMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

/** A page of a course's member list. */
export interface MemberListRequest {
  /** Text that a member's name or email must contain; empty for every member. */
  search: string;
  /** 1-based page number. A number past the last page shows the last page. */
  page: number;
  pageSize: number;
}

/** One page of a course's members with the counts that the page states. */
export interface MemberListPage {
  members: ListedMember[];
  /** Members of the whole course by role, whatever the search. */
  roleCounts: Record<Role, number>;
  /** Members that match the search, on every page. */
  matching: number;
  /** The page shown, between 1 and `pageCount`. */
  page: number;
  /** Number of pages of matching members, at least 1. */
  pageCount: number;
}

/**
 * Lists one page of a course's members whose name or email contains `search`, by role (admins
 * first) and then by name and email. The search treats % and _ as plain characters. It ignores
 * case on PostgreSQL, and on SQLite only the case of ASCII letters, because SQLite's lower()
 * changes only those.
 */
export async function findMembers(
  db: Database,
  courseId: string,
  request: MemberListRequest,
): Promise<MemberListPage> {
  const where = memberSearch(courseId, request.search.trim());
  const [roleCounts, matched] = await Promise.all([
    countByRole(db, memberSearch(courseId, "")),
    countByRole(db, where),
  ]);
  const matching = ROLES.reduce((sum, role) => sum + matched[role], 0);
  const pageCount = Math.max(1, Math.ceil(matching / request.pageSize));
  const page = Math.min(Math.max(1, Math.floor(request.page) || 1), pageCount);

  const rows = await db.$queryRaw<{ id: string; name: string; email: string; role: string }[]>`
    SELECT u."id", u."name", u."email", m."role"
    FROM "membership" m JOIN "user" u ON u."id" = m."userId"
    WHERE ${where}
    ORDER BY CASE m."role" WHEN 'admin' THEN 0 WHEN 'tutor' THEN 1 ELSE 2 END, u."name", u."email"
    LIMIT ${request.pageSize} OFFSET ${(page - 1) * request.pageSize}`;
  const members = rows.map((row) => ({
    userId: row.id,
    name: row.name,
    email: row.email,
    role: parseRole(row.role),
  }));
  return { members, roleCounts, matching, page, pageCount };
}

/**
 * Builds the WHERE clause of a member search over "membership" m joined with "user" u. The pattern
 * escapes LIKE's wildcards with a backslash, which both SQLite and PostgreSQL accept as the
 * ESCAPE character.
 */
function memberSearch(courseId: string, search: string): Prisma.Sql {
  if (search === "") return Prisma.sql`m."courseId" = ${courseId}`;
  const escaped = search.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`);
  const pattern = `%${escaped}%`;
  return Prisma.sql`m."courseId" = ${courseId} AND (
    lower(u."name") LIKE ${pattern} ESCAPE '\\' OR lower(u."email") LIKE ${pattern} ESCAPE '\\'
  )`;
}

async function countByRole(db: Database, where: Prisma.Sql): Promise<Record<Role, number>> {
  const groups = await db.$queryRaw<{ role: string; count: bigint | number }[]>`
    SELECT m."role", COUNT(*) AS "count"
    FROM "membership" m JOIN "user" u ON u."id" = m."userId"
    WHERE ${where}
    GROUP BY m."role"`;
  const counts: Record<Role, number> = { student: 0, tutor: 0, admin: 0 };
  for (const group of groups) {
    counts[parseRole(group.role)] = Number(group.count);
  }
  return counts;
}
