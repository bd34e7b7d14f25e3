import { afterEach, beforeEach } from "vitest";

import type { Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import type { AdminContext } from "@/server/admin/admin-access";

import { createCourseFixture, FIXTURE } from "./course-fixture";

/** The database of one test and the context of the fixture course's admin acting on it. */
export interface AdminFixture {
  db: Database;
  admin: AdminContext;
}

/** The current time that admin actions in these tests receive. */
export const FIXTURE_NOW = new Date("2027-01-15T12:00:00Z");

/**
 * Gives each test of the file a new database holding {@link createCourseFixture}'s course, and
 * removes it after the test. `receive` gets the database and the admin's context before each
 * test, for the file to keep in its own variables.
 */
export function setUpAdminFixture(receive: (fixture: AdminFixture) => void): void {
  let testDatabase: TestDatabase | undefined;
  beforeEach(async () => {
    testDatabase = createTestDatabase();
    const { db } = testDatabase;
    await createCourseFixture(db);
    receive({ db, admin: { db, userId: FIXTURE.admin, now: FIXTURE_NOW } });
  });
  afterEach(async () => {
    await testDatabase?.remove();
  });
}

/**
 * Returns a function that creates a database holding {@link createCourseFixture}'s course, with
 * the tent exercise's settings given, for a test that needs its own settings. Every database it
 * created is removed after the test.
 */
export function setUpFixtureDatabases(): (
  tent?: Parameters<typeof createCourseFixture>[1],
) => Promise<Database> {
  const created: TestDatabase[] = [];
  afterEach(async () => {
    for (const testDatabase of created.splice(0)) await testDatabase.remove();
  });
  return async (tent = {}) => {
    const testDatabase = createTestDatabase();
    created.push(testDatabase);
    await createCourseFixture(testDatabase.db, tent);
    return testDatabase.db;
  };
}
