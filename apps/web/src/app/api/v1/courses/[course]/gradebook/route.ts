import { gradebookHandler } from "@/server/api/gradebook";
import { apiRoute, methodNotAllowed } from "@/server/api/route-handler";

export const GET = apiRoute(gradebookHandler);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
