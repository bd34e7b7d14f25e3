import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, test } from "vitest";

const dbFolder = path.join(import.meta.dirname, "..");

let folder: string | undefined;

afterEach(() => {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe("prisma migrate deploy", () => {
  // `npm start` runs this command, and its output is the first thing a new user reads.
  test("applies the migrations without a warning", { timeout: 60_000 }, () => {
    folder = mkdtempSync(path.join(tmpdir(), "sawtooth-migrate-"));
    const env = { ...process.env, DATABASE_URL: `file:${path.join(folder, "new.db")}` };

    const run = spawnSync("pnpm", ["exec", "prisma", "migrate", "deploy"], {
      cwd: dbFolder,
      env,
      encoding: "utf8",
    });

    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("All migrations have been successfully applied.");
    expect(run.stdout).not.toMatch(/WARNING/i);
    expect(run.stderr).not.toMatch(/WARNING/i);
  });
});
