import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { findApiToken, listApiTokens } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from "@/lib/password-rules";
import { createCourseFixture, FIXTURE } from "@/testing/course-fixture";

import { createTokenRequest, revokeTokenRequest } from "./token-management";

let testDatabase: TestDatabase;
const NOW = new Date("2027-01-15T12:00:00Z");

beforeEach(async () => {
  testDatabase = createTestDatabase();
  await createCourseFixture(testDatabase.db);
});

afterEach(async () => {
  await testDatabase.remove();
});

function contextOf(userId: string | null) {
  return { db: testDatabase.db, userId, now: NOW };
}

describe("createTokenRequest", () => {
  test("creates a token that expires after the chosen days", async () => {
    const result = await createTokenRequest(contextOf(FIXTURE.student), {
      name: "  notebook ",
      lifetime: "30",
    });

    expect(result).toMatchObject({ status: "created", name: "notebook" });
    if (result.status !== "created") return;
    expect(result.expiresAt).toBe("2027-02-14T12:00:00.000Z");
    const stored = await findApiToken(testDatabase.db, result.token);
    expect(stored).toMatchObject({
      userId: FIXTURE.student,
      expiresAt: new Date(result.expiresAt!),
    });
  });

  test("creates a token without expiry", async () => {
    const result = await createTokenRequest(contextOf(FIXTURE.student), {
      name: "forever",
      lifetime: "never",
    });

    expect(result).toMatchObject({ status: "created", expiresAt: null });
  });

  test("rejects a user with a one-time password", async () => {
    await testDatabase.db.user.update({
      where: { id: FIXTURE.student },
      data: { passwordChangeRequired: true },
    });

    const result = await createTokenRequest(contextOf(FIXTURE.student), {
      name: "notebook",
      lifetime: "30",
    });

    expect(result).toEqual({
      status: "rejected",
      message: PASSWORD_CHANGE_REQUIRED_MESSAGE,
    });
    expect(await testDatabase.db.apiToken.count()).toBe(0);
  });

  test.each([
    ["an empty name", { name: "   ", lifetime: "30" }],
    ["an unknown lifetime", { name: "x", lifetime: "1000" }],
    ["a long name", { name: "x".repeat(101), lifetime: "30" }],
  ])("rejects %s", async (_name, request) => {
    const result = await createTokenRequest(contextOf(FIXTURE.student), request);

    expect(result.status).toBe("rejected");
    expect(await testDatabase.db.apiToken.count()).toBe(0);
  });

  test("rejects a signed-out request", async () => {
    const result = await createTokenRequest(contextOf(null), { name: "x", lifetime: "30" });

    expect(result).toMatchObject({
      status: "rejected",
      reason: "signed-out",
      message: /signed out/,
    });
  });
});

describe("revokeTokenRequest", () => {
  test("revokes the user's own token", async () => {
    await createTokenRequest(contextOf(FIXTURE.student), { name: "a", lifetime: "7" });
    const [token] = await listApiTokens(testDatabase.db, FIXTURE.student);

    const result = await revokeTokenRequest(contextOf(FIXTURE.student), { tokenId: token!.id });

    expect(result).toEqual({ status: "revoked" });
    const [revoked] = await listApiTokens(testDatabase.db, FIXTURE.student);
    expect(revoked!.revokedAt).toEqual(NOW);
  });

  test("does not revoke another user's token", async () => {
    await createTokenRequest(contextOf(FIXTURE.student), { name: "a", lifetime: "7" });
    const [token] = await listApiTokens(testDatabase.db, FIXTURE.student);

    const result = await revokeTokenRequest(contextOf(FIXTURE.otherStudent), {
      tokenId: token!.id,
    });

    expect(result.status).toBe("rejected");
    const [unchanged] = await listApiTokens(testDatabase.db, FIXTURE.student);
    expect(unchanged!.revokedAt).toBeNull();
  });

  test("rejects a signed-out request", async () => {
    await createTokenRequest(contextOf(FIXTURE.student), { name: "a", lifetime: "7" });
    const [token] = await listApiTokens(testDatabase.db, FIXTURE.student);

    const result = await revokeTokenRequest(contextOf(null), { tokenId: token!.id });

    expect(result.status).toBe("rejected");
    const [unchanged] = await listApiTokens(testDatabase.db, FIXTURE.student);
    expect(unchanged!.revokedAt).toBeNull();
  });
});
