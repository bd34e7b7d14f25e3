import { hashPassword, verifyPassword } from "better-auth/crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { beginSignIn } from "../sign-in-limit";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { lockUser } from "./members";
import { resetMemberPassword, type PasswordResetResult } from "./password-reset";

let testDatabase: TestDatabase;

const OLD_PASSWORD = "the-old-password";

/**
 * Memberships by user: "ada" administers c1 and c2 and is only a tutor of c3, which "bea"
 * administers. Every other user is a member of c1 and perhaps of one more course.
 */
const MEMBERSHIPS = {
  ada: { c1: "admin", c2: "admin", c3: "tutor" },
  bea: { c3: "admin" },
  student: { c1: "student" },
  tutor: { c1: "tutor" },
  coAdmin: { c1: "admin" },
  twoAdministered: { c1: "student", c2: "tutor" },
  studentElsewhere: { c1: "student", c3: "student" },
  tutorElsewhere: { c1: "student", c3: "tutor" },
  adminElsewhere: { c1: "student", c3: "admin" },
  otherCourseOnly: { c3: "student" },
} as const;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  for (const id of ["c1", "c2", "c3"]) {
    await db.course.create({ data: { id, slug: id, title: `Course ${id}` } });
  }
  const hash = await hashPassword(OLD_PASSWORD);
  for (const [userId, courses] of Object.entries(MEMBERSHIPS)) {
    await db.user.create({
      data: {
        id: userId,
        name: userId,
        email: `${userId}@example.com`,
        accounts: {
          create: {
            id: `account-${userId}`,
            accountId: userId,
            providerId: "credential",
            password: hash,
          },
        },
        sessions: {
          create: {
            id: `session-${userId}`,
            token: `token-${userId}`,
            expiresAt: new Date("2099-01-01T00:00:00Z"),
          },
        },
        memberships: {
          create: Object.entries(courses).map(([courseId, role]) => ({ courseId, role })),
        },
      },
    });
  }
});

afterEach(async () => {
  await testDatabase.remove();
});

/** Everything a reset may write, to show that a refused reset wrote nothing. */
async function snapshot() {
  const { db } = testDatabase;
  return {
    users: await db.user.findMany({ orderBy: { id: "asc" } }),
    accounts: await db.account.findMany({ orderBy: { id: "asc" } }),
    sessions: await db.session.findMany({ orderBy: { id: "asc" } }),
  };
}

async function storedHash(userId: string): Promise<string> {
  const account = await testDatabase.db.account.findFirstOrThrow({
    where: { userId, providerId: "credential" },
  });
  return account.password ?? "";
}

describe("resetMemberPassword", () => {
  test.each([
    ["a student of the course only", "student"],
    ["a tutor of the course only", "tutor"],
    ["another admin of the course only", "coAdmin"],
    ["a member of two courses the admin administers", "twoAdministered"],
  ])("resets %s", async (_name, userId) => {
    const { db } = testDatabase;

    const result = await resetMemberPassword(db, { courseId: "c1", adminId: "ada", userId });

    expect(result.status).toBe("reset");
    const password = result.status === "reset" ? result.password : "";
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const hash = await storedHash(userId);
    expect(await verifyPassword({ hash, password })).toBe(true);
    expect(await verifyPassword({ hash, password: OLD_PASSWORD })).toBe(false);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.passwordChangeRequired).toBe(true);
    expect(await db.session.count({ where: { userId } })).toBe(0);
  });

  test.each<[string, string, PasswordResetResult["status"]]>([
    // ada tutors c3, and only administering a course counts.
    ["a student of another admin's course too", "studentElsewhere", "member-elsewhere"],
    ["a tutor of another admin's course", "tutorElsewhere", "member-elsewhere"],
    ["an admin of another course", "adminElsewhere", "member-elsewhere"],
    ["the admin's own account", "ada", "own-account"],
    ["a member of another course only", "otherCourseOnly", "not-found"],
    ["a missing user", "nobody", "not-found"],
  ])("refuses %s", async (_name, userId, status) => {
    const before = await snapshot();

    const result = await resetMemberPassword(testDatabase.db, {
      courseId: "c1",
      adminId: "ada",
      userId,
    });

    expect(result).toEqual({ status });
    expect(await snapshot()).toEqual(before);
  });

  test("refuses an admin who does not administer the course", async () => {
    const before = await snapshot();

    const result = await resetMemberPassword(testDatabase.db, {
      courseId: "c1",
      adminId: "bea",
      userId: "student",
    });

    expect(result).toEqual({ status: "member-elsewhere" });
    expect(await snapshot()).toEqual(before);
  });

  test("clears the member's failed sign-ins from every address", async () => {
    const { db } = testDatabase;
    const limit = { perPair: 2, perAddress: 50, perEmail: 100, windowMs: 15 * 60_000 };
    const now = new Date("2027-01-01T00:00:00Z");
    const signIn = (email: string, address: string) =>
      beginSignIn(db, { email, address }, limit, now);
    for (const address of ["192.0.2.1", "192.0.2.1", "192.0.2.2", "192.0.2.2"]) {
      await signIn("student@example.com", address);
    }
    await signIn("tutor@example.com", "192.0.2.1");
    await signIn("tutor@example.com", "192.0.2.1");

    const reset = await resetMemberPassword(db, {
      courseId: "c1",
      adminId: "ada",
      userId: "student",
    });

    expect(reset).toMatchObject({ status: "reset", unlocked: true });
    expect((await signIn("student@example.com", "192.0.2.1")).status).toBe("allowed");
    expect((await signIn("student@example.com", "192.0.2.2")).status).toBe("allowed");
    expect(await signIn("tutor@example.com", "192.0.2.1")).toMatchObject({ limitedBy: "pair" });
  });

  test("keeps the sessions of other users", async () => {
    const { db } = testDatabase;

    await resetMemberPassword(db, { courseId: "c1", adminId: "ada", userId: "student" });

    const sessions = await db.session.findMany({ select: { userId: true } });
    expect(sessions.map((session) => session.userId).sort()).toEqual(
      Object.keys(MEMBERSHIPS)
        .filter((userId) => userId !== "student")
        .sort(),
    );
  });

  test("creates a credential account when the user has none", async () => {
    const { db } = testDatabase;
    await db.account.deleteMany({ where: { userId: "student" } });

    const result = await resetMemberPassword(db, {
      courseId: "c1",
      adminId: "ada",
      userId: "student",
    });

    const password = result.status === "reset" ? result.password : "";
    const account = await db.account.findFirstOrThrow({ where: { userId: "student" } });
    expect(account.accountId).toBe("student");
    expect(await verifyPassword({ hash: account.password ?? "", password })).toBe(true);
  });
});

describe("resetMemberPassword beside a concurrent addition", () => {
  test("finds a membership added meanwhile", async () => {
    const { db } = testDatabase;
    let reset: Promise<PasswordResetResult> | undefined;

    // Another course's admin adds the student to c3 while ada's reset runs. The addition takes
    // the user's lock first, and the reset must wait for it and then see the new membership.
    await db.$transaction(async (tx) => {
      await lockUser(tx, "student");
      reset = resetMemberPassword(db, { courseId: "c1", adminId: "ada", userId: "student" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.membership.create({ data: { courseId: "c3", userId: "student", role: "student" } });
    });

    expect(await reset).toEqual({ status: "member-elsewhere" });
  });
});
