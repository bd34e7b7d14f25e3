import "server-only";

import { z } from "zod";

import { updateCourseSettings } from "@sawtooth/db";

import { authorizeAdmin, invalidRequest, type AdminContext, type Rejected } from "./admin-access";

const settingsRequest = z.object({
  courseSlug: z.string().min(1).max(200),
  title: z.string().trim().min(1, "the title is empty: enter one").max(200),
  description: z.string().max(10_000),
  acceptLate: z.boolean(),
});

/** Stores a course's title, description and whether late attempts are graded. */
export async function saveSettingsRequest(
  context: AdminContext,
  request: unknown,
): Promise<Rejected | { status: "saved" }> {
  const parsed = settingsRequest.safeParse(request);
  if (!parsed.success) {
    const titleIssue = parsed.error.issues.find((issue) => issue.path[0] === "title");
    if (titleIssue) return { status: "rejected", message: `Title: ${titleIssue.message}.` };
    return invalidRequest(parsed.error.issues.map((issue) => issue.path));
  }
  const access = await authorizeAdmin(context, parsed.data.courseSlug);
  if ("status" in access) return access;

  const { title, description, acceptLate } = parsed.data;
  await updateCourseSettings(context.db, access.course.id, { title, description, acceptLate });
  return { status: "saved" };
}
