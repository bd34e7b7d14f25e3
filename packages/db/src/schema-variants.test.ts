import { readdirSync, readFileSync } from "node:fs";

import { describe, expect, test } from "vitest";

import { postgresqlSchemaText, schemaPaths } from "./schema-variants";

describe("postgresqlSchemaText", () => {
  const sqlite = readFileSync(schemaPaths().sqliteSchema, "utf8");

  test("the committed PostgreSQL schema is generated from the current SQLite schema", () => {
    // Fails after an edit of prisma/schema.prisma until `pnpm db:schema` (or `pnpm db:migration`)
    // rewrites prisma/postgresql/schema.prisma.
    const committed = readFileSync(schemaPaths().postgresqlSchema, "utf8");

    expect(committed).toBe(postgresqlSchemaText(sqlite));
  });

  test("changes only the provider and the client folder", () => {
    const converted = postgresqlSchemaText(sqlite);

    expect(converted).toContain('provider = "postgresql"');
    expect(converted).toContain(
      'output       = "../../packages/db/src/generated/prisma-postgresql"',
    );
    const modelLines = (text: string) =>
      text.split("\n").filter((line) => line.startsWith("model "));
    expect(modelLines(converted)).toEqual(modelLines(sqlite));
  });

  test("refuses a schema whose provider line it does not recognise", () => {
    expect(() => postgresqlSchemaText(sqlite.replace('"sqlite"', '"mysql"'))).toThrow(
      /provider = "sqlite"/,
    );
  });
});

describe("migration folders", () => {
  test("each provider's migrations are named alike from the first shared migration on", () => {
    // The PostgreSQL history starts with one migration that creates the whole schema of its
    // time; every later migration is written for both databases by `pnpm db:migration`.
    const names = (folder: string) =>
      readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    const postgresql = names(schemaPaths().postgresqlMigrations);
    const first = postgresql[0] ?? "";
    const sqliteSince = names(schemaPaths().sqliteMigrations).filter((name) => name > first);

    expect(postgresql.slice(1)).toEqual(sqliteSince);
  });
});
