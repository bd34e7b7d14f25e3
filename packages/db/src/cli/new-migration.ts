// Writes a new migration for both databases from the change to prisma/schema.prisma:
//
//   pnpm db:migration <name> [--from <git revision>]
//
// The previous schema is prisma/schema.prisma at the git revision (HEAD by default), the new one
// the file in the working tree. `prisma migrate diff` turns the difference into SQL once for
// SQLite and once for PostgreSQL, and both land in a folder named <timestamp>_<name> under
// prisma/migrations and prisma/postgresql/migrations. PostgreSQL's diff needs a server, so a
// throwaway cluster runs meanwhile (scripts/postgres.mjs). `prisma migrate dev` is not used
// because it fails with the WebAssembly schema engine (see ../shared/STACK.md).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { startPostgres } from "../../../../scripts/postgres.mjs";
import { findRepositoryRoot } from "../location";
import { postgresqlSchemaText, schemaPaths } from "../schema-variants";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string", default: "HEAD" } },
});
const name = positionals[0] ?? "";
if (positionals.length !== 1 || !/^[a-z0-9_]+$/.test(name)) {
  fail("Usage: pnpm db:migration <name> [--from <git revision>], with a name of a-z, 0-9 and _.");
}

const root = findRepositoryRoot();
const paths = schemaPaths(root);
const dbFolder = path.join(root, "packages", "db");
const work = mkdtempSync(path.join(tmpdir(), "sawtooth-migration-"));

try {
  const before = gitShow(values.from, "prisma/schema.prisma");
  const after = readFileSync(paths.sqliteSchema, "utf8");
  const files = {
    sqliteBefore: path.join(work, "sqlite-before.prisma"),
    sqliteAfter: paths.sqliteSchema,
    postgresqlBefore: path.join(work, "postgresql-before.prisma"),
    postgresqlAfter: path.join(work, "postgresql-after.prisma"),
  };
  writeFileSync(files.sqliteBefore, before);
  writeFileSync(files.postgresqlBefore, postgresqlSchemaText(before));
  writeFileSync(files.postgresqlAfter, postgresqlSchemaText(after));
  writeFileSync(paths.postgresqlSchema, postgresqlSchemaText(after));

  const sqliteSql = diff(files.sqliteBefore, files.sqliteAfter, {
    DATABASE_URL: `file:${path.join(work, "diff.db")}`,
  });
  const cluster = await startPostgres();
  let postgresqlSql: string;
  try {
    postgresqlSql = diff(files.postgresqlBefore, files.postgresqlAfter, {
      DATABASE_URL: cluster.url,
    });
  } finally {
    cluster.stop();
  }

  if (isEmpty(sqliteSql) && isEmpty(postgresqlSql)) {
    process.stdout.write(
      `prisma/schema.prisma does not differ from ${values.from}: nothing to write.\n`,
    );
  } else {
    const folderName = `${nextTimestamp(paths.sqliteMigrations, paths.postgresqlMigrations)}_${name}`;
    for (const [migrations, sql] of [
      [paths.sqliteMigrations, sqliteSql],
      [paths.postgresqlMigrations, postgresqlSql],
    ] as const) {
      const folder = path.join(migrations, folderName);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "migration.sql"), sql);
      process.stdout.write(`Wrote ${path.relative(root, path.join(folder, "migration.sql"))}.\n`);
    }
    process.stdout.write(
      "Read both files before committing: a new required column needs a default or a backfill.\n",
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function diff(from: string, to: string, env: Record<string, string>): string {
  const result = spawnSync(
    "pnpm",
    [
      "exec",
      "prisma",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      from,
      "--to-schema-datamodel",
      to,
      "--script",
    ],
    { cwd: dbFolder, env: { ...process.env, ...env }, encoding: "utf8" },
  );
  if (result.status !== 0) {
    fail(`prisma migrate diff failed:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

function gitShow(revision: string, file: string): string {
  try {
    return execFileSync("git", ["show", `${revision}:${file}`], { cwd: root, encoding: "utf8" });
  } catch {
    return fail(`git cannot show ${file} at ${revision}. Pass --from with a revision that has it.`);
  }
}

function isEmpty(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

/**
 * Returns the folder timestamp (YYYYMMDDHHMMSS in UTC) for a new migration: the current time,
 * or one second after the newest existing folder when that is later, so that
 * `prisma migrate deploy` always applies the new migration last.
 */
function nextTimestamp(...folders: string[]): string {
  const now = toTimestamp(new Date());
  const newest = folders
    .flatMap((folder) => readdirSync(folder))
    .map((entry) => entry.slice(0, 14))
    .filter((stamp) => /^\d{14}$/.test(stamp))
    .sort()
    .at(-1);
  if (newest === undefined || newest < now) {
    return now;
  }
  const date = new Date(
    Date.UTC(
      Number(newest.slice(0, 4)),
      Number(newest.slice(4, 6)) - 1,
      Number(newest.slice(6, 8)),
      Number(newest.slice(8, 10)),
      Number(newest.slice(10, 12)),
      Number(newest.slice(12, 14)) + 1,
    ),
  );
  return toTimestamp(date);
}

function toTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
