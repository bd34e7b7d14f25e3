import { z } from "zod";

import type { Database } from "./client";
import type { CourseMembership } from "./courses";
import { visibilitySchema, type ExerciseSummary } from "./exercises";
import { roleSchema } from "./roles";

/**
 * What a submission needs to know before grading: the member's role and course, the exercise,
 * and the id of its newest version. The version's definition is left out because what grading
 * reads of it never changes, so the caller keeps it cached by id and reads it with
 * {@link findVersionDefinition}.
 */
export interface SubmissionTarget extends CourseMembership {
  exercise: ExerciseSummary;
  version: { id: string; number: number };
}

// SQLite returns booleans as 0 or 1 and integers as bigint; PostgreSQL returns them typed.
const booleanValue = z
  .union([z.boolean(), z.number(), z.bigint()])
  .transform((value) => Number(value) !== 0);
const integerValue = z.union([z.number(), z.bigint()]).transform(Number);
const dateValue = z.union([z.date(), z.string()]).transform((value) => new Date(value));

const targetRow = z.object({
  role: roleSchema,
  courseId: z.string(),
  courseSlug: z.string(),
  courseTitle: z.string(),
  courseDescription: z.string(),
  acceptLate: booleanValue,
  exerciseId: z.string(),
  exerciseSlug: z.string(),
  exerciseTitle: z.string(),
  position: integerValue,
  dueDate: dateValue.nullable(),
  attemptLimit: integerValue.nullable(),
  visibility: visibilitySchema,
  showTarget: booleanValue,
  versionId: z.string(),
  versionNumber: integerValue,
});

/**
 * Finds, in one query, the course `courseSlug` where `userId` is a member, its exercise
 * `exerciseSlug` and that exercise's newest version. Returns null when any of them is missing
 * and when a student asks for a hidden exercise, and while the user must replace a one-time
 * password. Callers that need to tell these cases apart ask again with
 * {@link findCourseMembership} and {@link findExercise}.
 */
export async function findSubmissionTarget(
  db: Database,
  userId: string,
  courseSlug: string,
  exerciseSlug: string,
): Promise<SubmissionTarget | null> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT m."role", c."id" AS "courseId", c."slug" AS "courseSlug", c."title" AS "courseTitle",
      c."description" AS "courseDescription", c."acceptLate", e."id" AS "exerciseId",
      e."slug" AS "exerciseSlug", e."title" AS "exerciseTitle", e."position", e."dueDate",
      e."attemptLimit", e."visibility", e."showTarget", v."id" AS "versionId",
      v."version" AS "versionNumber"
    FROM "membership" m
    JOIN "user" u ON u."id" = m."userId" AND NOT u."passwordChangeRequired"
    JOIN "course" c ON c."id" = m."courseId"
    JOIN "exercise" e ON e."courseId" = c."id"
    JOIN "exercise_version" v ON v."exerciseId" = e."id"
    WHERE m."userId" = ${userId} AND c."slug" = ${courseSlug} AND e."slug" = ${exerciseSlug}
    ORDER BY v."version" DESC
    LIMIT 1`;
  if (rows[0] === undefined) {
    return null;
  }
  const row = targetRow.parse(rows[0]);
  if (row.visibility === "hidden" && row.role === "student") {
    return null;
  }
  return {
    role: row.role,
    course: {
      id: row.courseId,
      slug: row.courseSlug,
      title: row.courseTitle,
      description: row.courseDescription,
      acceptLate: row.acceptLate,
    },
    exercise: {
      id: row.exerciseId,
      slug: row.exerciseSlug,
      title: row.exerciseTitle,
      position: row.position,
      dueDate: row.dueDate,
      attemptLimit: row.attemptLimit,
      visibility: row.visibility,
      showTarget: row.showTarget,
    },
    version: { id: row.versionId, number: row.versionNumber },
  };
}

/** Returns the exercise file's JSON text of a version, or null when there is no such version. */
export async function findVersionDefinition(
  db: Database,
  versionId: string,
): Promise<string | null> {
  const version = await db.exerciseVersion.findUnique({
    where: { id: versionId },
    select: { definition: true },
  });
  return version?.definition ?? null;
}
