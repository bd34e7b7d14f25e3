import { verifyPassword } from "better-auth/crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { CourseExerciseFile } from "../course-files";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { DEMO_PASSWORD } from "./demo-data";
import { isNewDatabase, seedNewDatabase } from "./seed";

const courseInfo = {
  slug: "deep-learning-theory",
  title: "Theories of Deep Learning",
  description: "Depth beats width.",
  acceptLate: true,
};

const exercises: CourseExerciseFile[] = [
  {
    slug: "tent-h2",
    title: "The tent map",
    position: 0,
    attemptLimit: null,
    showTarget: true,
    definition: '{"id":"tent-h2","title":"The tent map"}',
  },
  {
    slug: "sawtooth-f3",
    title: "Three teeth",
    position: 1,
    attemptLimit: 5,
    showTarget: false,
    dueDate: new Date("2027-02-01T09:00:00Z"),
    visibility: "hidden",
    definition: '{"id":"sawtooth-f3","title":"Three teeth"}',
  },
];

let testDatabase: TestDatabase;

beforeEach(() => {
  testDatabase = createTestDatabase();
});

afterEach(async () => {
  await testDatabase.remove();
});

describe("seedNewDatabase", () => {
  test("loads the course and its exercises", async () => {
    const { db } = testDatabase;

    const result = await seedNewDatabase(db, { course: courseInfo, exercises, demoAccounts: true });

    expect(result).toEqual({
      seeded: true,
      exerciseCount: 2,
      accountEmails: ["student@example.com", "tutor@example.com", "admin@example.com"],
    });
    const course = await db.course.findUniqueOrThrow({
      where: { slug: courseInfo.slug },
      include: { exercises: { include: { versions: true }, orderBy: { position: "asc" } } },
    });
    expect(course.title).toBe("Theories of Deep Learning");
    expect(course.acceptLate).toBe(true);
    expect(course.exercises.map((exercise) => exercise.slug)).toEqual(["tent-h2", "sawtooth-f3"]);
    expect(course.exercises[1]?.attemptLimit).toBe(5);
    expect(course.exercises[1]?.showTarget).toBe(false);
    expect(course.exercises[1]?.dueDate).toEqual(new Date("2027-02-01T09:00:00Z"));
    expect(course.exercises[1]?.visibility).toBe("hidden");
    expect(course.exercises[0]?.dueDate).toBeNull();
    expect(course.exercises[0]?.visibility).toBe("visible");
    expect(course.exercises[0]?.versions).toHaveLength(1);
    expect(course.exercises[0]?.versions[0]?.version).toBe(1);
    expect(course.exercises[0]?.versions[0]?.definition).toBe(exercises[0]?.definition);
  });

  test("creates one demo account per role", async () => {
    const { db } = testDatabase;

    await seedNewDatabase(db, { course: courseInfo, exercises: [], demoAccounts: true });

    const memberships = await db.membership.findMany({
      select: { role: true, user: { select: { email: true } }, course: { select: { slug: true } } },
      orderBy: { user: { email: "asc" } },
    });
    expect(memberships).toEqual([
      { role: "admin", user: { email: "admin@example.com" }, course: { slug: courseInfo.slug } },
      {
        role: "student",
        user: { email: "student@example.com" },
        course: { slug: courseInfo.slug },
      },
      { role: "tutor", user: { email: "tutor@example.com" }, course: { slug: courseInfo.slug } },
    ]);
  });

  test("stores a password hash better-auth accepts", async () => {
    const { db } = testDatabase;

    await seedNewDatabase(db, { course: courseInfo, exercises: [], demoAccounts: true });

    const account = await db.account.findFirstOrThrow({
      where: { user: { email: "student@example.com" } },
      include: { user: true },
    });
    expect(account.providerId).toBe("credential");
    expect(account.accountId).toBe(account.userId);
    expect(account.password).not.toContain(DEMO_PASSWORD);
    const hash = account.password ?? "";
    expect(await verifyPassword({ hash, password: DEMO_PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash, password: "wrong-password" })).toBe(false);
  });

  test("skips demo accounts when not asked", async () => {
    const { db } = testDatabase;

    const result = await seedNewDatabase(db, {
      course: courseInfo,
      exercises,
      demoAccounts: false,
    });

    expect(result).toEqual({ seeded: true, exerciseCount: 2, accountEmails: [] });
    expect(await db.user.count()).toBe(0);
    expect(await db.course.count()).toBe(1);
  });

  test("leaves a used database unchanged", async () => {
    const { db } = testDatabase;
    await seedNewDatabase(db, { course: courseInfo, exercises, demoAccounts: true });
    await db.course.update({ where: { slug: courseInfo.slug }, data: { title: "Renamed" } });

    const result = await seedNewDatabase(db, { course: courseInfo, exercises, demoAccounts: true });

    expect(result).toEqual({ seeded: false });
    expect(await db.user.count()).toBe(3);
    expect(await db.exercise.count()).toBe(2);
    const course = await db.course.findUniqueOrThrow({ where: { slug: courseInfo.slug } });
    expect(course.title).toBe("Renamed");
  });

  test("counts a database with users as used", async () => {
    const { db } = testDatabase;
    expect(await isNewDatabase(db)).toBe(true);

    await db.user.create({ data: { id: "u1", name: "Someone", email: "someone@example.com" } });

    expect(await isNewDatabase(db)).toBe(false);
    expect(
      await seedNewDatabase(db, { course: courseInfo, exercises, demoAccounts: true }),
    ).toEqual({ seeded: false });
    expect(await db.course.count()).toBe(0);
  });
});
