import { jsonResponse } from "@/server/api/errors";
import { buildOpenApiDocument } from "@/server/api/openapi";
import { methodNotAllowed } from "@/server/api/route-handler";

/** Serves the OpenAPI document without a token, so tools can read it before one exists. */
export function GET(): Response {
  return jsonResponse(buildOpenApiDocument());
}
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
