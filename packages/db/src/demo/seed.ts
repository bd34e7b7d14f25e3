import { randomUUID } from "node:crypto";

import { hashPassword } from "better-auth/crypto";

import type { Database } from "../client";
import type { CourseExerciseFile, CourseFolder } from "../course-files";
import type { Prisma } from "../generated/prisma/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-data";

/** Options of {@link seedNewDatabase}: the data to load into a new database. */
export interface SeedOptions extends CourseFolder {
  /** Whether to create the demo accounts, which share a public password, in the course. */
  demoAccounts: boolean;
}

/** Outcome of {@link seedNewDatabase}. */
export type SeedResult =
  { seeded: false } | { seeded: true; exerciseCount: number; accountEmails: string[] };

type Transaction = Prisma.TransactionClient;

/** Whether the database has no user and no course yet, the state right after migrating. */
export async function isNewDatabase(db: Database | Transaction): Promise<boolean> {
  const [users, courses] = await Promise.all([db.user.count(), db.course.count()]);
  return users === 0 && courses === 0;
}

/**
 * Loads a course with its exercises and, when asked, the demo accounts as its members, but only
 * into a new database: one that already has a user or a course is left unchanged. Everything is
 * written in one transaction, so a failure leaves the database new and the next start retries.
 */
export async function seedNewDatabase(db: Database, options: SeedOptions): Promise<SeedResult> {
  // Hashing is slow on purpose (scrypt), so it happens before the transaction starts.
  const accounts = options.demoAccounts
    ? await Promise.all(
        DEMO_ACCOUNTS.map(async (account) => ({
          ...account,
          passwordHash: await hashPassword(DEMO_PASSWORD),
        })),
      )
    : [];

  return db.$transaction(async (tx) => {
    if (!(await isNewDatabase(tx))) {
      return { seeded: false };
    }
    const course = await tx.course.create({ data: options.course });
    for (const exercise of options.exercises) {
      await createExercise(tx, course.id, exercise);
    }
    for (const account of accounts) {
      await createDemoAccount(tx, course.id, account);
    }
    return {
      seeded: true,
      exerciseCount: options.exercises.length,
      accountEmails: accounts.map((account) => account.email),
    };
  });
}

async function createExercise(tx: Transaction, courseId: string, exercise: CourseExerciseFile) {
  await tx.exercise.create({
    data: {
      courseId,
      slug: exercise.slug,
      title: exercise.title,
      position: exercise.position,
      attemptLimit: exercise.attemptLimit,
      showTarget: exercise.showTarget,
      dueDate: exercise.dueDate ?? null,
      // The database's default, "visible", applies to a file that does not set its visibility.
      ...(exercise.visibility === undefined ? {} : { visibility: exercise.visibility }),
      versions: { create: { version: 1, definition: exercise.definition } },
    },
  });
}

/**
 * Creates a user with an email-and-password account the way better-auth's sign-up does: a
 * "credential" account whose account id is the user id and which stores the scrypt hash.
 */
async function createDemoAccount(
  tx: Transaction,
  courseId: string,
  account: { email: string; name: string; role: string; passwordHash: string },
) {
  const userId = randomUUID();
  await tx.user.create({
    data: {
      id: userId,
      name: account.name,
      email: account.email,
      emailVerified: true,
      accounts: {
        create: {
          id: randomUUID(),
          accountId: userId,
          providerId: "credential",
          password: account.passwordHash,
        },
      },
      memberships: { create: { courseId, role: account.role } },
    },
  });
}
