import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from "@/lib/password-rules";
import {
  createCourseFixture,
  FIXTURE,
  storedRevision,
  TENT_H2_WRONG,
} from "@/testing/course-fixture";

import { checkCourseImport, importCourseFiles } from "./admin/course-import";
import { saveExercise, setVisibility } from "./admin/exercise-editor";
import { exportCourseArchive, exportExerciseFile } from "./admin/export";
import {
  addMemberRequest,
  changeRoleRequest,
  importRosterRequest,
  removeMemberRequest,
} from "./admin/members";
import { applyRegradeRequest, previewRegrade } from "./admin/regrade";
import { saveSettingsRequest } from "./admin/settings";
import {
  addCommentRequest,
  deleteCommentRequest,
  editCommentRequest,
  overrideScoreRequest,
} from "./review/attempt-review";
import { gradebookCsvResponse } from "./review/gradebook-csv";
import { submitAttempt } from "./submissions";
import { createTokenRequest, revokeTokenRequest } from "./token-management";

let testDatabase: TestDatabase;
let db: Database;

const NOW = new Date("2027-01-15T12:00:00Z");
const courseSlug = FIXTURE.courseSlug;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  db = testDatabase.db;
  await createCourseFixture(db);
});

afterEach(async () => {
  await testDatabase.remove();
});

/** The context `getRequestUser` gives a signed-in user who must replace a one-time password. */
function blockedContext() {
  return { db, userId: null, passwordChangeRequired: true, now: NOW };
}

const rejected = { status: "rejected", message: PASSWORD_CHANGE_REQUIRED_MESSAGE };

describe("actions of a user with a one-time password", () => {
  test("submit names the password form", async () => {
    const request = {
      courseSlug,
      exerciseId: "tent-h2",
      submission: JSON.stringify(TENT_H2_WRONG),
    };

    const result = await submitAttempt(blockedContext(), request);

    expect(result).toEqual({ ...rejected, reason: "password-change-required" });
    expect(await db.attempt.count()).toBe(0);
  });

  test("token forms name the password form", async () => {
    const created = await createTokenRequest(blockedContext(), { name: "n", lifetime: "30" });
    const revoked = await revokeTokenRequest(blockedContext(), { tokenId: "any" });

    expect(created).toEqual(rejected);
    expect(revoked).toEqual(rejected);
    expect(await db.apiToken.count()).toBe(0);
  });

  test("review forms name the password form", async () => {
    const attempt = { courseSlug, attemptId: "any" };

    const results = [
      await addCommentRequest(blockedContext(), { ...attempt, body: "Hello" }),
      await editCommentRequest(blockedContext(), { ...attempt, commentId: "c", body: "Hello" }),
      await deleteCommentRequest(blockedContext(), { ...attempt, commentId: "c" }),
      await overrideScoreRequest(blockedContext(), { ...attempt, percent: "50", reason: "R" }),
    ];

    expect(results).toEqual([rejected, rejected, rejected, rejected]);
  });

  test("admin actions name the password form", async () => {
    const member = { courseSlug, userId: FIXTURE.student };
    const version = { courseSlug, exerciseSlug: "tent-h2", version: 1 };

    const results = [
      await saveExercise(blockedContext(), {
        courseSlug,
        exerciseSlug: "tent-h2",
        definition: "{}",
        dueDate: "",
        revision: await storedRevision(db, "tent-h2"),
      }),
      await setVisibility(blockedContext(), { courseSlug, exerciseSlug: "tent-h2", visible: true }),
      await checkCourseImport(blockedContext(), {
        courseSlug,
        files: [{ name: "a.json", text: "" }],
      }),
      await importCourseFiles(blockedContext(), {
        courseSlug,
        files: [{ name: "a.json", text: "" }],
        revision: "r",
      }),
      await addMemberRequest(blockedContext(), {
        courseSlug,
        email: "new@example.com",
        name: "New",
        role: "admin",
      }),
      await changeRoleRequest(blockedContext(), { ...member, role: "admin" }),
      await removeMemberRequest(blockedContext(), member),
      await importRosterRequest(blockedContext(), { courseSlug, csv: "email\nx@example.com" }),
      await saveSettingsRequest(blockedContext(), {
        courseSlug,
        title: "Taken over",
        description: "",
        acceptLate: true,
        revision: "any",
      }),
      await previewRegrade(blockedContext(), version),
      await applyRegradeRequest(blockedContext(), { ...version, keepOverrides: true }),
    ];

    for (const result of results) expect(result).toEqual(rejected);
    expect(await db.membership.count({ where: { role: "admin" } })).toBe(2);
    const course = await db.course.findUniqueOrThrow({ where: { id: FIXTURE.course } });
    expect(course.title).not.toBe("Taken over");
  });

  test("downloads answer 403 with the message", async () => {
    const responses = [
      await exportExerciseFile(blockedContext(), courseSlug, "tent-h2"),
      await exportCourseArchive(blockedContext(), courseSlug),
      await gradebookCsvResponse(blockedContext(), courseSlug),
    ];

    for (const response of responses) {
      expect(response.status).toBe(403);
      expect(await response.text()).toBe(PASSWORD_CHANGE_REQUIRED_MESSAGE);
    }
  });
});
