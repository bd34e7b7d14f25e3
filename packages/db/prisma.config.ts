// Configures the Prisma CLI (generate, migrate deploy, migrate diff). Prisma 6.19 runs its
// schema engine as WebAssembly here, through the same driver adapter the app uses, so no native
// engine is downloaded.
//
// The provider follows DATABASE_URL: a postgresql:// URL selects prisma/postgresql/ (its schema,
// migrations and the pg adapter), anything else the SQLite schema and migrations in prisma/.
// SAWTOOTH_PRISMA_PROVIDER=postgresql selects PostgreSQL without a URL, for `prisma generate`.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const prismaFolder = path.join(repositoryRoot, "prisma");

const postgresql =
  process.env.SAWTOOTH_PRISMA_PROVIDER === "postgresql" ||
  /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
// The schemas' datasource url is a placeholder, so only the adapter below reads DATABASE_URL.
// `prisma generate` never connects, so a PostgreSQL URL that names no server is enough there.
if (postgresql && !/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
  process.env.DATABASE_URL = "postgresql://127.0.0.1:5432/unused";
}
process.env.DATABASE_URL ??= `file:${path.join(repositoryRoot, "data", "sawtooth.db")}`;
const url = process.env.DATABASE_URL;
const folder = postgresql ? path.join(prismaFolder, "postgresql") : prismaFolder;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    if (postgresql) {
      return new PrismaPg({ connectionString: url });
    }
    if (!url.startsWith("file:")) {
      // The URL is left out of the message because a server URL may carry a password.
      throw new Error(
        "Unsupported DATABASE_URL: use file:… for SQLite or postgresql://… for PostgreSQL.",
      );
    }
    // SQLite creates the database file but not its folder.
    mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
