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

describe("/api/auth before the one-time password is replaced", () => {
  test.each([
    ["update-user", "/update-user", { name: "Renamed" }],
    ["change-email", "/change-email", { newEmail: "taken.over@example.com" }],
    ["list-sessions", "/list-sessions", undefined],
    ["revoke-sessions", "/revoke-sessions", {}],
    ["an endpoint that does not exist", "/no-such-endpoint", undefined],
  ])("rejects %s with 403", async (_name, endpoint, body) => {
    const name = `rejected-${endpoint.slice(1)}`;
    const { cookie } = await signInNewStudent(name);
    const before = await userNamed(name);
    const sessions = await database.current.db.session.count({ where: { userId: before.id } });

    const response = await sendAuthRequest(endpoint, { cookie, body });

    expect(response.status).toBe(403);
    const answer = (await response.json()) as { code: string; message: string };
    expect(answer.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(answer.message).toContain("/account/password");
    expect(await userNamed(name)).toEqual(before);
    expect(await database.current.db.session.count({ where: { userId: before.id } })).toBe(
      sessions,
    );
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
    const user = await userNamed("signs-out");

    const response = await sendAuthRequest("/sign-out", { cookie, body: {} });

    expect(response.status).toBe(200);
    expect(await database.current.db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  test("rejects a direct password change", async () => {
    const { cookie, password } = await signInNewStudent("changes");
    const body = { currentPassword: password, newPassword: password };

    const response = await sendAuthRequest("/change-password", { cookie, body });

    expect(response.status).toBe(403);
    const answer = (await response.json()) as { code: string; message: string };
    expect(answer.message).toContain("/account/password");
    expect((await userNamed("changes")).passwordChangeRequired).toBe(true);
    await expect(signIn("changes@example.com", password)).resolves.toContain("=");
  });
});

describe("/api/auth after the one-time password is replaced", () => {
  test("lets the user rename the account", async () => {
    const { cookie } = await signInNewStudent("renames");
    await clearPasswordChangeRequired(database.current.db, (await userNamed("renames")).id);

    const response = await sendAuthRequest("/update-user", { cookie, body: { name: "Renamed" } });

    expect(response.status).toBe(200);
    expect((await userNamed("renames")).name).toBe("Renamed");
  });

  test("lists the user's sessions", async () => {
    const { cookie } = await signInNewStudent("lists");
    await clearPasswordChangeRequired(database.current.db, (await userNamed("lists")).id);

    const response = await sendAuthRequest("/list-sessions", { cookie });

    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(1);
  });
});
