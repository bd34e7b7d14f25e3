import "server-only";

import { z } from "zod";

import { updateCourseSettings } from "@sawtooth/db";

import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from "@/lib/course-limits";

import { authorizeAdmin, invalidRequest, type AdminContext, type Rejected } from "./admin-access";

export { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH };

const settingsRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  title: z.string().trim(),
  description: z.string(),
  acceptLate: z.boolean(),
});

/** A settings field with the problem to show at it. */
export interface SettingsProblem {
  field: "title" | "description";
  message: string;
}

/** Result of {@link saveSettingsRequest}. */
export type SaveSettingsResponse =
  Rejected | { status: "invalid"; problems: SettingsProblem[] } | { status: "saved" };

/** Stores a course's title, description and whether late attempts are graded. */
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

  const { title, description, acceptLate } = parsed.data;
  await updateCourseSettings(context.db, access.course.id, { title, description, acceptLate });
  return { status: "saved" };
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
