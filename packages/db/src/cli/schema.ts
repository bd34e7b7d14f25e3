// Writes prisma/postgresql/schema.prisma from the hand-edited SQLite schema. With --check it
// writes nothing and exits with 1 when the PostgreSQL schema is out of date.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { postgresqlSchemaText, schemaPaths } from "../schema-variants";

const paths = schemaPaths();
const wanted = postgresqlSchemaText(readFileSync(paths.sqliteSchema, "utf8"));
const current = readOptional(paths.postgresqlSchema);

if (process.argv.includes("--check")) {
  if (current !== wanted) {
    process.stderr.write(
      "prisma/postgresql/schema.prisma is out of date: run `pnpm --filter @sawtooth/db schema`.\n",
    );
    process.exit(1);
  }
} else if (current !== wanted) {
  mkdirSync(path.dirname(paths.postgresqlSchema), { recursive: true });
  writeFileSync(paths.postgresqlSchema, wanted);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), paths.postgresqlSchema)}.\n`);
}

function readOptional(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
