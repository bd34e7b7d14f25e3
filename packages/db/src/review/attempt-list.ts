import { z } from "zod";

import { verdictSchema, type Verdict } from "../attempts";
import type { Database } from "../client";
import { effectiveScore } from "../attempt-history";

/** Filters of the tutors' attempt list; every field is optional. */
export interface AttemptListFilter {
  courseId: string;
  exerciseId?: string | undefined;
  userId?: string | undefined;
  verdict?: Verdict | undefined;
  /** Earliest submission time, inclusive. */
  from?: Date | undefined;
  /** Latest submission time, exclusive. */
  to?: Date | undefined;
}

/** An attempt as the tutors' list shows it. */
export interface AttemptListEntry {
  id: string;
  createdAt: Date;
  verdict: Verdict;
  /** The score that counts: the override when set, else the graded score. */
  score: number;
  overridden: boolean;
  attemptNumber: number;
  /** Whether the attempt was submitted after the exercise's due date. */
  late: boolean;
  /** `isMember` is false once the student was removed from the course. */
  student: { id: string; name: string; email: string; isMember: boolean };
  /** `hidden` is true while students cannot see the exercise, and so not this attempt either. */
  exercise: { id: string; slug: string; title: string; dueDate: Date | null; hidden: boolean };
}

/** Returns whether an attempt at `createdAt` came after `dueDate`, false without a due date. */
export function isLateAttempt(createdAt: Date, dueDate: Date | null): boolean {
  return dueDate !== null && createdAt.getTime() > dueDate.getTime();
}

/** One page of the list, newest first, with the cursor of the next page or null at the end. */
export interface AttemptListPage {
  entries: AttemptListEntry[];
  nextCursor: string | null;
}

/** Rows per page unless the caller asks for another size. */
export const ATTEMPT_PAGE_SIZE = 50;

/** Largest page a caller may ask for. */
export const MAX_ATTEMPT_PAGE_SIZE = 200;

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(100)]);

/** Encodes the position after an attempt as an opaque cursor for the query string. */
export function encodeAttemptCursor(attempt: { createdAt: Date; id: string }): string {
  const json = JSON.stringify([attempt.createdAt.toISOString(), attempt.id]);
  return Buffer.from(json).toString("base64url");
}

/** Decodes a cursor, returning null for anything {@link encodeAttemptCursor} did not produce. */
export function decodeAttemptCursor(cursor: string): { createdAt: Date; id: string } | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) {
    return null;
  }
  return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
}

/**
 * Lists a course's attempts newest first, `pageSize` at a time. Paging is by keyset on
 * (createdAt, id): the next page starts after the last row of this one, so a page costs the
 * same at the end of 100,000 attempts as at the start, and rows added meanwhile never shift it.
 * An invalid cursor starts from the newest attempt.
 */
export async function listCourseAttempts(
  db: Database,
  filter: AttemptListFilter,
  cursor: string | null = null,
  pageSize: number = ATTEMPT_PAGE_SIZE,
): Promise<AttemptListPage> {
  const take = Math.min(Math.max(1, Math.floor(pageSize)), MAX_ATTEMPT_PAGE_SIZE);
  const after = cursor === null ? null : decodeAttemptCursor(cursor);
  const exerciseIds = await courseExerciseIds(db, filter);

  const createdAt: { gte?: Date; lt?: Date; lte?: Date } = {};
  if (filter.from) createdAt.gte = filter.from;
  if (filter.to) createdAt.lt = filter.to;
  // `lte` bounds the index range and the OR then drops the rows at the same instant up to the
  // cursor's id, which a plain (createdAt, id) < (…) comparison would say in one step in SQL.
  if (after) createdAt.lte = after.createdAt;
  const keyset = after
    ? { OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }] }
    : {};

  const rows = await db.attempt.findMany({
    where: {
      exerciseId: { in: exerciseIds },
      ...(filter.userId ? { userId: filter.userId } : {}),
      ...(filter.verdict ? { verdict: filter.verdict } : {}),
      createdAt,
      ...keyset,
    },
    select: {
      id: true,
      createdAt: true,
      verdict: true,
      score: true,
      overrideScore: true,
      attemptNumber: true,
      user: { select: { id: true, name: true, email: true } },
      exercise: {
        select: { id: true, slug: true, title: true, dueDate: true, visibility: true },
      },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
  });

  const page = rows.slice(0, take);
  const members = await courseMemberIds(
    db,
    filter.courseId,
    page.map((row) => row.user.id),
  );
  const entries = page.map(({ user, overrideScore, exercise, ...row }): AttemptListEntry => ({
    ...row,
    exercise: {
      id: exercise.id,
      slug: exercise.slug,
      title: exercise.title,
      dueDate: exercise.dueDate,
      hidden: exercise.visibility === "hidden",
    },
    verdict: verdictSchema.parse(row.verdict),
    score: effectiveScore({ score: row.score, overrideScore }),
    overridden: overrideScore !== null,
    late: isLateAttempt(row.createdAt, exercise.dueDate),
    student: { ...user, isMember: members.has(user.id) },
  }));
  const last = entries.at(-1);
  const nextCursor = rows.length > take && last ? encodeAttemptCursor(last) : null;
  return { entries, nextCursor };
}

/** Returns which of `userIds` hold any role in the course. */
async function courseMemberIds(
  db: Database,
  courseId: string,
  userIds: string[],
): Promise<Set<string>> {
  const memberships = await db.membership.findMany({
    where: { courseId, userId: { in: [...new Set(userIds)] } },
    select: { userId: true },
  });
  return new Set(memberships.map((membership) => membership.userId));
}

/** Returns the exercise ids the filter covers: the chosen exercise if it is in the course. */
async function courseExerciseIds(db: Database, filter: AttemptListFilter): Promise<string[]> {
  const exercises = await db.exercise.findMany({
    where: { courseId: filter.courseId, ...(filter.exerciseId ? { id: filter.exerciseId } : {}) },
    select: { id: true },
  });
  return exercises.map((exercise) => exercise.id);
}
