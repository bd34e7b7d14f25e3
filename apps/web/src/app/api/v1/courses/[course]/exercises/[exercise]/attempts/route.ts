import { submitAttemptHandler } from "@/server/api/attempts";
import { apiRoute, methodNotAllowed } from "@/server/api/route-handler";

export const POST = apiRoute(submitAttemptHandler);
export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
