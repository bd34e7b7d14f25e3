import { createHash } from "node:crypto";

import type { Database } from "../client";

/** What a course admin may change about a course. */
export interface CourseSettings {
  title: string;
  /** Markdown shown on the course page. */
  description: string;
  /** Whether attempts after an exercise's due date are still graded. */
  acceptLate: boolean;
}

/** Result of {@link updateCourseSettings}. */
export type UpdateSettingsResult =
  | { status: "saved"; revision: string }
  /** Nothing stored, because the settings changed since the form loaded its revision. */
  | { status: "conflict"; changedAt: Date };

/**
 * Returns a token that changes with every change of the settings, by the settings form or by a
 * course import. The settings form sends the token it was loaded with, and
 * {@link updateCourseSettings} rejects the save when the stored settings give another token.
 */
export function courseSettingsRevision(settings: CourseSettings): string {
  const fields = [settings.title, settings.description, settings.acceptLate];
  return createHash("sha256").update(JSON.stringify(fields)).digest("base64url");
}

/**
 * Stores a course's title, description and late-attempt rule, unless the stored settings no
 * longer match `revision`: then nothing is stored and the result is "conflict", so a form
 * loaded before another save cannot undo that save.
 */
export async function updateCourseSettings(
  db: Database,
  courseId: string,
  settings: CourseSettings,
  revision: string,
): Promise<UpdateSettingsResult> {
  const stored = await db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { title: true, description: true, acceptLate: true, updatedAt: true },
  });
  const { updatedAt, ...storedSettings } = stored;
  if (courseSettingsRevision(storedSettings) !== revision) {
    return { status: "conflict", changedAt: updatedAt };
  }

  // Updating only while the row still contains the settings read above makes two concurrent saves
  // from forms with the same revision conflict instead of both passing the check.
  const claimed = await db.course.updateMany({
    where: { id: courseId, ...storedSettings },
    data: settings,
  });
  if (claimed.count === 0) {
    const changed = await db.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { updatedAt: true },
    });
    return { status: "conflict", changedAt: changed.updatedAt };
  }
  return { status: "saved", revision: courseSettingsRevision(settings) };
}
