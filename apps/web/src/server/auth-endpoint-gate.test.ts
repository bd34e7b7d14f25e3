import { beforeAll, describe, expect, test } from "vitest";

import { addMember, clearPasswordChangeRequired } from "@sawtooth/db";

import { sendAuthRequest, signIn, setUpAuthTestDatabase } from "@/testing/auth-requests";

const database = setUpAuthTestDatabase();

let courseId: string;

beforeAll(async () => {
  const course = await database.current.db.course.create({ data: { slug: "c1", title: "C1" } });
  courseId = course.id;
});

/** Adds a student with a one-time password, signs them in and returns the session's cookies. */
async function signInNewStudent(name: string): Promise<{ cookie: string; password: string }> {
  const member = { email: `${name}@example.com`, name, role: "student" } as const;
  const added = await addMember(database.current.db, courseId, member);
  if (added.status !== "added" || added.password === null) {
    throw new Error(`Expected a new account for ${name}, got ${added.status}.`);
  }
  const cookie = await signIn(member.email, added.password);
  return { cookie, password: added.password };
}

async function userNamed(name: string) {
  return database.current.db.user.findUniqueOrThrow({ where: { email: `${name}@example.com` } });
}

/** Adds a student who has replaced the one-time password and returns the session's cookies. */
async function signInSettledStudent(name: string): Promise<{ cookie: string; password: string }> {
  const signedIn = await signInNewStudent(name);
  await clearPasswordChangeRequired(database.current.db, (await userNamed(name)).id);
  return signedIn;
}

/** Counts the sessions stored for the user with the given name. */
async function sessionCount(name: string): Promise<number> {
  const user = await userNamed(name);
  return database.current.db.session.count({ where: { userId: user.id } });
}

describe("/api/auth endpoints the app does not offer", () => {
  let offeredCount = 0;

  test.each([
    ["update-user with a name", "/update-user", { name: "Demo Tutor" }],
    ["update-user with an image", "/update-user", { image: "javascript:alert(1)" }],
    ["change-email", "/change-email", { newEmail: "taken.over@example.com" }],
    ["delete-user", "/delete-user", {}],
    ["better-auth's health check", "/ok", undefined],
    ["an endpoint that does not exist", "/no-such-endpoint", undefined],
    ["a listed endpoint in other case", "/Get-Session", undefined],
  ])("rejects %s with 403 for every user", async (_case, endpoint, body) => {
    for (const settled of [false, true]) {
      offeredCount += 1;
      const name = `not-offered-${offeredCount}`;
      const { cookie } = settled ? await signInSettledStudent(name) : await signInNewStudent(name);
      const before = await userNamed(name);
      const sessions = await sessionCount(name);

      const response = await sendAuthRequest(endpoint, { cookie, body });

      expect(response.status).toBe(403);
      const answer = (await response.json()) as { code: string; message: string };
      expect(answer.code).toBe("ENDPOINT_NOT_OFFERED");
      expect(answer.message).toContain(`/api/auth${endpoint}`);
      expect(await userNamed(name)).toEqual(before);
      expect(await sessionCount(name)).toBe(sessions);
    }
  });
});

describe("/api/auth before the one-time password is replaced", () => {
  test.each([
    ["list-sessions", "/list-sessions", undefined],
    ["revoke-sessions", "/revoke-sessions", {}],
    ["revoke-other-sessions", "/revoke-other-sessions", {}],
  ])("rejects %s with 403", async (_case, endpoint, body) => {
    const name = `rejected-${endpoint.slice(1)}`;
    const { cookie } = await signInNewStudent(name);
    const sessions = await sessionCount(name);

    const response = await sendAuthRequest(endpoint, { cookie, body });

    expect(response.status).toBe(403);
    const answer = (await response.json()) as { code: string; message: string };
    expect(answer.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(answer.message).toContain("/account/password");
    expect(await sessionCount(name)).toBe(sessions);
  });

  test("passes get-session", async () => {
    const { cookie } = await signInNewStudent("reads-session");

    const response = await sendAuthRequest("/get-session", { cookie });

    expect(response.status).toBe(200);
    const answer = (await response.json()) as { user: { email: string } };
    expect(answer.user.email).toBe("reads-session@example.com");
  });

  test("lets the user sign in again and sign out", async () => {
    const { password } = await signInNewStudent("signs-out");
    const cookie = await signIn("signs-out@example.com", password);

    const response = await sendAuthRequest("/sign-out", { cookie, body: {} });

    expect(response.status).toBe(200);
    expect(await sessionCount("signs-out")).toBe(1);
  });

  test("returns no session after sign-out", async () => {
    const { cookie } = await signInNewStudent("replays");
    expect((await sendAuthRequest("/sign-out", { cookie, body: {} })).status).toBe(200);

    // The old cookie, replayed as a script or a stale tab would, names a session that is gone.
    const response = await sendAuthRequest("/get-session", { cookie });

    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
  });

  test("rejects a direct password change", async () => {
    const { cookie, password } = await signInNewStudent("changes");
    const body = { currentPassword: password, newPassword: password };

    const response = await sendAuthRequest("/change-password", { cookie, body });

    expect(response.status).toBe(403);
    const answer = (await response.json()) as { code: string; message: string };
    expect(answer.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(answer.message).toContain("/account/password");
    expect((await userNamed("changes")).passwordChangeRequired).toBe(true);
    await expect(signIn("changes@example.com", password)).resolves.toContain("=");
  });
});

describe("/api/auth after the one-time password is replaced", () => {
  test("lists the user's sessions", async () => {
    const { cookie } = await signInSettledStudent("lists");

    const response = await sendAuthRequest("/list-sessions", { cookie });

    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(1);
  });

  test("revokes the user's other sessions", async () => {
    const { cookie, password } = await signInSettledStudent("revokes");
    await signIn("revokes@example.com", password);
    expect(await sessionCount("revokes")).toBe(2);

    const response = await sendAuthRequest("/revoke-other-sessions", { cookie, body: {} });

    expect(response.status).toBe(200);
    expect(await sessionCount("revokes")).toBe(1);
  });

  test("rejects a signed-out session's cookie", async () => {
    const { cookie, password } = await signInSettledStudent("signed-out-revokes");
    await signIn("signed-out-revokes@example.com", password);
    expect((await sendAuthRequest("/sign-out", { cookie, body: {} })).status).toBe(200);

    const listed = await sendAuthRequest("/list-sessions", { cookie });
    const revoked = await sendAuthRequest("/revoke-sessions", { cookie, body: {} });

    expect(listed.status).toBe(401);
    expect(revoked.status).toBe(401);
    const answer = (await revoked.json()) as { code: string; message: string };
    expect(answer.message).toContain("Sign in again");
    expect(await sessionCount("signed-out-revokes")).toBe(1);
  });

  test("changes the password", async () => {
    const { cookie, password } = await signInSettledStudent("settled-changes");
    const body = { currentPassword: password, newPassword: "a-new-password-0123" };

    const response = await sendAuthRequest("/change-password", { cookie, body });

    expect(response.status).toBe(200);
    await expect(signIn("settled-changes@example.com", body.newPassword)).resolves.toContain("=");
  });
});
