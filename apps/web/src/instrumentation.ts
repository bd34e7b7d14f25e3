import type { Instrumentation } from "next";

/**
 * Logs every error that Next.js catches while it renders a page, runs a server action or a
 * route handler, with the request's method and path and the error's digest, which the error
 * page shows the user. The request's headers stay out of the log: they carry the session cookie.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") {
    return;
  }
  const { logger } = await import("@/server/log");
  const digest = (error as { digest?: unknown } | null)?.digest;
  logger.error(
    {
      err: error,
      digest,
      method: request.method,
      path: request.path.split("?")[0],
      routePath: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
