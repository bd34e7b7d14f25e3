import { readFileSync } from "node:fs";
import path from "node:path";

import { grade, prepareExercise, type Feedback, type PreparedExercise } from "@sawtooth/theory";

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

/** The exercise file of each fixture exercise, which {@link gradeAndRecord} grades against. */
const EXERCISE_FILES: Record<string, string> = {
  [REVIEW.tent]: "tent-h2",
  [REVIEW.saw]: "tent-h3",
  [REVIEW.otherExercise]: "tent-h2",
};

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
      visibility: "visible",
    },
    { id: REVIEW.saw, courseId: REVIEW.course, position: 1, visibility: "hidden" },
    {
      id: REVIEW.otherExercise,
      courseId: REVIEW.otherCourse,
      position: 0,
      visibility: "visible",
    },
  ];
  for (const { id, courseId, position, visibility } of exercises) {
    const file = EXERCISE_FILES[id]!;
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

/** Grades a network with the engine against the exercise file of a fixture exercise. */
export function gradeFixture(exerciseId: string, network: unknown): Feedback {
  const file = EXERCISE_FILES[exerciseId];
  if (!file) throw new Error(`No exercise file for the fixture exercise "${exerciseId}".`);
  return grade(preparedExercise(file), network);
}

/**
 * Grades a network against the exercise file of `exerciseId` with the engine and stores it as an
 * attempt of `userId` at that exercise, as the submit path would, at time `createdAt` when given.
 */
export async function gradeAndRecord(
  db: Database,
  userId: string,
  exerciseId: string,
  network: unknown,
  createdAt?: Date,
): Promise<StoredAttempt> {
  const feedback = gradeFixture(exerciseId, network);
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
