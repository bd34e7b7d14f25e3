// Configures the Prisma CLI (generate, migrate deploy, migrate diff) for the schema and migrations
// in the repository's prisma/ folder. Prisma 6.19 runs its schema engine as WebAssembly here,
// through the same driver adapter the app uses, so no native engine is downloaded.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

// Without a resolvable url the CLI falls back to its native engine, which it would download.
process.env.DATABASE_URL ??= `file:${path.join(repositoryRoot, "data", "sawtooth.db")}`;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(repositoryRoot, "prisma", "schema.prisma"),
  migrations: { path: path.join(repositoryRoot, "prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL ?? "";
    if (!url.startsWith("file:")) {
      // The URL is left out of the message because a server URL may carry a password.
      throw new Error("Unsupported DATABASE_URL: only SQLite (file:…) is supported so far.");
    }
    // SQLite creates the database file but not its folder.
    mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
