import type { Database } from "./client";

/**
 * Runs the cheapest query the database can answer, `SELECT 1`, to check that it is reachable.
 * Throws the driver's error when it is not.
 */
export async function pingDatabase(db: Database): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
