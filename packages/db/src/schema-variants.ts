import path from "node:path";

import { findRepositoryRoot } from "./location";

/**
 * The hand-edited Prisma schema is SQLite's, `prisma/schema.prisma`. A Prisma client and its
 * migrations serve one provider only, so PostgreSQL gets a copy that differs in the provider
 * and in where its client is generated; `pnpm --filter @sawtooth/db schema` writes it.
 */
export interface SchemaPaths {
  sqliteSchema: string;
  sqliteMigrations: string;
  postgresqlSchema: string;
  postgresqlMigrations: string;
}

/** Returns where the two schemas and their migration folders live in the repository. */
export function schemaPaths(root: string = findRepositoryRoot()): SchemaPaths {
  const prisma = path.join(root, "prisma");
  return {
    sqliteSchema: path.join(prisma, "schema.prisma"),
    sqliteMigrations: path.join(prisma, "migrations"),
    postgresqlSchema: path.join(prisma, "postgresql", "schema.prisma"),
    postgresqlMigrations: path.join(prisma, "postgresql", "migrations"),
  };
}

const GENERATED_NOTICE =
  "// Generated from ../schema.prisma by `pnpm --filter @sawtooth/db schema`; edit that file\n" +
  "// instead. Only the provider and the client's output folder differ.\n\n";

/**
 * Turns the SQLite schema's text into PostgreSQL's. Throws when the datasource provider or the
 * generator output line is not where this function expects it, so a reshaped schema file
 * fails loudly instead of producing a schema for the wrong database.
 */
export function postgresqlSchemaText(sqliteSchema: string): string {
  const provider = /^(\s*provider\s*=\s*)"sqlite"/m;
  const output = /^(\s*output\s*=\s*)"\.\.\/packages\/db\/src\/generated\/prisma"/m;
  if (!provider.test(sqliteSchema)) {
    throw new Error('prisma/schema.prisma has no datasource line `provider = "sqlite"`.');
  }
  if (!output.test(sqliteSchema)) {
    throw new Error(
      'prisma/schema.prisma has no generator line `output = "../packages/db/src/generated/prisma"`.',
    );
  }
  const converted = sqliteSchema
    .replace(provider, '$1"postgresql"')
    .replace(output, '$1"../../packages/db/src/generated/prisma-postgresql"');
  return GENERATED_NOTICE + converted;
}
