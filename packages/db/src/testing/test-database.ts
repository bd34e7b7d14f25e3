import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import Sqlite from "better-sqlite3";

import { createDatabase, type Database } from "../client";
import { schemaPaths } from "../schema-variants";

/**
 * A migrated database for one test or test file: a SQLite file in a temporary folder, or, when
 * SAWTOOTH_TEST_POSTGRES_URL names a PostgreSQL server, a new database on that server.
 */
export interface TestDatabase {
  db: Database;
  url: string;
  /** Disconnects and deletes the database. */
  remove(): Promise<void>;
}

/** The PostgreSQL server that tests run against instead of SQLite, as an admin URL, or null. */
export function testPostgresUrl(): string | null {
  return process.env["SAWTOOTH_TEST_POSTGRES_URL"] || null;
}

/**
 * Creates a database with every committed migration applied, as `prisma migrate deploy` would
 * but without its bookkeeping table. On PostgreSQL each database is a copy of a template that
 * is migrated once per set of migrations, which takes a few milliseconds instead of a second.
 */
export function createTestDatabase(): TestDatabase {
  const server = testPostgresUrl();
  return server === null ? createSqliteDatabase() : createPostgresqlDatabase(server);
}

function createSqliteDatabase(): TestDatabase {
  const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-db-"));
  const file = path.join(folder, "test.db");
  const sqlite = new Sqlite(file);
  try {
    for (const sql of migrationScripts(schemaPaths().sqliteMigrations)) {
      sqlite.exec(sql);
    }
  } finally {
    sqlite.close();
  }
  const url = `file:${file}`;
  const db = createDatabase(url);
  return {
    db,
    url,
    async remove() {
      await db.$disconnect();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function createPostgresqlDatabase(server: string): TestDatabase {
  const template = ensureTemplate(server);
  const name = `sawtooth_test_${randomBytes(6).toString("hex")}`;
  psql(server, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = databaseUrl(server, name);
  const db = createDatabase(url);
  return {
    db,
    url,
    async remove() {
      await db.$disconnect();
      psql(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Returns the name of a template database holding the current migrations, creating it when the
 * server has none. Its name carries a hash of the migrations, so a changed migration gets a new
 * template. Test files run in parallel: each builds under a name of its own and renames it into
 * place, and a loser of that race drops its copy and uses the winner's.
 */
function ensureTemplate(server: string): string {
  const scripts = migrationScripts(schemaPaths().postgresqlMigrations);
  const hash = createHash("sha256").update(scripts.join("\n")).digest("hex").slice(0, 12);
  const template = `sawtooth_template_${hash}`;
  if (databaseExists(server, template)) {
    return template;
  }
  const building = `sawtooth_building_${randomBytes(6).toString("hex")}`;
  psql(server, `CREATE DATABASE ${building}`);
  try {
    psql(databaseUrl(server, building), scripts.join("\n"));
    const renamed = psql(server, `ALTER DATABASE ${building} RENAME TO ${template}`, {
      allowFailure: true,
    });
    if (renamed) {
      return template;
    }
  } catch (error) {
    psql(server, `DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    throw error;
  }
  psql(server, `DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
  if (!databaseExists(server, template)) {
    throw new Error(`Template database ${template} could not be created on the test server.`);
  }
  return template;
}

function databaseExists(server: string, name: string): boolean {
  const result = spawnSync(
    "psql",
    [server, "-XAtq", "-c", `SELECT 1 FROM pg_database WHERE datname = '${name}'`],
    { encoding: "utf8" },
  );
  return result.status === 0 && result.stdout.trim() === "1";
}

/**
 * Runs SQL with psql against `url`, stopping at the first error. Returns false on failure when
 * `allowFailure` is set, and throws otherwise.
 */
function psql(url: string, sql: string, { allowFailure = false } = {}): boolean {
  const result = spawnSync("psql", [url, "-Xq", "-v", "ON_ERROR_STOP=1"], {
    input: sql,
    encoding: "utf8",
  });
  if (result.error) {
    throw new Error(
      `psql could not be started (${result.error.message}). Install PostgreSQL's client ` +
        "(apt-get install -y postgresql-client) or unset SAWTOOTH_TEST_POSTGRES_URL.",
    );
  }
  if (result.status !== 0 && !allowFailure) {
    throw new Error(`psql failed on the test server: ${result.stderr.trim()}`);
  }
  return result.status === 0;
}

/** Returns the server URL `server` with its database replaced by `name`. */
function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Reads each migration's SQL in the order `prisma migrate deploy` applies them. */
function migrationScripts(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(folder, name, "migration.sql"), "utf8"));
}
