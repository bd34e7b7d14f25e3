import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { findCourseMembership, listCoursesOfUser } from "./courses";
import { findExercise, listExercises } from "./exercises";
import { isStaffRole, parseRole, ROLES } from "./roles";
import { findSubmissionTarget, findVersionDefinition } from "./submission-target";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  for (const id of ["student", "tutor", "admin", "outsider"]) {
    await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  }
  await db.course.create({
    data: {
      id: "dl",
      slug: "deep-learning-theory",
      title: "Theories of Deep Learning",
      memberships: {
        create: [
          { userId: "student", role: "student" },
          { userId: "tutor", role: "tutor" },
          { userId: "admin", role: "admin" },
        ],
      },
      exercises: {
        create: [
          {
            slug: "visible-b",
            title: "B",
            position: 2,
            versions: { create: { version: 1, definition: "{}" } },
          },
          {
            slug: "visible-a",
            title: "A",
            position: 1,
            versions: {
              create: [
                { version: 1, definition: '{"v":1}' },
                { version: 2, definition: '{"v":2}' },
              ],
            },
          },
          {
            slug: "hidden",
            title: "H",
            position: 0,
            visibility: "hidden",
            versions: { create: { version: 1, definition: "{}" } },
          },
          { slug: "no-version", title: "N", position: 3 },
        ],
      },
    },
  });
  await db.course.create({ data: { id: "other", slug: "other", title: "Another course" } });
});

afterEach(async () => {
  await testDatabase.remove();
});

describe("listCoursesOfUser", () => {
  /** Gives the other course a member of each role, so every user has a course to leave out. */
  async function addOtherCourseMembers(): Promise<void> {
    const { db } = testDatabase;
    for (const role of ROLES) {
      const id = `other-${role}`;
      await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
      await db.membership.create({ data: { userId: id, courseId: "other", role } });
    }
  }

  test.each(ROLES)("lists only the course of its %s", async (role) => {
    await addOtherCourseMembers();

    const courses = await listCoursesOfUser(testDatabase.db, role);

    expect(courses.map(({ course }) => course.slug)).toEqual(["deep-learning-theory"]);
    expect(courses[0]?.role).toBe(role);
  });

  test("lists only the other course for its admin", async () => {
    await addOtherCourseMembers();

    const courses = await listCoursesOfUser(testDatabase.db, "other-admin");

    expect(courses).toEqual([
      { course: expect.objectContaining({ slug: "other" }), role: "admin" },
    ]);
  });

  test("lists nothing for a non-member", async () => {
    expect(await listCoursesOfUser(testDatabase.db, "outsider")).toEqual([]);
  });
});

describe("findCourseMembership", () => {
  test("finds a member's course and role", async () => {
    const membership = await findCourseMembership(
      testDatabase.db,
      "student",
      "deep-learning-theory",
    );

    expect(membership?.course.title).toBe("Theories of Deep Learning");
    expect(membership?.role).toBe("student");
  });

  test("returns null for a non-member", async () => {
    expect(
      await findCourseMembership(testDatabase.db, "outsider", "deep-learning-theory"),
    ).toBeNull();
    expect(await findCourseMembership(testDatabase.db, "student", "other")).toBeNull();
  });

  test("returns null for an unknown course", async () => {
    expect(await findCourseMembership(testDatabase.db, "student", "no-such-course")).toBeNull();
  });

  test("rejects a stored role outside the list", async () => {
    await testDatabase.db.membership.create({
      data: { userId: "outsider", courseId: "other", role: "owner" },
    });

    await expect(findCourseMembership(testDatabase.db, "outsider", "other")).rejects.toThrow();
  });

  test("allows one membership per user and course", async () => {
    const duplicate = testDatabase.db.membership.create({
      data: { userId: "student", courseId: "dl", role: "tutor" },
    });

    await expect(duplicate).rejects.toMatchObject({ code: "P2002" });
  });
});

describe("roles", () => {
  test.each([
    ["student", false],
    ["tutor", true],
    ["admin", true],
  ] as const)("isStaffRole(%s) is %s", (role, staff) => {
    expect(isStaffRole(parseRole(role))).toBe(staff);
  });

  test("parseRole rejects unknown roles", () => {
    expect(() => parseRole("owner")).toThrow();
    expect(() => parseRole("Student")).toThrow();
  });
});

describe("listExercises", () => {
  test("lists visible exercises in course order", async () => {
    const exercises = await listExercises(testDatabase.db, "dl", { includeHidden: false });

    expect(exercises.map((exercise) => exercise.slug)).toEqual([
      "visible-a",
      "visible-b",
      "no-version",
    ]);
  });

  test("includes hidden exercises for staff", async () => {
    const exercises = await listExercises(testDatabase.db, "dl", { includeHidden: true });

    expect(exercises.map((exercise) => exercise.slug)).toEqual([
      "hidden",
      "visible-a",
      "visible-b",
      "no-version",
    ]);
  });
});

describe("findExercise", () => {
  test("returns the newest version", async () => {
    const exercise = await findExercise(testDatabase.db, "dl", "visible-a", {
      includeHidden: false,
    });

    expect(exercise?.version.number).toBe(2);
    expect(exercise?.version.definition).toBe('{"v":2}');
  });

  test("hides a hidden exercise from students", async () => {
    const db = testDatabase.db;

    expect(await findExercise(db, "dl", "hidden", { includeHidden: false })).toBeNull();
    expect(await findExercise(db, "dl", "hidden", { includeHidden: true })).not.toBeNull();
  });

  test("returns null without a version or in another course", async () => {
    const db = testDatabase.db;

    expect(await findExercise(db, "dl", "no-version", { includeHidden: true })).toBeNull();
    expect(await findExercise(db, "other", "visible-a", { includeHidden: true })).toBeNull();
  });
});

describe("findSubmissionTarget", () => {
  const slug = "deep-learning-theory";

  test("agrees with findCourseMembership and findExercise", async () => {
    const { db } = testDatabase;
    await db.exercise.update({
      where: { courseId_slug: { courseId: "dl", slug: "visible-a" } },
      data: { dueDate: new Date("2027-02-01T10:30:00Z"), attemptLimit: 7, showTarget: true },
    });
    await db.course.update({ where: { id: "dl" }, data: { acceptLate: true } });

    const target = await findSubmissionTarget(db, "student", slug, "visible-a");
    const membership = await findCourseMembership(db, "student", slug);
    const exercise = await findExercise(db, "dl", "visible-a", { includeHidden: false });

    expect(membership).not.toBeNull();
    expect(exercise).not.toBeNull();
    const { version, ...summary } = exercise!;
    expect(target).toEqual({
      ...membership,
      exercise: summary,
      version: { id: version.id, number: 2 },
    });
    expect(await findVersionDefinition(db, version.id)).toBe('{"v":2}');
  });

  test("hides a hidden exercise from a student but not from a tutor", async () => {
    const { db } = testDatabase;

    expect(await findSubmissionTarget(db, "student", slug, "hidden")).toBeNull();
    expect(await findSubmissionTarget(db, "tutor", slug, "hidden")).toMatchObject({
      role: "tutor",
      exercise: { slug: "hidden", visibility: "hidden" },
    });
  });

  test("returns null for a non-member, a missing exercise and an exercise without versions", async () => {
    const { db } = testDatabase;

    expect(await findSubmissionTarget(db, "outsider", slug, "visible-a")).toBeNull();
    expect(await findSubmissionTarget(db, "student", slug, "missing")).toBeNull();
    expect(await findSubmissionTarget(db, "student", slug, "no-version")).toBeNull();
    expect(await findSubmissionTarget(db, "student", "other", "visible-a")).toBeNull();
  });

  test("returns null for a version id that does not exist", async () => {
    expect(await findVersionDefinition(testDatabase.db, "missing")).toBeNull();
  });
});
