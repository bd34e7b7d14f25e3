import type { AdminContext } from "@/server/admin/admin-access";
import {
  checkCourseImport,
  importCourseFiles,
  type ImportCheckResponse,
  type ImportFile,
  type ImportResponse,
} from "@/server/admin/course-import";

/**
 * Runs both steps of an import as the form does: checks the files, and imports them with the
 * plan's revision when the check found no problem. Returns the check's response otherwise.
 */
export async function checkThenImport(
  context: AdminContext,
  request: { courseSlug: string; files: ImportFile[] },
): Promise<Exclude<ImportCheckResponse, { status: "planned" }> | ImportResponse> {
  const checked = await checkCourseImport(context, request);
  if (checked.status !== "planned") return checked;
  return importCourseFiles(context, { ...request, revision: checked.plan.revision });
}
