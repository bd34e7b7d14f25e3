import { requestAdminContext } from "@/server/admin/context";
import { exportCourseArchive } from "@/server/admin/export";

/** Downloads the course as a tar archive of its course folder; admins only. */
export async function GET(
  _request: Request,
  { params }: RouteContext<"/courses/[slug]/admin/export">,
): Promise<Response> {
  const { slug } = await params;
  return exportCourseArchive(await requestAdminContext(), slug);
}
