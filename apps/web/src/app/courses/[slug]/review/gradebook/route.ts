import { gradebookCsvResponse } from "@/server/review/gradebook-csv";
import { requestReviewContext } from "@/server/review/require-staff";

/** Downloads the course's gradebook as CSV; tutors and admins of the course only. */
export async function GET(
  _request: Request,
  { params }: RouteContext<"/courses/[slug]/review/gradebook">,
): Promise<Response> {
  const { slug } = await params;
  return gradebookCsvResponse(await requestReviewContext(), slug);
}
