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

/** The password-change flag of a stored session's user. */
export interface StoredSession {
  passwordChangeRequired: boolean;
}

/**
 * Returns the flag of the user whose session `sessionId` is, or null when the database no longer
 * stores that session: its user signed out, or a password change or reset ended it. One query
 * checks both, so a session ended in another server process is seen at once.
 */
export async function findStoredSession(
  db: Database,
  userId: string,
  sessionId: string,
): Promise<StoredSession | null> {
  return db.user.findFirst({
    where: { id: userId, sessions: { some: { id: sessionId } } },
    select: { passwordChangeRequired: true },
  });
}
