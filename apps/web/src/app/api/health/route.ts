import { getDatabase } from "@sawtooth/db";

import { checkHealth } from "@/server/health";

/** GET /api/health: 200 `{"status":"ok"}` when the database answers, else 503 with a reason. */
export async function GET(): Promise<Response> {
  const report = await checkHealth(getDatabase());
  return Response.json(report.body, {
    status: report.httpStatus,
    headers: { "Cache-Control": "no-store" },
  });
}
