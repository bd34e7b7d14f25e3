import { prismaAdapter } from "better-auth/adapters/prisma";

import { databaseProvider, getDatabase } from "./client";
import { resolveDatabaseUrl } from "./location";

/**
 * Creates better-auth's database adapter on the shared Prisma client, so better-auth reads and
 * writes users, sessions and accounts through this package like every other query.
 */
export function createAuthDatabaseAdapter() {
  return prismaAdapter(getDatabase(), { provider: databaseProvider(resolveDatabaseUrl()) });
}
