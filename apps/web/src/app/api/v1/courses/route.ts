import { listCoursesHandler } from "@/server/api/courses";
import { apiRoute, methodNotAllowed } from "@/server/api/route-handler";

export const GET = apiRoute(listCoursesHandler);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
