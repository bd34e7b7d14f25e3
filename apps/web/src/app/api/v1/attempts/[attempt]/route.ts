import { readAttemptHandler } from "@/server/api/attempts";
import { apiRoute, methodNotAllowed } from "@/server/api/route-handler";

export const GET = apiRoute(readAttemptHandler);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
