import { randomUUID } from "node:crypto";

import { hashPassword } from "better-auth/crypto";

import { createDatabase } from "@sawtooth/db";
import { DEMO_PASSWORD } from "@sawtooth/db/demo";

/** An email-and-password account to create for a test or a benchmark. */
export interface StudentAccount {
  name: string;
  email: string;
  password: string;
}

/** A second student of the lecture's course that only the browser tests create. */
export const SECOND_STUDENT: StudentAccount = {
  name: "Second Student",
  email: "second.student@example.com",
  password: DEMO_PASSWORD,
};

/**
 * A student of the lecture's course for the secrets check, which submits attempts of its own;
 * with the demo student it would add to the attempt history that other specs count.
 */
export const SECRETS_STUDENT: StudentAccount = {
  name: "Secrets Student",
  email: "secrets.student@example.com",
  password: DEMO_PASSWORD,
};

/** Slug of the lecture's course, which the seed loads. */
export const LECTURE_COURSE_SLUG = "deep-learning-theory";

/**
 * Adds students to the lecture's course in the database at `url`. Each account is stored as
 * better-auth stores an email-and-password sign-up: a "credential" account whose account id is
 * the user id and which stores the scrypt hash of the password.
 */
export async function addStudents(url: string, accounts: readonly StudentAccount[]): Promise<void> {
  const db = createDatabase(url);
  try {
    const course = await db.course.findUniqueOrThrow({ where: { slug: LECTURE_COURSE_SLUG } });
    for (const account of accounts) {
      const userId = randomUUID();
      await db.user.create({
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
              password: await hashPassword(account.password),
            },
          },
          memberships: { create: { courseId: course.id, role: "student" } },
        },
      });
    }
  } finally {
    await db.$disconnect();
  }
}

/** An admin of the member-less "private-course", for the test that admins stay in their course. */
export const OTHER_COURSE_ADMIN: StudentAccount = {
  name: "Other Admin",
  email: "other.admin@example.com",
  password: DEMO_PASSWORD,
};

/** Adds `account` as an admin of the course `courseSlug` in the database at `url`. */
export async function addCourseAdmin(
  url: string,
  account: StudentAccount,
  courseSlug: string,
): Promise<void> {
  const db = createDatabase(url);
  try {
    const course = await db.course.findUniqueOrThrow({ where: { slug: courseSlug } });
    const userId = randomUUID();
    await db.user.create({
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
            password: await hashPassword(account.password),
          },
        },
        memberships: { create: { courseId: course.id, role: "admin" } },
      },
    });
  } finally {
    await db.$disconnect();
  }
}
