import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { addMember } from "./admin/members";
import {
  clearPasswordChangeRequired,
  findStoredSession,
  isPasswordChangeRequired,
} from "./password-change";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  await db.user.create({ data: { id: "ada", name: "Ada", email: "ada@example.com" } });
  await db.course.create({ data: { id: "c1", slug: "c1", title: "Course" } });
});

afterEach(async () => {
  await testDatabase.remove();
});

async function addNewStudent(): Promise<string> {
  const member = { email: "new@example.com", name: "New", role: "student" } as const;
  const result = await addMember(testDatabase.db, "c1", member);
  if (result.status !== "added") throw new Error(`Expected "added", got ${result.status}.`);
  return result.userId;
}

describe("isPasswordChangeRequired", () => {
  test("is true for an account with a one-time password", async () => {
    const userId = await addNewStudent();

    expect(await isPasswordChangeRequired(testDatabase.db, userId)).toBe(true);
  });

  test("is false for an existing account added to a course", async () => {
    const member = { email: "ada@example.com", name: "", role: "tutor" } as const;
    await addMember(testDatabase.db, "c1", member);

    expect(await isPasswordChangeRequired(testDatabase.db, "ada")).toBe(false);
  });

  test("is false for a missing user", async () => {
    expect(await isPasswordChangeRequired(testDatabase.db, "nobody")).toBe(false);
  });
});

describe("clearPasswordChangeRequired", () => {
  test("clears the flag of that user only", async () => {
    const userId = await addNewStudent();
    const second = { email: "second@example.com", name: "Second", role: "student" } as const;
    const other = await addMember(testDatabase.db, "c1", second);

    await clearPasswordChangeRequired(testDatabase.db, userId);

    expect(await isPasswordChangeRequired(testDatabase.db, userId)).toBe(false);
    const otherId = other.status === "added" ? other.userId : "";
    expect(await isPasswordChangeRequired(testDatabase.db, otherId)).toBe(true);
  });
});

describe("findStoredSession", () => {
  const expiresAt = new Date("2099-01-01T00:00:00Z");

  test("returns the flag of the session's user", async () => {
    const { db } = testDatabase;
    const userId = await addNewStudent();
    await db.session.create({ data: { id: "s-new", token: "t-new", userId, expiresAt } });
    await db.session.create({ data: { id: "s-ada", token: "t-ada", userId: "ada", expiresAt } });

    expect(await findStoredSession(db, userId, "s-new")).toEqual({ passwordChangeRequired: true });
    expect(await findStoredSession(db, "ada", "s-ada")).toEqual({ passwordChangeRequired: false });
  });

  test("returns null for a deleted session", async () => {
    const { db } = testDatabase;
    await db.session.create({ data: { id: "s-ada", token: "t-ada", userId: "ada", expiresAt } });
    await db.session.delete({ where: { id: "s-ada" } });

    expect(await findStoredSession(db, "ada", "s-ada")).toBeNull();
  });

  test("returns null for another user's session", async () => {
    const { db } = testDatabase;
    const userId = await addNewStudent();
    await db.session.create({ data: { id: "s-new", token: "t-new", userId, expiresAt } });

    expect(await findStoredSession(db, "ada", "s-new")).toBeNull();
  });
});
