import "server-only";

import { z } from "zod";

import { updateCourseSettings } from "@sawtooth/db";

import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from "@/lib/course-limits";

import { logger } from "../log";
import { authorizeAdmin, invalidRequest, type AdminContext, type Rejected } from "./admin-access";

export { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH };

const settingsRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  title: z.string().trim(),
  description: z.string(),
  acceptLate: z.boolean(),
  /** The settings revision the form was loaded with (`courseSettingsRevision`). */
  revision: z.string().min(1).max(100),
});

/** A settings field with the problem to show at it. */
export interface SettingsProblem {
  field: "title" | "description";
  message: string;
}

/** Result of {@link saveSettingsRequest}. */
export type SaveSettingsResponse =
  | Rejected
  | { status: "invalid"; problems: SettingsProblem[] }
  /** Nothing stored, because the settings changed since the form was loaded. */
  | { status: "conflict"; message: string }
  /** Stored; `revision` is the form's revision for its next save. */
  | { status: "saved"; revision: string };

/**
 * Stores a course's title, description and whether late attempts are graded. A save from a
 * form loaded before another change of the settings is rejected as "conflict".
 */
export async function saveSettingsRequest(
  context: AdminContext,
  request: unknown,
): Promise<SaveSettingsResponse> {
  const parsed = settingsRequest.safeParse(request);
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  const problems = checkSettings(parsed.data);
  if (problems.length > 0) return { status: "invalid", problems };
  const access = await authorizeAdmin(context, parsed.data.courseSlug);
  if ("status" in access) return access;

  const { title, description, acceptLate, revision } = parsed.data;
  const settings = { title, description, acceptLate };
  const saved = await updateCourseSettings(context.db, access.course.id, settings, revision);
  if (saved.status === "conflict") {
    const ids = { courseId: access.course.id, userId: context.userId };
    logger.info({ ...ids, changedAt: saved.changedAt }, "settings save rejected: stale revision");
    return { status: "conflict", message: conflictMessage(saved.changedAt) };
  }
  return saved;
}

/** Says that a save was rejected because of another change, and when the course last changed. */
function conflictMessage(changedAt: Date): string {
  const time = changedAt.toISOString().slice(0, 16).replace("T", " ");
  return (
    `The settings were changed since you opened them (course last saved ${time} UTC, in ` +
    "another tab, by another admin or by an import). Nothing was stored. Reload to see the " +
    "stored settings, then apply your edits again."
  );
}

function checkSettings({ title, description }: { title: string; description: string }) {
  const problems: SettingsProblem[] = [];
  if (title === "") {
    problems.push({ field: "title", message: "Title: the title is empty. Enter one." });
  } else if (title.length > MAX_TITLE_LENGTH) {
    const message = `Title: ${tooLong(MAX_TITLE_LENGTH, title.length)}.`;
    problems.push({ field: "title", message });
  }
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    const message = `Description: ${tooLong(MAX_DESCRIPTION_LENGTH, description.length)}.`;
    problems.push({ field: "description", message });
  }
  return problems;
}

function tooLong(max: number, length: number): string {
  const format = (count: number) => count.toLocaleString("en-US");
  return `at most ${format(max)} characters (you entered ${format(length)})`;
}
