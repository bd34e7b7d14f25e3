import { describe, expect, test } from "vitest";

import { addMember, clearPasswordChangeRequired, resetMemberPassword } from "@sawtooth/db";

import { signIn, setUpAuthTestDatabase } from "@/testing/auth-requests";

import { readSessionState } from "./access";

const database = setUpAuthTestDatabase();

/** Creates a course with an admin and a student with a one-time password, and returns their ids. */
async function createCourse(name: string): Promise<{ courseId: string; studentId: string }> {
  const { db } = database.current;
  const course = await db.course.create({ data: { slug: name, title: name } });
  await db.user.create({ data: { id: `${name}-admin`, name, email: `${name}.admin@example.com` } });
  await db.membership.create({
    data: { courseId: course.id, userId: `${name}-admin`, role: "admin" },
  });
  const member = { email: `${name}@example.com`, name, role: "student" } as const;
  const added = await addMember(db, course.id, member);
  if (added.status !== "added") throw new Error(`Expected a new account, got ${added.status}.`);
  return { courseId: course.id, studentId: added.userId };
}

/**
 * Creates a course whose student no longer needs to replace a password and signs the student in.
 * Returns the session's cookies and a function that resets the student's password as the admin.
 */
async function signInWithOwnPassword(
  name: string,
): Promise<{ cookie: string; reset: () => Promise<string> }> {
  const { db } = database.current;
  const { courseId, studentId } = await createCourse(name);
  const reset = async () => {
    const adminId = `${name}-admin`;
    const result = await resetMemberPassword(db, { courseId, adminId, userId: studentId });
    if (result.status !== "reset") throw new Error(`Expected a reset, got ${result.status}.`);
    return result.password;
  };
  const password = await reset();
  await clearPasswordChangeRequired(db, studentId);
  return { cookie: await signIn(`${name}@example.com`, password), reset };
}

/** Headers of a page request to the app on 127.0.0.1, with the cookies given. */
function headersWith(cookie: string): Headers {
  return new Headers({ host: "127.0.0.1:3000", cookie });
}

describe("readSessionState", () => {
  test("returns the user of a stored session", async () => {
    const { cookie } = await signInWithOwnPassword("stored");

    const state = await readSessionState(headersWith(cookie));

    expect(state?.user.email).toBe("stored@example.com");
    expect(state?.passwordChangeRequired).toBe(false);
  });

  test("returns null without a session cookie", async () => {
    expect(await readSessionState(headersWith(""))).toBeNull();
  });

  test("returns null once a reset deleted the session", async () => {
    const { cookie, reset } = await signInWithOwnPassword("deleted");
    expect(await readSessionState(headersWith(cookie))).not.toBeNull();

    await reset();

    // better-auth's cookie copy of the session is still valid here, for up to five minutes.
    expect(await readSessionState(headersWith(cookie))).toBeNull();
  });

  test("flags a session signed in after a reset", async () => {
    // Reading the state before the reset is what a server process that already served the
    // user has done, whichever process then runs the reset.
    const { cookie, reset } = await signInWithOwnPassword("flagged");
    expect((await readSessionState(headersWith(cookie)))?.passwordChangeRequired).toBe(false);

    const oneTimePassword = await reset();
    const newCookie = await signIn("flagged@example.com", oneTimePassword);

    const state = await readSessionState(headersWith(newCookie));
    expect(state?.passwordChangeRequired).toBe(true);
  });
});
