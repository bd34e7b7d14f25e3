import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresqlClient } from "./generated/prisma-postgresql/client";
import { resolveDatabaseUrl } from "./location";

/**
 * A connected Prisma client; every query function of this package takes one. Its type is the
 * SQLite client's: the PostgreSQL client is generated from the same models (see
 * schema-variants.ts), so the two have the same methods and results, and queries are written
 * once against this type.
 */
export type Database = PrismaClient;

/** Database engines Sawtooth can run on, named as better-auth's Prisma adapter names them. */
export type DatabaseProvider = "sqlite" | "postgresql";

/** Returns the engine that `url` points to, or throws for an unsupported one. */
export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) {
    return "sqlite";
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return "postgresql";
  }
  // The URL stays out of the message because a server URL may carry a password.
  throw new Error(
    "Unsupported DATABASE_URL: use file:<path> for SQLite or postgresql://… for PostgreSQL.",
  );
}

/**
 * Settings of every SQLite connection. Write-ahead logging lets pages read while an attempt is
 * written and commits with one sync instead of several; `synchronous = FULL` syncs the log at
 * every commit, so an acknowledged attempt survives a power cut, not only a crash of the app.
 * The busy timeout makes a second process wait for the write lock instead of failing.
 */
const SQLITE_SETTINGS = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = FULL;
  PRAGMA busy_timeout = 5000;
  PRAGMA foreign_keys = ON;
`;

/** The better-sqlite3 adapter, applying {@link SQLITE_SETTINGS} to each connection it opens. */
class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_SETTINGS);
    return adapter;
  }
}

/**
 * Connections each process keeps to PostgreSQL. Several app processes share one server, whose
 * default limit is 100 connections, so each keeps few; requests queue for a free one.
 */
const POSTGRESQL_POOL_SIZE = 10;

/** The engine behind each client that {@link createDatabase} made. */
const providers = new WeakMap<Database, DatabaseProvider>();

/** Options of {@link createDatabase}. */
export interface DatabaseOptions {
  /** Receives the SQL text of each statement the client sends, such as for counting queries. */
  onQuery?: (sql: string) => void;
}

/** Creates a Prisma client for `url`, which defaults to `DATABASE_URL` or the embedded database. */
export function createDatabase(
  url: string = resolveDatabaseUrl(),
  options: DatabaseOptions = {},
): Database {
  const provider = databaseProvider(url);
  const { onQuery } = options;
  const log = onQuery ? [{ emit: "event" as const, level: "query" as const }] : [];
  let db: Database;
  if (provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: POSTGRESQL_POOL_SIZE });
    // The cast is safe because both clients come from the same models; see `Database`.
    db = new PostgresqlClient({ adapter, log }) as unknown as Database;
  } else {
    db = new PrismaClient({ adapter: new SqliteAdapterFactory({ url }), log });
  }
  if (onQuery) {
    // `Database` is typed for a client without log levels, whose `$on` accepts no "query".
    const events = db as unknown as {
      $on(event: "query", listener: (event: { query: string }) => void): void;
    };
    events.$on("query", (event) => onQuery(event.query));
  }
  providers.set(db, provider);
  return db;
}

/**
 * Returns the engine of a client made by {@link createDatabase}, for the few queries whose SQL
 * differs between SQLite and PostgreSQL. Throws for a client made elsewhere.
 */
export function providerOf(db: Database): DatabaseProvider {
  const provider = providers.get(db);
  if (provider === undefined) {
    throw new Error("This Prisma client was not made by createDatabase, so its engine is unknown.");
  }
  return provider;
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
