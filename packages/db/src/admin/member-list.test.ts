import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { findMembers } from "./member-list";

let testDatabase: TestDatabase;

/** Members of course c1: 2 admins, 1 tutor and 5 students, in no particular order. */
const PEOPLE = [
  ["s-zed", "Zed Student", "zed@example.com", "student"],
  ["a-bea", "Bea Admin", "bea@example.com", "admin"],
  ["s-amy", "Amy Student", "amy@example.com", "student"],
  ["t-tom", "Tom Tutor", "tom@tutors.org", "tutor"],
  ["s-bob", "Bob 100%_Student", "bob@example.com", "student"],
  ["a-ada", "Ada Admin", "ada@example.com", "admin"],
  ["s-cid", "Cid Student", "cid@example.com", "student"],
  ["s-dot", "Dot Student", "dot@example.com", "student"],
] as const;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  await db.course.create({ data: { id: "c1", slug: "c1", title: "Course" } });
  await db.course.create({ data: { id: "c2", slug: "c2", title: "Other" } });
  for (const [id, name, email, role] of PEOPLE) {
    await db.user.create({ data: { id, name, email } });
    await db.membership.create({ data: { courseId: "c1", userId: id, role } });
  }
  await db.user.create({ data: { id: "x", name: "Amy Elsewhere", email: "x@example.com" } });
  await db.membership.create({ data: { courseId: "c2", userId: "x", role: "student" } });
});

afterEach(async () => {
  await testDatabase.remove();
});

function emails(page: { members: { email: string }[] }): string[] {
  return page.members.map((member) => member.email);
}

describe("findMembers", () => {
  test("lists admins, tutors, then students by name", async () => {
    const page = await findMembers(testDatabase.db, "c1", { search: "", page: 1, pageSize: 100 });

    expect(emails(page)).toEqual([
      "ada@example.com",
      "bea@example.com",
      "tom@tutors.org",
      "amy@example.com",
      "bob@example.com",
      "cid@example.com",
      "dot@example.com",
      "zed@example.com",
    ]);
    expect(page.roleCounts).toEqual({ admin: 2, tutor: 1, student: 5 });
    expect(page.matching).toBe(8);
    expect(page.pageCount).toBe(1);
  });

  test.each([
    [1, ["ada@example.com", "bea@example.com", "tom@tutors.org"]],
    [2, ["amy@example.com", "bob@example.com", "cid@example.com"]],
    [3, ["dot@example.com", "zed@example.com"]],
  ])("cuts page %i across roles", async (number, expected) => {
    const page = await findMembers(testDatabase.db, "c1", {
      search: "",
      page: number,
      pageSize: 3,
    });

    expect(emails(page)).toEqual(expected);
    expect(page.page).toBe(number);
    expect(page.pageCount).toBe(3);
  });

  test.each([
    ["a page past the last", 9, 3],
    ["page 0", 0, 1],
    ["a fraction", 2.7, 2],
    ["NaN", Number.NaN, 1],
  ])("clamps %s", async (_case, number, expected) => {
    const page = await findMembers(testDatabase.db, "c1", {
      search: "",
      page: number,
      pageSize: 3,
    });

    expect(page.page).toBe(expected);
  });

  test.each([
    ["part of a name", "Student", 5],
    ["a name in lower case", "amy", 1],
    ["an email in upper case", "TUTORS.ORG", 1],
    ["surrounding spaces", "  zed  ", 1],
    ["a percent sign", "100%", 1],
    ["an underscore", "%_S", 1],
    ["a literal underscore only", "_", 1],
    ["no match", "nobody", 0],
  ])("finds %s", async (_case, search, count) => {
    const page = await findMembers(testDatabase.db, "c1", { search, page: 1, pageSize: 100 });

    expect(page.matching).toBe(count);
    expect(page.members).toHaveLength(count);
    expect(page.roleCounts).toEqual({ admin: 2, tutor: 1, student: 5 });
  });

  test("counts matches per page", async () => {
    const page = await findMembers(testDatabase.db, "c1", {
      search: "example.com",
      page: 2,
      pageSize: 4,
    });

    expect(page.matching).toBe(7);
    expect(page.pageCount).toBe(2);
    expect(emails(page)).toEqual(["cid@example.com", "dot@example.com", "zed@example.com"]);
  });
});
