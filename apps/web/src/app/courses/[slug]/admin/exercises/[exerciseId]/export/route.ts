import { requestAdminContext } from "@/server/admin/context";
import { exportExerciseFile } from "@/server/admin/export";

/** Downloads an exercise's newest file; admins only. */
export async function GET(
  _request: Request,
  { params }: RouteContext<"/courses/[slug]/admin/exercises/[exerciseId]/export">,
): Promise<Response> {
  const { slug, exerciseId } = await params;
  return exportExerciseFile(await requestAdminContext(), slug, exerciseId);
}
