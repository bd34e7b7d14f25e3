import { verifyPassword } from "better-auth/crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createDatabase } from "../client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { parseCsv } from "./csv";
import {
  addMember,
  changeMemberRole,
  checkEmailAddress,
  listMembers,
  removeMember,
} from "./members";
import { importRoster } from "./roster";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  const { db } = testDatabase;
  await db.user.create({ data: { id: "ada", name: "Ada", email: "ada@example.com" } });
  await db.course.create({
    data: {
      id: "c1",
      slug: "c1",
      title: "Course",
      memberships: { create: [{ userId: "ada", role: "admin" }] },
    },
  });
});

afterEach(async () => {
  await testDatabase.remove();
});

describe("addMember", () => {
  test("creates an account whose one-time password signs in", async () => {
    const { db } = testDatabase;
    const result = await addMember(db, "c1", {
      email: " New@Example.com ",
      name: "New Person",
      role: "student",
    });

    expect(result.status).toBe("added");
    const password = result.status === "added" ? result.password : null;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const user = await db.user.findUniqueOrThrow({
      where: { email: "new@example.com" },
      include: { accounts: true, memberships: true },
    });
    expect(user.name).toBe("New Person");
    expect(user.accounts[0]?.providerId).toBe("credential");
    expect(user.accounts[0]?.accountId).toBe(user.id);
    expect(user.memberships[0]?.role).toBe("student");
    const hash = user.accounts[0]?.password ?? "";
    expect(await verifyPassword({ hash, password: password ?? "" })).toBe(true);
  });

  test("adds an existing user without a new password", async () => {
    const { db } = testDatabase;
    await db.course.create({ data: { id: "c2", slug: "c2", title: "Other" } });
    const result = await addMember(db, "c2", { email: "ada@example.com", name: "", role: "tutor" });
    expect(result).toEqual({ status: "added", userId: "ada", password: null });
  });

  test("rejects a name over 100 characters", async () => {
    const { db } = testDatabase;
    const result = await addMember(db, "c1", {
      email: "long@example.com",
      name: "x".repeat(5000),
      role: "student",
    });

    expect(result).toEqual({
      status: "invalid-name",
      message: "is too long: at most 100 characters (you entered 5,000)",
    });
    expect(await db.user.count()).toBe(1);
  });

  test("accepts a name of 100 characters", async () => {
    const { db } = testDatabase;
    const name = "x".repeat(100);
    const result = await addMember(db, "c1", { email: "l@example.com", name, role: "student" });

    expect(result.status).toBe("added");
  });

  test("reports an existing member", async () => {
    const { db } = testDatabase;
    const result = await addMember(db, "c1", { email: "ada@example.com", name: "", role: "tutor" });
    expect(result).toEqual({ status: "already-member", role: "admin" });
  });
});

describe("changeMemberRole and removeMember", () => {
  test("never demote or remove the last admin", async () => {
    const { db } = testDatabase;
    expect(await changeMemberRole(db, "c1", "ada", "tutor")).toEqual({ status: "last-admin" });
    expect(await removeMember(db, "c1", "ada")).toEqual({ status: "last-admin" });
    expect((await listMembers(db, "c1"))[0]?.role).toBe("admin");
  });

  test("demote and remove an admin when another remains", async () => {
    const { db } = testDatabase;
    await addMember(db, "c1", { email: "bob@example.com", name: "Bob", role: "admin" });
    expect(await changeMemberRole(db, "c1", "ada", "tutor")).toEqual({ status: "done" });
    expect(await removeMember(db, "c1", "ada")).toEqual({ status: "done" });
    const members = await listMembers(db, "c1");
    expect(members.map((member) => [member.email, member.role])).toEqual([
      ["bob@example.com", "admin"],
    ]);
  });

  test("report a missing member", async () => {
    const { db } = testDatabase;
    expect(await changeMemberRole(db, "c1", "nobody", "tutor")).toEqual({ status: "not-found" });
    expect(await removeMember(db, "c1", "nobody")).toEqual({ status: "not-found" });
  });
});

describe("last-admin guard under concurrency", () => {
  // Two connections demote the course's two admins at the same moment, many times over. On
  // PostgreSQL at READ COMMITTED, a guard that only counts admins inside its own statement lets
  // both demotions through, because neither statement reads the other's uncommitted change.
  test("two clients never demote both admins", async () => {
    const first = createDatabase(testDatabase.url);
    const second = createDatabase(testDatabase.url);
    try {
      await testDatabase.db.user.create({ data: { id: "bob", name: "Bob", email: "b@x.org" } });
      await testDatabase.db.membership.create({
        data: { courseId: "c1", userId: "bob", role: "admin" },
      });
      for (let round = 0; round < 40; round += 1) {
        const results = await Promise.all([
          changeMemberRole(first, "c1", "ada", "tutor"),
          round % 2 === 0
            ? changeMemberRole(second, "c1", "bob", "student")
            : removeMember(second, "c1", "bob"),
        ]);

        const statuses = results.map((result) => result.status).sort();
        expect(statuses, `round ${round}`).toEqual(["done", "last-admin"]);
        const admins = await testDatabase.db.membership.count({
          where: { courseId: "c1", role: "admin" },
        });
        expect(admins, `round ${round}`).toBe(1);
        await testDatabase.db.membership.upsert({
          where: { userId_courseId: { userId: "ada", courseId: "c1" } },
          create: { courseId: "c1", userId: "ada", role: "admin" },
          update: { role: "admin" },
        });
        await testDatabase.db.membership.upsert({
          where: { userId_courseId: { userId: "bob", courseId: "c1" } },
          create: { courseId: "c1", userId: "bob", role: "admin" },
          update: { role: "admin" },
        });
      }
    } finally {
      await first.$disconnect();
      await second.$disconnect();
    }
  });
});

describe("parseCsv", () => {
  test("reads quotes, CRLF, a BOM and blank lines", () => {
    const text = '\uFEFFemail,name\r\n"a@x.org","Doe, ""Jo"""\r\n\r\nb@x.org,"two\nlines"\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["email", "name"] },
      { line: 2, fields: ["a@x.org", 'Doe, "Jo"'] },
      { line: 4, fields: ["b@x.org", "two\nlines"] },
    ]);
  });

  test("rejects an unclosed quote", () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/line 1 is never closed/);
  });
});

describe("importRoster", () => {
  test("reports created, added and skipped rows with reasons", async () => {
    const { db } = testDatabase;
    await db.user.create({ data: { id: "eve", name: "Eve", email: "eve@example.com" } });
    const csv = [
      "Role,Email,Name",
      "student,new@example.com,New",
      "tutor,eve@example.com,Eve",
      "student,NEW@example.com,Again",
      "admin,ada@example.com,Ada",
      "teacher,t@example.com,T",
      "student,not-an-email,X",
    ].join("\n");

    const result = await importRoster(db, "c1", csv);

    expect(result.status).toBe("imported");
    const outcomes = result.status === "imported" ? result.outcomes : [];
    expect(outcomes.map((o) => [o.line, o.email, o.status, o.reason])).toEqual([
      [2, "new@example.com", "created", null],
      [3, "eve@example.com", "added", null],
      [4, "new@example.com", "skipped", "the same email appears on an earlier row"],
      [
        5,
        "ada@example.com",
        "skipped",
        "already a member as admin, and an import does not change roles",
      ],
      [6, "t@example.com", "skipped", 'unknown role "teacher": use student, tutor or admin'],
      [7, "not-an-email", "skipped", 'invalid email address "not-an-email"'],
    ]);
    expect(outcomes[0]?.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(outcomes[1]?.password).toBeNull();
    const members = await listMembers(db, "c1");
    expect(members.map((member) => [member.email, member.role])).toEqual([
      ["ada@example.com", "admin"],
      ["eve@example.com", "tutor"],
      ["new@example.com", "student"],
    ]);
  });

  test("keeps row order and passwords across chunks", async () => {
    const { db } = testDatabase;
    const rows = Array.from({ length: 52 }, (_, i) => `p${i}@example.com,Person ${i},student`);
    rows.splice(10, 0, "ada@example.com,Ada,tutor", "p3@example.com,Again,student");
    const csv = ["email,name,role", ...rows].join("\n");

    const result = await importRoster(db, "c1", csv);

    const outcomes = result.status === "imported" ? result.outcomes : [];
    expect(outcomes.map((o) => o.line)).toEqual(Array.from({ length: 54 }, (_, i) => i + 2));
    expect(outcomes.filter((o) => o.status === "created")).toHaveLength(52);
    expect(outcomes[10]?.status).toBe("skipped");
    expect(outcomes[11]?.reason).toBe("the same email appears on an earlier row");
    for (const index of [0, 12, 50, 53]) {
      const outcome = outcomes[index];
      const account = await db.account.findFirstOrThrow({
        where: { user: { email: outcome?.email ?? "" } },
        include: { user: true },
      });
      expect(account.user.name, `row ${outcome?.line}`).toBe(outcome?.name);
      const valid = await verifyPassword({
        hash: account.password ?? "",
        password: outcome?.password ?? "",
      });
      expect(valid, `password of row ${outcome?.line}`).toBe(true);
    }
  });

  test("rejects a header without the required columns", async () => {
    const result = await importRoster(testDatabase.db, "c1", "email,name\na@b.org,A\n");
    expect(result).toEqual({
      status: "invalid",
      message:
        "The header row lacks the column role: the first line must name the columns email, " +
        "name and role, separated by commas, semicolons or tabs.",
    });
    expect(await testDatabase.db.user.count()).toBe(1);
  });

  test("lists two missing columns with and", async () => {
    const result = await importRoster(testDatabase.db, "c1", "role\nstudent\n");
    expect(result).toEqual({
      status: "invalid",
      message:
        "The header row lacks the columns email and name: the first line must name the " +
        "columns email, name and role, separated by commas, semicolons or tabs.",
    });
  });

  test("reads a file separated by tabs", async () => {
    const csv = "email\tname\trole\r\nnew@example.com\tDoe, Jo\ttutor\r\n";

    const result = await importRoster(testDatabase.db, "c1", csv);

    expect(result.status).toBe("imported");
    const user = await testDatabase.db.user.findUnique({ where: { email: "new@example.com" } });
    expect(user?.name).toBe("Doe, Jo");
  });

  test("reads a file separated by semicolons", async () => {
    const csv = "email;name;role\r\nnew@example.com;Doe, Jo;tutor\r\n";

    const result = await importRoster(testDatabase.db, "c1", csv);

    expect(result.status).toBe("imported");
    const outcomes = result.status === "imported" ? result.outcomes : [];
    expect(outcomes.map((o) => [o.line, o.email, o.status, o.role])).toEqual([
      [2, "new@example.com", "created", "tutor"],
    ]);
    const user = await testDatabase.db.user.findUniqueOrThrow({
      where: { email: "new@example.com" },
    });
    expect(user.name).toBe("Doe, Jo");
  });

  test("rejects a header without rows", async () => {
    const result = await importRoster(testDatabase.db, "c1", "email,name,role\n\n");
    expect(result).toEqual({
      status: "invalid",
      message:
        "The file has no rows after the header: add one person per line, such as " +
        "ada@example.org,Ada Lovelace,student.",
    });
  });

  test("skips a row whose name is too long", async () => {
    const csv = `email,name,role\nlong@example.com,${"y".repeat(101)},student\n`;

    const result = await importRoster(testDatabase.db, "c1", csv);

    const outcomes = result.status === "imported" ? result.outcomes : [];
    expect(outcomes.map((o) => [o.line, o.status, o.reason])).toEqual([
      [2, "skipped", "the name is too long: at most 100 characters (you entered 101)"],
    ]);
    expect(await testDatabase.db.user.count()).toBe(1);
  });

  test("skips rows whose names are invisible or contain controls", async () => {
    const csv = [
      "email,name,role",
      "zw@example.com,\u200b,student",
      "nul@example.com,Null\u0000Char,student",
      "tab@example.com,Tab\tName,student",
      'lf@example.com,"Line\nBreak",student',
      "rlo@example.com,\u202eevil\u202c Name,student",
      "ok@example.com,  Fine Name  ,student",
    ].join("\n");

    const result = await importRoster(testDatabase.db, "c1", csv);

    const outcomes = result.status === "imported" ? result.outcomes : [];
    expect(outcomes.map((o) => [o.line, o.status, o.reason])).toEqual([
      [2, "skipped", "the name has no visible character (it contains only U+200B)"],
      [3, "skipped", "the name contains a control character (U+0000)"],
      [4, "skipped", "the name contains a control character (U+0009)"],
      [5, "skipped", "the name contains a line break (U+000A)"],
      [
        7,
        "skipped",
        "the name contains a bidirectional formatting character (U+202E), which changes the " +
          "direction of the text shown after it",
      ],
      [8, "created", null],
    ]);
    const names = await testDatabase.db.user.findMany({ select: { name: true } });
    expect(names.map((user) => user.name).sort()).toEqual(["Ada", "Fine Name"]);
  });

  test("skips a name with a replacement character", async () => {
    const csv = "email,name,role\nzoe@example.org,Zo\uFFFD Br\uFFFDckner,student\n";

    const result = await importRoster(testDatabase.db, "c1", csv);

    const outcomes = result.status === "imported" ? result.outcomes : [];
    expect(outcomes.map((o) => [o.line, o.status])).toEqual([[2, "skipped"]]);
    expect(outcomes[0]?.reason).toMatch(/^the name contains the replacement character \(U\+FFFD\)/);
    expect(await testDatabase.db.user.count()).toBe(1);
  });

  test("skips a row whose email is too long", async () => {
    const longLocal = `${"x".repeat(65)}@example.com`;
    const longDomain = `long@${"d".repeat(250)}.org`;
    const csv = `email,name,role\n${longLocal},X,student\n${longDomain},Y,student\n`;

    const result = await importRoster(testDatabase.db, "c1", csv);

    const outcomes = result.status === "imported" ? result.outcomes : [];
    expect(outcomes.map((o) => [o.line, o.status, o.reason])).toEqual([
      [
        2,
        "skipped",
        "the email address is too long: at most 64 characters before the @ (you entered 65)",
      ],
      [3, "skipped", "the email address is too long: at most 254 characters (you entered 259)"],
    ]);
    expect(await testDatabase.db.user.count()).toBe(1);
  });
});

describe("checkEmailAddress", () => {
  test.each([
    ["a short address", "name@example.org", null],
    ["64 characters before the @", `${"x".repeat(64)}@example.org`, null],
    ["254 characters", `${"x".repeat(64)}@${"d".repeat(185)}.org`, null],
    ["65 characters before the @", `${"x".repeat(65)}@example.org`, "local-part-too-long"],
    ["300 characters before the @", `${"x".repeat(300)}@example.org`, "too-long"],
    ["255 characters", `${"x".repeat(64)}@${"d".repeat(186)}.org`, "too-long"],
    ["no @", "name.example.org", "invalid-format"],
    ["no domain", "name@", "invalid-format"],
  ])("checks %s", (_case, email, code) => {
    expect(checkEmailAddress(email)?.code ?? null).toBe(code);
  });
});
