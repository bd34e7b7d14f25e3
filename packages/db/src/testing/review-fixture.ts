import { readFileSync } from "node:fs";
import path from "node:path";

import { grade, prepareExercise, type PreparedExercise } from "@sawtooth/theory";

import { recordAttempt, type StoredAttempt } from "../attempts";
import type { Database } from "../client";
import { findRepositoryRoot } from "../location";

/** Ids of the rows that {@link createReviewFixture} inserts. */
export const REVIEW = {
  course: "course-1",
  otherCourse: "course-2",
  tent: "tent",
  saw: "saw",
  otherExercise: "other",
  tutor: "tina",
  students: ["alice", "bob", "carol"],
  otherStudent: "oscar",
} as const;

function exerciseDefinition(id: string): string {
  const file = path.join(
    findRepositoryRoot(),
    "packages/courses/deep-learning-theory/exercises",
    `${id}.json`,
  );
  return readFileSync(file, "utf8");
}

/**
 * Inserts two courses: the first with the exercises `tent` (tent-h2) and `saw` (hidden), three
 * students and a tutor; the second with one exercise and one student.
 */
export async function createReviewFixture(db: Database): Promise<void> {
  const users = [...REVIEW.students, REVIEW.tutor, REVIEW.otherStudent];
  for (const id of users) {
    const name = id[0]!.toUpperCase() + id.slice(1);
    await db.user.create({ data: { id, name, email: `${id}@example.com` } });
  }
  await db.course.create({
    data: {
      id: REVIEW.course,
      slug: "one",
      title: "One",
      memberships: {
        create: [
          ...REVIEW.students.map((userId) => ({ userId, role: "student" })),
          { userId: REVIEW.tutor, role: "tutor" },
        ],
      },
    },
  });
  await db.course.create({
    data: {
      id: REVIEW.otherCourse,
      slug: "two",
      title: "Two",
      memberships: { create: [{ userId: REVIEW.otherStudent, role: "student" }] },
    },
  });
  const exercises = [
    {
      id: REVIEW.tent,
      courseId: REVIEW.course,
      position: 0,
      file: "tent-h2",
      visibility: "visible",
    },
    { id: REVIEW.saw, courseId: REVIEW.course, position: 1, file: "tent-h3", visibility: "hidden" },
    {
      id: REVIEW.otherExercise,
      courseId: REVIEW.otherCourse,
      position: 0,
      file: "tent-h2",
      visibility: "visible",
    },
  ];
  for (const { id, courseId, position, file, visibility } of exercises) {
    await db.exercise.create({
      data: {
        id,
        courseId,
        slug: id,
        title: `Exercise ${id}`,
        position,
        visibility,
        versions: { create: { id: `${id}-1`, version: 1, definition: exerciseDefinition(file) } },
      },
    });
  }
}

const prepared = new Map<string, PreparedExercise>();

function preparedExercise(file: string): PreparedExercise {
  let exercise = prepared.get(file);
  if (!exercise) {
    const result = prepareExercise(JSON.parse(exerciseDefinition(file)));
    if (!result.ok) throw new Error(`Invalid exercise file ${file}: prepareExercise failed.`);
    exercise = result.prepared;
    prepared.set(file, exercise);
  }
  return exercise;
}

/** h2 = 2φ(x) − 4φ(x − 1/2) with the second output weight replaced, for distinct submissions. */
export function tentNetwork(secondWeight: number | string, outputBias: number | string = 0) {
  return {
    layers: [
      { weights: [[1], [1]], biases: [0, "-1/2"] },
      { weights: [[2, secondWeight]], biases: [outputBias] },
    ],
  };
}

/**
 * Grades a network against tent-h2 with the engine and stores it as an attempt of `userId` at
 * `exerciseId`, as the submit path would, at time `createdAt` when given.
 */
export async function gradeAndRecord(
  db: Database,
  userId: string,
  exerciseId: string,
  network: unknown,
  createdAt?: Date,
): Promise<StoredAttempt> {
  const feedback = grade(preparedExercise("tent-h2"), network);
  if (feedback.verdict === "invalid") throw new Error("The test network is invalid.");
  const { attempt } = await recordAttempt(db, {
    userId,
    exerciseId,
    exerciseVersionId: `${exerciseId}-1`,
    raw: JSON.stringify(network),
    network: JSON.stringify(network),
    verdict: feedback.verdict,
    score: feedback.score,
    feedback: JSON.stringify(feedback),
    gradingMs: 1,
  });
  if (createdAt) {
    await db.attempt.update({ where: { id: attempt.id }, data: { createdAt } });
  }
  return { ...attempt, createdAt: createdAt ?? attempt.createdAt };
}
