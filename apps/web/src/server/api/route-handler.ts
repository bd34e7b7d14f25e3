import "server-only";

import { getDatabase } from "@sawtooth/db";

import { configuredRateLimit, runApiHandler, type ApiContext, type ApiHandler } from "./context";
import { errorResponse } from "./errors";

/** The context of requests to the running app: its database, the clock and the configured limit. */
function appContext(): ApiContext {
  return { db: getDatabase(), now: () => new Date(), rateLimit: configuredRateLimit() };
}

/** Wraps an API handler as a Next.js route handler of the running app. */
export function apiRoute(
  handler: ApiHandler<unknown>,
): (request: Request, route: { params: Promise<unknown> }) => Promise<Response> {
  return async (request, route) =>
    runApiHandler(appContext(), request, await route.params, handler);
}

/** Returns a route handler that returns 405 with the methods the route allows. */
export function methodNotAllowed(allowed: readonly string[]): (request: Request) => Response {
  return (request) =>
    errorResponse(
      "method_not_allowed",
      `${request.method} is not allowed here; use ${allowed.join(" or ")}.`,
      { headers: { allow: allowed.join(", ") } },
    );
}
