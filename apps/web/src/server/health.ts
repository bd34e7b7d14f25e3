import "server-only";

import { pingDatabase, type Database } from "@sawtooth/db";

import { logger } from "./log";

/** The health check's answer: HTTP status and JSON body. */
export interface HealthReport {
  httpStatus: 200 | 503;
  body: { status: "ok" } | { status: "unavailable"; reason: string };
}

/** How long the database may take to answer the health check's query. */
const DATABASE_TIMEOUT_MS = 2_000;

/**
 * Checks that the database answers a query within 2 s. The reason in a failed report names what
 * failed and nothing else: the driver's error, which may contain the database's address or user,
 * goes to the log only.
 */
export async function checkHealth(db: Database): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timed out">((resolve) => {
    timer = setTimeout(() => resolve("timed out"), DATABASE_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([pingDatabase(db), timeout]);
    if (outcome === "timed out") {
      logger.error({ timeoutMs: DATABASE_TIMEOUT_MS }, "health check: database timed out");
      return unavailable("The database did not answer within 2 s.");
    }
    return { httpStatus: 200, body: { status: "ok" } };
  } catch (error) {
    logger.error({ err: error }, "health check: database query failed");
    return unavailable("The database query failed.");
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(reason: string): HealthReport {
  return { httpStatus: 503, body: { status: "unavailable", reason } };
}
