import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

import { PrismaClient } from "./generated/prisma/client";
import { resolveDatabaseUrl } from "./location";

/** A connected Prisma client; every query function of this package takes one. */
export type Database = PrismaClient;

/** Database engines Sawtooth can run on, named as better-auth's Prisma adapter names them. */
export type DatabaseProvider = "sqlite";

/** Returns the engine that `url` points to, or throws for an engine not supported yet. */
export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) {
    return "sqlite";
  }
  // The URL stays out of the message because a server URL may carry a password.
  throw new Error("Unsupported DATABASE_URL: only SQLite (file:…) is supported so far.");
}

/** Creates a Prisma client for `url`, which defaults to `DATABASE_URL` or the embedded database. */
export function createDatabase(url: string = resolveDatabaseUrl()): Database {
  databaseProvider(url);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

const globalForDatabase = globalThis as typeof globalThis & { sawtoothDatabase?: Database };

/**
 * Returns the process-wide client, creating it on first use. It is kept on `globalThis` so the
 * development server's module reloads do not open a new connection each time.
 */
export function getDatabase(): Database {
  globalForDatabase.sawtoothDatabase ??= createDatabase();
  return globalForDatabase.sawtoothDatabase;
}
