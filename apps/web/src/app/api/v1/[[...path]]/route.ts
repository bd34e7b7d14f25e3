import { errorResponse } from "@/server/api/errors";

/** Answers every path under /api/v1 that no other route matches with a JSON 404. */
function unknownRoute(request: Request): Response {
  const { pathname } = new URL(request.url);
  return errorResponse(
    "not_found",
    `No API route ${request.method} ${pathname}; /api/v1/openapi.json lists the routes.`,
  );
}

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
