import type { Database } from "./client";

/**
 * How many failed sign-ins are allowed in a window: per pair of email and client address, per
 * client address over all emails, and per email over all addresses.
 */
export interface SignInLimit {
  perPair: number;
  perAddress: number;
  perEmail: number;
  windowMs: number;
}

/** The keys a sign-in is counted by: the typed email address and the client's network address. */
export interface SignInKeys {
  /** Trimmed and in lower case, as the account's email is stored. */
  email: string;
  address: string;
}

/** The limit that rejected a sign-in: the pair's, the address's, or the email's over all addresses. */
export type SignInLimitedBy = "pair" | "address" | "email";

/** Result of {@link beginSignIn}. */
export type SignInStart =
  | { status: "allowed"; failureIds: string[] }
  | { status: "limited"; limitedBy: SignInLimitedBy; retryAt: Date };

/** Result of counting a sign-in against one key. */
type KeyDecision = { allowed: true; failureId: string } | { allowed: false; retryAt: Date };

/**
 * Returns the start of the keys of an email's pairs. The email is written as a JSON string, which
 * ends at its first unescaped quote, so no other email's keys share this start.
 */
function pairKeyPrefix(email: string): string {
  return `pair:${JSON.stringify(email)}:`;
}

function pairKey(keys: SignInKeys): string {
  return pairKeyPrefix(keys.email) + keys.address;
}

/**
 * Counts a sign-in against its pair of email and client address, its address and its email
 * before the password is checked: it is allowed when each key has fewer failures than its limit
 * in the window that ends at `now`, and is then stored as a failure of all three keys, which
 * {@link recordSignInSuccess} or {@link cancelSignIn} deletes when the password was right or was
 * not checked. Counting first means that sign-ins sent at the same time cannot check more
 * passwords than the limit. A rejected sign-in is not counted, so a lockout ends one window after
 * the failure that started it, and retryAt is that time.
 *
 * The pair's limit is the low one, so guesses from one address lock that address out of the
 * account but not its owner elsewhere. The email's own limit is far higher and stops guessing
 * spread over many addresses.
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
  const checks: [SignInLimitedBy, string, number][] = [
    ["pair", pairKey(keys), limit.perPair],
    ["address", `address:${keys.address}`, limit.perAddress],
    ["email", `email:${keys.email}`, limit.perEmail],
  ];
  const failureIds: string[] = [];
  for (const [limitedBy, key, maxFailures] of checks) {
    const decision = await countSignIn(db, key, maxFailures, limit.windowMs, now);
    if (!decision.allowed) {
      await db.signInFailure.deleteMany({ where: { id: { in: failureIds } } });
      return { status: "limited", limitedBy, retryAt: decision.retryAt };
    }
    failureIds.push(decision.failureId);
  }

  await pruneSignInKeys(db, limit.windowMs, now);
  return { status: "allowed", failureIds };
}

/**
 * Clears the failures of the pair of a successful sign-in, and removes that sign-in from the
 * counts of its address and its email. The address keeps its other failures, so signing in to
 * one's own account does not reset the count of guesses at other accounts from the same
 * address, and the email keeps the failures from other addresses.
 */
export async function recordSignInSuccess(
  db: Database,
  keys: SignInKeys,
  started: Extract<SignInStart, { status: "allowed" }>,
): Promise<void> {
  await db.signInFailure.deleteMany({
    where: { OR: [{ key: pairKey(keys) }, { id: { in: started.failureIds } }] },
  });
}

/**
 * Removes a sign-in that checked no password from all counts, such as one that better-auth's
 * own limiter turned away.
 */
export async function cancelSignIn(
  db: Database,
  started: Extract<SignInStart, { status: "allowed" }>,
): Promise<void> {
  await db.signInFailure.deleteMany({ where: { id: { in: started.failureIds } } });
}

/**
 * Clears all failed sign-ins of an email, from every address, so that its owner can sign in at
 * once. The addresses keep their counts.
 */
export async function clearSignInFailures(db: Database, email: string): Promise<void> {
  const prefix = pairKeyPrefix(email.trim().toLowerCase());
  // A database may read "_" and "%" in the prefix as wildcards, or ignore case, so the keys
  // found are checked again here.
  const pairs = await db.signInKey.findMany({
    where: { key: { startsWith: prefix } },
    select: { key: true },
  });
  const keys = pairs.map(({ key }) => key).filter((key) => key.startsWith(prefix));
  await db.signInFailure.deleteMany({
    where: { key: { in: [`email:${email.trim().toLowerCase()}`, ...keys] } },
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
