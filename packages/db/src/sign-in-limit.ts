import type { Database } from "./client";

/** How many failed sign-ins each email address and each client address may have in a window. */
export interface SignInLimit {
  perEmail: number;
  perAddress: number;
  windowMs: number;
}

/** The keys a sign-in is counted by: the typed email address and the client's network address. */
export interface SignInKeys {
  /** Trimmed and in lower case, as the account's email is stored. */
  email: string;
  address: string;
}

/** Result of {@link beginSignIn}. */
export type SignInStart =
  | { status: "allowed"; failureIds: { email: string; address: string } }
  | { status: "limited"; limitedBy: "email" | "address"; retryAt: Date };

/** Result of counting a sign-in against one key. */
type KeyDecision = { allowed: true; failureId: string } | { allowed: false; retryAt: Date };

/**
 * Counts a sign-in against its email and its client address before the password is checked:
 * it is allowed when each key has fewer failures than its limit in the window that ends at
 * `now`, and is then stored as a failure of both keys, which {@link recordSignInSuccess}
 * deletes if the password is right. Counting first means that sign-ins sent at the same time
 * cannot check more passwords than the limit. A rejected sign-in is not counted, so a lockout
 * ends one window after the failure that started it, and retryAt is that time.
 *
 * Each key is counted in its own transaction, so no transaction holding one key's row lock waits
 * for another's, which rules out deadlocks between sign-ins. Keys idle for a whole window are
 * deleted afterwards.
 */
export async function beginSignIn(
  db: Database,
  keys: SignInKeys,
  limit: SignInLimit,
  now: Date,
): Promise<SignInStart> {
  const email = await countSignIn(db, `email:${keys.email}`, limit.perEmail, limit.windowMs, now);
  if (!email.allowed) {
    return { status: "limited", limitedBy: "email", retryAt: email.retryAt };
  }
  const addressKey = `address:${keys.address}`;
  const address = await countSignIn(db, addressKey, limit.perAddress, limit.windowMs, now);
  if (!address.allowed) {
    await db.signInFailure.deleteMany({ where: { id: email.failureId } });
    return { status: "limited", limitedBy: "address", retryAt: address.retryAt };
  }

  await pruneSignInKeys(db, limit.windowMs, now);
  return { status: "allowed", failureIds: { email: email.failureId, address: address.failureId } };
}

/**
 * Clears the failures of the email of a successful sign-in, and removes that sign-in from its
 * address's count. The address keeps its other failures, so signing in to one's own account
 * does not reset the count of guesses at other accounts from the same address.
 */
export async function recordSignInSuccess(
  db: Database,
  keys: SignInKeys,
  started: Extract<SignInStart, { status: "allowed" }>,
): Promise<void> {
  await db.signInFailure.deleteMany({
    where: { OR: [{ key: `email:${keys.email}` }, { id: started.failureIds.address }] },
  });
}

async function countSignIn(
  db: Database,
  key: string,
  maxFailures: number,
  windowMs: number,
  now: Date,
): Promise<KeyDecision> {
  const windowStart = new Date(now.getTime() - windowMs);
  return db.$transaction(async (tx) => {
    // Written first, to take the key's lock before anything is read.
    await tx.signInKey.upsert({
      where: { key },
      create: { key, lastAttemptAt: now },
      update: { lastAttemptAt: now },
    });
    await tx.signInFailure.deleteMany({ where: { key, at: { lte: windowStart } } });
    const count = await tx.signInFailure.count({ where: { key } });

    if (count < maxFailures) {
      const failure = await tx.signInFailure.create({
        data: { key, at: now },
        select: { id: true },
      });
      return { allowed: true, failureId: failure.id };
    }

    // The next sign-in is allowed once all but maxFailures - 1 failures have left the window.
    // More than maxFailures are stored only after the limit was lowered.
    const freeing = await tx.signInFailure.findFirstOrThrow({
      where: { key },
      orderBy: { at: "asc" },
      skip: count - maxFailures,
      select: { at: true },
    });
    return { allowed: false, retryAt: new Date(freeing.at.getTime() + windowMs) };
  });
}

/** Deletes the keys, and with them the failures, of which no sign-in was counted in a window. */
async function pruneSignInKeys(db: Database, windowMs: number, now: Date): Promise<void> {
  const idleSince = new Date(now.getTime() - windowMs);
  await db.signInKey.deleteMany({ where: { lastAttemptAt: { lte: idleSince } } });
}
