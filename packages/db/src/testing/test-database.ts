import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import Sqlite from "better-sqlite3";

import { createDatabase, type Database } from "../client";
import { findRepositoryRoot } from "../location";

/** A migrated SQLite database in a temporary folder, for one test file. */
export interface TestDatabase {
  db: Database;
  url: string;
  /** Disconnects and deletes the temporary folder. */
  remove(): Promise<void>;
}

/**
 * Creates a SQLite database in a temporary folder and applies every committed migration's SQL in
 * order, as `prisma migrate deploy` would, without its bookkeeping table.
 */
export function createTestDatabase(): TestDatabase {
  const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-db-"));
  const file = path.join(folder, "test.db");
  applyMigrations(file);
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

function applyMigrations(file: string): void {
  const migrations = path.join(findRepositoryRoot(), "prisma", "migrations");
  const sqlite = new Sqlite(file);
  try {
    const folders = readdirSync(migrations, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const folder of folders) {
      sqlite.exec(readFileSync(path.join(migrations, folder, "migration.sql"), "utf8"));
    }
  } finally {
    sqlite.close();
  }
}
