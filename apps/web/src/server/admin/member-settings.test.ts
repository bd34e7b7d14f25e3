import { describe, expect, test } from "vitest";

import { courseSettingsRevision, type Database } from "@sawtooth/db";

import { FIXTURE } from "@/testing/course-fixture";
import { setUpAdminFixture } from "@/testing/fixture-hooks";

import type { AdminContext } from "./admin-access";
import { addMemberRequest, importRosterRequest, resetPasswordRequest } from "./members";
import { saveSettingsRequest } from "./settings";

let db: Database;
let admin: AdminContext;
setUpAdminFixture((fixture) => ({ db, admin } = fixture));

const courseSlug = FIXTURE.courseSlug;

describe("addMemberRequest", () => {
  test("explains an incomplete email at its field", async () => {
    const result = await addMemberRequest(admin, {
      courseSlug,
      email: "a@b",
      name: "",
      role: "student",
    });

    expect(result).toEqual({
      status: "invalid",
      field: "email",
      message: "Enter a full address such as name@example.org.",
    });
  });

  test("rejects 300 characters before the @", async () => {
    const users = await db.user.count();

    const result = await addMemberRequest(admin, {
      courseSlug,
      email: `${"x".repeat(300)}@example.org`,
      name: "",
      role: "student",
    });

    expect(result).toEqual({
      status: "invalid",
      field: "email",
      message: "Email: at most 254 characters (you entered 312).",
    });
    expect(await db.user.count()).toBe(users);
  });

  test("rejects 65 characters before the @", async () => {
    const users = await db.user.count();

    const result = await addMemberRequest(admin, {
      courseSlug,
      email: ` ${"x".repeat(65)}@example.org `,
      name: "",
      role: "student",
    });

    expect(result).toEqual({
      status: "invalid",
      field: "email",
      message: "Email: at most 64 characters before the @ (you entered 65).",
    });
    expect(await db.user.count()).toBe(users);
  });

  test("rejects a name over 100 characters", async () => {
    const users = await db.user.count();

    const result = await addMemberRequest(admin, {
      courseSlug,
      email: "long@example.org",
      name: "x".repeat(5000),
      role: "student",
    });

    expect(result).toEqual({
      status: "invalid",
      field: "name",
      message: "The name is too long: at most 100 characters (you entered 5,000).",
    });
    expect(await db.user.count()).toBe(users);
  });
  test("rejects a name with a control character", async () => {
    const users = await db.user.count();

    const result = await addMemberRequest(admin, {
      courseSlug,
      email: "nul@example.org",
      name: "Null\u0000Char",
      role: "student",
    });

    expect(result).toEqual({
      status: "invalid",
      field: "name",
      message: "The name contains a control character (U+0000).",
    });
    expect(await db.user.count()).toBe(users);
  });

  test("rejects a name of zero-width spaces", async () => {
    const result = await addMemberRequest(admin, {
      courseSlug,
      email: "zw@example.org",
      name: "\u200b\u200b",
      role: "student",
    });

    expect(result).toEqual({
      status: "invalid",
      field: "name",
      message: "The name has no visible character (it contains only U+200B).",
    });
  });
});

describe("importRosterRequest", () => {
  test("rejects a roster over the limit with its length", async () => {
    const users = await db.user.count();
    const row = "someone@example.org,Some One,student\n";
    const csv = `email,name,role\n${row.repeat(8_000)}`;

    const result = await importRosterRequest(admin, { courseSlug, csv });

    expect(result).toEqual({
      status: "rejected",
      message:
        "The roster has 296,016 characters, more than the limit of 262,144 (about 4,000 " +
        "rows): split it into smaller files and import them one by one.",
    });
    expect(await db.user.count()).toBe(users);
  });
});

describe("resetPasswordRequest", () => {
  test("returns the new one-time password", async () => {
    const result = await resetPasswordRequest(admin, { courseSlug, userId: FIXTURE.student });

    expect(result).toEqual({ status: "reset", password: expect.stringMatching(/^\S{16}$/) });
    const user = await db.user.findUniqueOrThrow({ where: { id: FIXTURE.student } });
    expect(user.passwordChangeRequired).toBe(true);
  });

  test("explains a member of another course", async () => {
    const other = await db.course.findUniqueOrThrow({ where: { slug: FIXTURE.otherCourseSlug } });
    await db.membership.create({
      data: { courseId: other.id, userId: FIXTURE.student, role: "student" },
    });

    const result = await resetPasswordRequest(admin, { courseSlug, userId: FIXTURE.student });

    expect(result).toEqual({
      status: "rejected",
      message:
        "Password not reset: this person is also a member of a course you do not administer, " +
        "so only an admin of all their courses may reset it.",
    });
  });

  test("sends the admin to the password form for their own account", async () => {
    const result = await resetPasswordRequest(admin, { courseSlug, userId: FIXTURE.admin });

    expect(result).toEqual({
      status: "rejected",
      message: "Your own password is not reset here: change it at /account/password.",
    });
  });

  test("rejects a user who is not a member", async () => {
    const result = await resetPasswordRequest(admin, { courseSlug, userId: FIXTURE.outsider });

    expect(result).toEqual({ status: "rejected", message: "Member not found: reload the page." });
  });
});

describe("saveSettingsRequest", () => {
  test("states the limit and length of each field", async () => {
    const result = await saveSettingsRequest(admin, {
      courseSlug,
      title: "t".repeat(3000),
      description: "d".repeat(20_000),
      acceptLate: false,
      revision: "not-checked-before-the-fields",
    });

    expect(result).toEqual({
      status: "invalid",
      problems: [
        { field: "title", message: "Title: at most 200 characters (you entered 3,000)." },
        {
          field: "description",
          message: "Description: at most 10,000 characters (you entered 20,000).",
        },
      ],
    });
    const course = await db.course.findUniqueOrThrow({ where: { slug: courseSlug } });
    expect(course.title).not.toContain("ttt");
  });

  test("describes a request that is not an object", async () => {
    const result = await saveSettingsRequest(admin, null);

    expect(result).toEqual({
      status: "rejected",
      message: "Invalid request: the request must be an object. Reload the page and try again.",
    });
  });

  test("rejects an empty title", async () => {
    const result = await saveSettingsRequest(admin, {
      courseSlug,
      title: "  ",
      description: "",
      acceptLate: false,
      revision: "not-checked-before-the-fields",
    });

    expect(result).toEqual({
      status: "invalid",
      problems: [{ field: "title", message: "Title: the title is empty. Enter one." }],
    });
  });

  test("saves with the loaded revision and returns the next one", async () => {
    const revision = await storedRevision();
    const settings = { title: "Renamed", description: "New text", acceptLate: true };

    const result = await saveSettingsRequest(admin, { courseSlug, ...settings, revision });

    expect(result).toEqual({ status: "saved", revision: courseSettingsRevision(settings) });
    const course = await db.course.findUniqueOrThrow({ where: { slug: courseSlug } });
    expect(course).toMatchObject(settings);
  });

  test("rejects a form loaded before another save", async () => {
    const loaded = await storedRevision();
    const original = await db.course.findUniqueOrThrow({ where: { slug: courseSlug } });
    const otherTab = { title: "Title from tab 2", description: original.description };
    await saveSettingsRequest(admin, {
      courseSlug,
      ...otherTab,
      acceptLate: original.acceptLate,
      revision: loaded,
    });
    const afterOtherTab = await db.course.findUniqueOrThrow({ where: { slug: courseSlug } });

    const result = await saveSettingsRequest(admin, {
      courseSlug,
      title: original.title,
      description: "Description from tab 1",
      acceptLate: original.acceptLate,
      revision: loaded,
    });

    const time = afterOtherTab.updatedAt.toISOString().slice(0, 16).replace("T", " ");
    expect(result).toEqual({
      status: "conflict",
      message:
        `The settings were changed since you opened them (course last saved ${time} UTC, in ` +
        "another tab, by another admin or by an import). Nothing was stored. Reload to see " +
        "the stored settings, then apply your edits again.",
    });
    const course = await db.course.findUniqueOrThrow({ where: { slug: courseSlug } });
    expect(course.title).toBe("Title from tab 2");
    expect(course.description).toBe(original.description);
  });

  test("rejects a request without a revision", async () => {
    const result = await saveSettingsRequest(admin, {
      courseSlug,
      title: "Renamed",
      description: "",
      acceptLate: false,
    });

    expect(result).toMatchObject({ status: "rejected" });
    const course = await db.course.findUniqueOrThrow({ where: { slug: courseSlug } });
    expect(course.title).not.toBe("Renamed");
  });
});

/** Returns the settings revision of the fixture's course as stored now. */
async function storedRevision(): Promise<string> {
  return courseSettingsRevision(await db.course.findUniqueOrThrow({ where: { slug: courseSlug } }));
}
