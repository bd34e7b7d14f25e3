import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { courseSettingsRevision } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { createCourseFixture, FIXTURE, readExerciseFile } from "@/testing/course-fixture";

import { NOT_ADMIN_MESSAGE, type AdminContext } from "./admin-access";
import { checkCourseImport, importCourseFiles } from "./course-import";
import { saveExercise, setVisibility } from "./exercise-editor";
import { deleteExerciseRequest, moveExerciseRequest } from "./exercise-list";
import { exportCourseArchive, exportExerciseFile } from "./export";
import {
  addMemberRequest,
  changeRoleRequest,
  importRosterRequest,
  removeMemberRequest,
  resetPasswordRequest,
} from "./members";
import { previewSubmission } from "./preview-grading";
import { applyRegradeRequest, previewRegrade } from "./regrade";
import { saveSettingsRequest } from "./settings";

let testDatabase: TestDatabase;

const ADMIN = FIXTURE.admin;
const OTHER_ADMIN = FIXTURE.otherCourseAdmin;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  await createCourseFixture(testDatabase.db);
});

afterEach(async () => {
  await testDatabase.remove();
});

function contextOf(userId: string | null): AdminContext {
  return { db: testDatabase.db, userId, now: new Date("2027-01-15T12:00:00Z") };
}

const course = { courseSlug: FIXTURE.courseSlug };
const newExercise = readExerciseFile("tent-h2").replace('"id": "tent-h2"', '"id": "tent-copy"');

/**
 * Every admin action with a valid request that changes the course when an admin sends it, or
 * that grades for an admin without storing (previewRegrade, previewSubmission).
 */
const ACTIONS = {
  saveExercise: (c: AdminContext) =>
    saveExercise(c, { ...course, exerciseSlug: null, definition: newExercise, dueDate: "" }),
  setVisibility: (c: AdminContext) =>
    setVisibility(c, { ...course, exerciseSlug: "tent-h3", visible: true }),
  moveExercise: (c: AdminContext) =>
    moveExerciseRequest(c, { ...course, exerciseSlug: "tent-h2", direction: "down" }),
  deleteExercise: (c: AdminContext) =>
    deleteExerciseRequest(c, { ...course, exerciseSlug: "tent-h3" }),
  previewRegrade: (c: AdminContext) =>
    previewRegrade(c, { ...course, exerciseSlug: "tent-h2", version: 1 }),
  previewSubmission: (c: AdminContext) =>
    previewSubmission(c, { ...course, exerciseSlug: "tent-h3", submission: "{}" }),
  applyRegrade: (c: AdminContext) =>
    applyRegradeRequest(c, { ...course, exerciseSlug: "tent-h2", version: 1, keepOverrides: true }),
  checkCourseImport: (c: AdminContext) =>
    checkCourseImport(c, { ...course, files: [{ name: "tent-copy.json", text: newExercise }] }),
  importCourseFiles: async (c: AdminContext) => {
    const files = [{ name: "tent-copy.json", text: newExercise }];
    // The admin's own check supplies a revision, so a refused import is refused for its user.
    const checked = await checkCourseImport(contextOf(ADMIN), { ...course, files });
    const revision = checked.status === "planned" ? checked.plan.revision : "";
    return importCourseFiles(c, { ...course, files, revision });
  },
  addMember: (c: AdminContext) =>
    addMemberRequest(c, { ...course, email: "new@example.com", name: "New", role: "student" }),
  changeRole: (c: AdminContext) =>
    changeRoleRequest(c, { ...course, userId: FIXTURE.student, role: "tutor" }),
  removeMember: (c: AdminContext) => removeMemberRequest(c, { ...course, userId: FIXTURE.student }),
  resetPassword: (c: AdminContext) =>
    resetPasswordRequest(c, { ...course, userId: FIXTURE.student }),
  importRoster: (c: AdminContext) =>
    importRosterRequest(c, { ...course, csv: "email,name,role\nnew@example.com,New,student\n" }),
  saveSettings: async (c: AdminContext) => {
    const stored = await c.db.course.findUniqueOrThrow({ where: { slug: course.courseSlug } });
    const revision = courseSettingsRevision(stored);
    const settings = { title: "Renamed", description: "", acceptLate: true };
    return saveSettingsRequest(c, { ...course, ...settings, revision });
  },
};

const REFUSED = [
  ["a signed-out visitor", null],
  ["a student", FIXTURE.student],
  ["a tutor", FIXTURE.tutor],
  ["an admin of another course", OTHER_ADMIN],
] as const;

/** Counts of the rows an admin action may write, to show a refused request wrote nothing. */
async function snapshot() {
  const { db } = testDatabase;
  return {
    users: await db.user.findMany({ orderBy: { id: "asc" } }),
    accounts: await db.account.findMany({ orderBy: { id: "asc" } }),
    memberships: await db.membership.findMany({ orderBy: { id: "asc" } }),
    exercises: await db.exercise.findMany({ orderBy: { id: "asc" } }),
    versions: await db.exerciseVersion.count(),
    runs: await db.regradeRun.count(),
    attempts: await db.attempt.count(),
    course: await db.course.findUniqueOrThrow({ where: { id: FIXTURE.course } }),
  };
}

describe("admin actions refuse non-admins", () => {
  for (const [action, run] of Object.entries(ACTIONS)) {
    test.each(REFUSED)(`${action} refuses %s`, async (_name, userId) => {
      const before = await snapshot();

      const result = await run(contextOf(userId));

      expect(result).toEqual({ status: "rejected", message: NOT_ADMIN_MESSAGE });
      expect(await snapshot()).toEqual(before);
    });

    test(`${action} serves the course's admin`, async () => {
      const result = await run(contextOf(ADMIN));
      expect(result.status).not.toBe("rejected");
    });
  }
});

describe("admin routes refuse non-admins", () => {
  const ROUTES = {
    exportExerciseFile: (c: AdminContext) => exportExerciseFile(c, FIXTURE.courseSlug, "tent-h2"),
    exportCourseArchive: (c: AdminContext) => exportCourseArchive(c, FIXTURE.courseSlug),
  };
  for (const [route, run] of Object.entries(ROUTES)) {
    test.each(REFUSED)(`${route} answers 404 to %s`, async (_name, userId) => {
      const response = await run(contextOf(userId));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found.");
    });

    test(`${route} serves the course's admin`, async () => {
      const response = await run(contextOf(ADMIN));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    });
  }
});
