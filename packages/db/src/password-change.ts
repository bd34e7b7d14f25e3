import type { Database } from "./client";

/**
 * Checks whether a user signed in with a one-time password that an admin handed over and so
 * must choose a new password first. A missing user needs no change.
 */
export async function isPasswordChangeRequired(db: Database, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { passwordChangeRequired: true },
  });
  return user?.passwordChangeRequired ?? false;
}

/** Records that a user has replaced their one-time password with one of their own. */
export async function clearPasswordChangeRequired(db: Database, userId: string): Promise<void> {
  await db.user.updateMany({
    where: { id: userId, passwordChangeRequired: true },
    data: { passwordChangeRequired: false },
  });
}
