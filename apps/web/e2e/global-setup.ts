import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { createDatabase } from "@sawtooth/db";

import {
  addCourseAdmin,
  addStudents,
  OTHER_COURSE_ADMIN,
  SECOND_STUDENT,
  SECRETS_STUDENT,
} from "./accounts";
import {
  buildIfMissing,
  migrateAndSeed,
  startProductionServer,
  type ServerEnvironment,
} from "./production-server";

/**
 * Builds the app if no production build exists, migrates and seeds a database in a temporary
 * folder, and starts `next start` on a free port of 127.0.0.1. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  buildIfMissing();

  const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-e2e-"));
  const env: ServerEnvironment = {
    DATABASE_URL: `file:${path.join(folder, "e2e.db")}`,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    SAWTOOTH_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  migrateAndSeed(env);
  await addCourseWithoutMembers(env.DATABASE_URL);
  // The second student is for the test that a student cannot open another student's attempt.
  await addStudents(env.DATABASE_URL, [SECOND_STUDENT, SECRETS_STUDENT]);
  // An admin of another course, for the tests that admin pages stay within the admin's course.
  await addCourseAdmin(env.DATABASE_URL, OTHER_COURSE_ADMIN, "private-course");

  const server = await startProductionServer(env);
  process.env["SAWTOOTH_E2E_BASE_URL"] = server.baseUrl;
  // Specs that add their own accounts write to the server's database through this variable.
  process.env["SAWTOOTH_E2E_DATABASE_URL"] = env.DATABASE_URL;

  return async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}

/** Adds a course that exists but has no members, for the test that a non-member gets a 404. */
async function addCourseWithoutMembers(url: string): Promise<void> {
  const db = createDatabase(url);
  try {
    await db.course.create({ data: { slug: "private-course", title: "Private course" } });
  } finally {
    await db.$disconnect();
  }
}
