import { randomBytes, randomUUID } from "node:crypto";

import { hashPassword } from "better-auth/crypto";
import { z } from "zod";

import { providerOf, type Database } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { parseRole, type Role } from "../roles";
import { checkUserName } from "./user-name";

type Transaction = Prisma.TransactionClient;

/** A member of a course as the admin's member list shows it. */
export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

/** A person to add to a course. */
export interface NewMember {
  /** Compared in lower case, as better-auth stores addresses. */
  email: string;
  /** Used only when the person has no account yet. */
  name: string;
  role: Role;
}

/** Maximum length of an email address, in characters, as RFC 5321 limits it. */
export const MAX_EMAIL_LENGTH = 254;

/** Maximum length of the part of an email address before the @, as RFC 5321 limits it. */
export const MAX_EMAIL_LOCAL_PART_LENGTH = 64;

/** A rejected email address: the check that failed, and a message to follow a field name. */
export interface EmailProblem {
  code: "too-long" | "invalid-format" | "local-part-too-long";
  message: string;
}

const emailFormat = z.email();

/**
 * Returns why `email` cannot be an account's address, or null when it can. The format check
 * alone accepts a part before the @ of any length, which RFC 5321 does not allow.
 */
export function checkEmailAddress(email: string): EmailProblem | null {
  if (email.length > MAX_EMAIL_LENGTH) {
    const entered = email.length.toLocaleString("en-US");
    const message = `at most ${MAX_EMAIL_LENGTH} characters (you entered ${entered})`;
    return { code: "too-long", message };
  }
  if (!emailFormat.safeParse(email).success) {
    return { code: "invalid-format", message: "enter a full address such as name@example.org" };
  }
  const localLength = email.lastIndexOf("@");
  if (localLength > MAX_EMAIL_LOCAL_PART_LENGTH) {
    const message =
      `at most ${MAX_EMAIL_LOCAL_PART_LENGTH} characters before the @ ` +
      `(you entered ${localLength})`;
    return { code: "local-part-too-long", message };
  }
  return null;
}

/** Result of {@link addMember}. */
export type AddMemberResult =
  | {
      status: "added";
      userId: string;
      /**
       * The one-time password of a newly created account, null when the person had an account
       * already. It is stored only as a hash, so this is the one chance to show it.
       */
      password: string | null;
    }
  | { status: "already-member"; role: Role }
  /** {@link checkUserName} rejected the name, and `message` follows "the name". */
  | { status: "invalid-name"; message: string };

/** Result of {@link changeMemberRole} and {@link removeMember}. */
export type MemberChangeResult = { status: "done" } | { status: "not-found" | "last-admin" };

/** Lists a course's members by role (admins first) and then by name. */
export async function listMembers(db: Database, courseId: string): Promise<MemberRow[]> {
  const rows = await db.membership.findMany({
    where: { courseId },
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
  });
  const order: Record<Role, number> = { admin: 0, tutor: 1, student: 2 };
  return rows
    .map((row) => ({
      userId: row.user.id,
      name: row.user.name,
      email: row.user.email,
      role: parseRole(row.role),
      joinedAt: row.createdAt,
    }))
    .sort((a, b) => order[a.role] - order[b.role]);
}

/**
 * Returns a random password of 16 URL-safe characters (about 96 bits), for an account an admin
 * creates and hands over in person. It never starts with "-", which a spreadsheet would read as
 * a formula in the roster report's CSV.
 */
export function generateOneTimePassword(): string {
  for (;;) {
    const password = randomBytes(12).toString("base64url");
    if (!password.startsWith("-")) return password;
  }
}

/** A generated one-time password and its scrypt hash, as better-auth stores it. */
export interface OneTimeCredential {
  password: string;
  hash: string;
}

/**
 * Generates a one-time password and hashes it. better-auth's scrypt hash takes about 100 ms of
 * one core, off the main thread in libuv's thread pool, so callers that create many accounts
 * can hash several at once.
 */
export async function createOneTimeCredential(): Promise<OneTimeCredential> {
  const password = generateOneTimePassword();
  return { password, hash: await hashPassword(password) };
}

/**
 * Takes the write lock on a user's row until the transaction ends: the row lock on PostgreSQL,
 * the database's write lock on SQLite. Adding an existing user to a course and resetting their
 * password both take it first, so a reset's check of the user's courses reads every membership
 * added before it and blocks those added during it.
 */
export async function lockUser(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  // A write that changes nothing, only to take the lock before anything is read.
  await tx.$executeRaw`UPDATE "user" SET "updatedAt" = "updatedAt" WHERE "id" = ${userId}`;
}

/**
 * Adds a person to a course. A person without an account gets one the way better-auth's
 * sign-up creates it: a user and a "credential" account whose account id is the user id. The
 * account stores the scrypt hash of a generated password, which the result returns once, and
 * the user must replace that password after signing in with it. `credential`, when given, is
 * the password to use, hashed ahead by the caller. It is unused when the person has an account.
 */
export async function addMember(
  db: Database,
  courseId: string,
  member: NewMember,
  credential?: OneTimeCredential,
): Promise<AddMemberResult> {
  const nameProblem = checkUserName(member.name);
  if (nameProblem !== null) {
    return { status: "invalid-name", message: nameProblem.message };
  }
  const email = member.email.trim().toLowerCase();
  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, memberships: { where: { courseId }, select: { role: true } } },
  });
  if (existing) {
    const membership = existing.memberships[0];
    if (membership) {
      return { status: "already-member", role: parseRole(membership.role) };
    }
    await db.$transaction(async (tx) => {
      await lockUser(tx, existing.id);
      await tx.membership.create({ data: { courseId, userId: existing.id, role: member.role } });
    });
    return { status: "added", userId: existing.id, password: null };
  }

  const { password, hash } = credential ?? (await createOneTimeCredential());
  const userId = randomUUID();
  await db.user.create({
    data: {
      id: userId,
      name: member.name.trim() || email,
      email,
      emailVerified: true,
      passwordChangeRequired: true,
      accounts: {
        create: {
          id: randomUUID(),
          accountId: userId,
          providerId: "credential",
          password: hash,
        },
      },
      memberships: { create: { courseId, role: member.role } },
    },
  });
  return { status: "added", userId, password };
}

/**
 * Changes a member's role, unless that would leave the course without an admin. See
 * {@link runGuarded} for why two admins demoting each other at once cannot both succeed.
 */
export async function changeMemberRole(
  db: Database,
  courseId: string,
  userId: string,
  role: Role,
): Promise<MemberChangeResult> {
  const changed = await runGuarded(
    db,
    courseId,
    (client) => client.$executeRaw`
      UPDATE "membership" SET "role" = ${role}
      WHERE "courseId" = ${courseId} AND "userId" = ${userId}
        AND ("role" <> 'admin' OR ${role} = 'admin' OR (
          SELECT COUNT(*) FROM "membership" WHERE "courseId" = ${courseId} AND "role" = 'admin'
        ) > 1)`,
  );
  return changed > 0 ? { status: "done" } : explainUnchanged(db, courseId, userId);
}

/** Removes a member from a course, unless they are its last admin. Their attempts stay. */
export async function removeMember(
  db: Database,
  courseId: string,
  userId: string,
): Promise<MemberChangeResult> {
  const removed = await runGuarded(
    db,
    courseId,
    (client) => client.$executeRaw`
      DELETE FROM "membership"
      WHERE "courseId" = ${courseId} AND "userId" = ${userId}
        AND ("role" <> 'admin' OR (
          SELECT COUNT(*) FROM "membership" WHERE "courseId" = ${courseId} AND "role" = 'admin'
        ) > 1)`,
  );
  return removed > 0 ? { status: "done" } : explainUnchanged(db, courseId, userId);
}

/**
 * Runs a membership statement that counts the course's admins in its own WHERE clause, so that
 * the count includes every role change committed before it. SQLite runs one write at a time, so
 * the statement alone is enough there. On PostgreSQL at READ COMMITTED, two demotions of
 * different admins update different rows and do not wait for each other, so each would count
 * the other as still an admin. There the statement runs in a transaction that first locks the
 * course's row: a second change waits until the first commits, and its statement then counts
 * afresh, because each statement at READ COMMITTED reads the latest committed rows.
 */
async function runGuarded(
  db: Database,
  courseId: string,
  statement: (client: Database | Transaction) => Promise<number>,
): Promise<number> {
  if (providerOf(db) === "sqlite") {
    return statement(db);
  }
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "course" WHERE "id" = ${courseId} FOR UPDATE`;
    return statement(tx);
  });
}

async function explainUnchanged(
  db: Database,
  courseId: string,
  userId: string,
): Promise<MemberChangeResult> {
  const membership = await db.membership.findUnique({
    where: { userId_courseId: { userId, courseId } },
    select: { role: true },
  });
  return { status: membership ? "last-admin" : "not-found" };
}
