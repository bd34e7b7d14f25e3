import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { findExerciseForAdmin, type Database } from "@sawtooth/db";

const exercisesFolder = path.join(
  import.meta.dirname,
  "../../../../packages/courses/deep-learning-theory/exercises",
);

/** Returns the text of an exercise file of the lecture's course, such as `tent-h2`. */
export function readExerciseFile(id: string): string {
  return readFileSync(path.join(exercisesFolder, `${id}.json`), "utf8");
}

/** Returns the ids of every exercise file of the lecture's course. */
export function lectureExerciseIds(): string[] {
  return readdirSync(exercisesFolder)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length));
}

/** The lecture's weights for h2 in the native format. */
export const TENT_H2_WEIGHTS = {
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [0] },
  ],
};

/** h2 with the second output weight -2 in place of -4, which differs from h2 past x = 1/2. */
export const TENT_H2_WRONG = {
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -2]], biases: [0] },
  ],
};

/** Ids of the rows that {@link createCourseFixture} inserts. */
export const FIXTURE = {
  course: "course-1",
  courseSlug: "deep-learning-theory",
  otherCourseSlug: "other-course",
  tent: "exercise-tent",
  tentVersion: "version-tent",
  hidden: "exercise-hidden",
  student: "student-1",
  otherStudent: "student-2",
  tutor: "tutor-1",
  admin: "admin-1",
  outsider: "outsider-1",
  otherCourseAdmin: "admin-of-other-course",
} as const;

/**
 * Inserts a course with the exercise `tent-h2` (and a hidden `tent-h3`) whose members are a
 * student, a second student, a tutor and an admin. Another course has an outsider as a student
 * and its own admin, who are members of that course only.
 */
export async function createCourseFixture(
  db: Database,
  tent: { attemptLimit?: number | null; dueDate?: Date | null } = {},
): Promise<void> {
  const users = [
    FIXTURE.student,
    FIXTURE.otherStudent,
    FIXTURE.tutor,
    FIXTURE.admin,
    FIXTURE.outsider,
    FIXTURE.otherCourseAdmin,
  ];
  for (const id of users) {
    await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
  }
  await db.course.create({
    data: {
      id: FIXTURE.course,
      slug: FIXTURE.courseSlug,
      title: "Theories of Deep Learning",
      memberships: {
        create: [
          { userId: FIXTURE.student, role: "student" },
          { userId: FIXTURE.otherStudent, role: "student" },
          { userId: FIXTURE.tutor, role: "tutor" },
          { userId: FIXTURE.admin, role: "admin" },
        ],
      },
    },
  });
  await db.course.create({
    data: {
      slug: FIXTURE.otherCourseSlug,
      title: "Another course",
      memberships: {
        create: [
          { userId: FIXTURE.outsider, role: "student" },
          { userId: FIXTURE.otherCourseAdmin, role: "admin" },
        ],
      },
    },
  });
  await db.exercise.create({
    data: {
      id: FIXTURE.tent,
      courseId: FIXTURE.course,
      slug: "tent-h2",
      title: "The tent map h2",
      position: 0,
      attemptLimit: tent.attemptLimit ?? null,
      dueDate: tent.dueDate ?? null,
      showTarget: true,
      versions: {
        create: { id: FIXTURE.tentVersion, version: 1, definition: readExerciseFile("tent-h2") },
      },
    },
  });
  await db.exercise.create({
    data: {
      id: FIXTURE.hidden,
      courseId: FIXTURE.course,
      slug: "tent-h3",
      title: "The clipped tent h3",
      position: 1,
      visibility: "hidden",
      versions: { create: { version: 1, definition: readExerciseFile("tent-h3") } },
    },
  });
}

/**
 * Returns the stored revision of exercise `slug` of the fixture's course, which a save of that
 * exercise through the editor must send.
 */
export async function storedRevision(db: Database, slug: string): Promise<string> {
  const exercise = await findExerciseForAdmin(db, FIXTURE.course, slug);
  if (exercise === null) throw new Error(`Exercise "${slug}" not found in the fixture's course.`);
  return exercise.revision;
}
