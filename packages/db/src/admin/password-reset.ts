import { randomUUID } from "node:crypto";

import { hashPassword } from "better-auth/crypto";

import type { Database } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { clearSignInFailures } from "../sign-in-limit";
import { generateOneTimePassword, lockUser } from "./members";

type Transaction = Prisma.TransactionClient;

/** A request to reset a member's password: the course, the admin and the member. */
export interface PasswordReset {
  courseId: string;
  /** The admin of the course who requests the reset. */
  adminId: string;
  /** The member whose password is replaced. */
  userId: string;
}

/** Result of {@link resetMemberPassword}. */
export type PasswordResetResult =
  /**
   * `password` is the new one-time password; only its hash is stored, so show it now.
   * `unlocked` is false when the reset is stored but clearing the email's failed sign-ins
   * failed, so the member may still be locked out for up to the limit's window.
   */
  | { status: "reset"; password: string; unlocked: boolean }
  /** The user is not a member of the course. */
  | { status: "not-found" }
  /** The admin asked to reset their own password, which they change on the password form. */
  | { status: "own-account" }
  /** The user is also a member of a course that the admin does not administer. */
  | { status: "member-elsewhere" };

/**
 * Replaces a course member's password with a new one-time password, requires its replacement at
 * the next sign-in and deletes all of the member's sessions, so they are signed out everywhere.
 * It also clears the failed sign-ins of the member's email from every address, so a member whom
 * failures lock out can sign in with the new password at once.
 *
 * Anyone who has the one-time password can act as the member, so an admin may reset only an
 * account whose every membership is in a course that this admin administers: taking it over
 * then reaches nothing the admin cannot reach already. A tutor or admin elsewhere, or a student
 * of another admin's course, is rejected with `member-elsewhere`.
 */
export async function resetMemberPassword(
  db: Database,
  reset: PasswordReset,
): Promise<PasswordResetResult> {
  if (reset.userId === reset.adminId) {
    return { status: "own-account" };
  }
  const password = generateOneTimePassword();
  // Hashing takes tens of milliseconds, so it happens before the transaction opens.
  const hash = await hashPassword(password);
  type Outcome =
    | Exclude<PasswordResetResult, { status: "reset" }>
    | { status: "reset"; password: string; email: string };
  const result = await db.$transaction(async (tx): Promise<Outcome> => {
    await lockUser(tx, reset.userId);
    const rejection = await checkResettable(tx, reset);
    if (rejection !== null) {
      return rejection;
    }
    await replaceCredential(tx, reset.userId, hash);
    const user = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordChangeRequired: true },
      select: { email: true },
    });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    return { status: "reset", password, email: user.email };
  });
  if (result.status !== "reset") {
    return result;
  }
  // Cleared after the commit, so that the transaction holding the user's lock does not also
  // wait for sign-ins that lock the failures.
  // The reset is stored, so its password must reach the admin even when this clearing fails.
  const unlocked = await clearSignInFailures(db, result.email).then(
    () => true,
    () => false,
  );
  return { status: "reset", password: result.password, unlocked };
}

/** Returns why the admin may not reset the member's password, or null when they may. */
async function checkResettable(
  tx: Transaction,
  { courseId, adminId, userId }: PasswordReset,
): Promise<Exclude<PasswordResetResult, { status: "reset" }> | null> {
  const membership = await tx.membership.findUnique({
    where: { userId_courseId: { userId, courseId } },
    select: { id: true },
  });
  if (membership === null) {
    return { status: "not-found" };
  }
  const outside = await tx.membership.count({
    where: { userId, course: { memberships: { none: { userId: adminId, role: "admin" } } } },
  });
  return outside > 0 ? { status: "member-elsewhere" } : null;
}

/**
 * Stores the password hash in the user's "credential" account, creating the account as
 * better-auth's sign-up does when the user has none.
 */
async function replaceCredential(tx: Transaction, userId: string, hash: string): Promise<void> {
  const updated = await tx.account.updateMany({
    where: { userId, providerId: "credential" },
    data: { password: hash },
  });
  if (updated.count === 0) {
    await tx.account.create({
      data: {
        id: randomUUID(),
        accountId: userId,
        providerId: "credential",
        userId,
        password: hash,
      },
    });
  }
}
