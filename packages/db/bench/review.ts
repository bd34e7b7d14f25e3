// Measures the tutors' review queries on 100,000 attempts in a temporary SQLite file and writes
// the table into docs/benchmarks.md between the review markers. Run it with `pnpm bench:review`
// on an otherwise idle machine.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { grade, prepareExercise } from "@sawtooth/theory";

import { findRepositoryRoot } from "../src/location";
import {
  encodeAttemptCursor,
  groupMistakes,
  listCourseAttempts,
  loadGradebook,
} from "../src/review/index";
import { createTestDatabase } from "../src/testing/test-database";
import type { Database } from "../src/client";

const STUDENTS = 500;
const EXERCISES = 4;
const ATTEMPTS_PER_CELL = 50;
const REPEATS = Number(process.env["BENCH_REPEATS"] ?? 15);
const START = "<!-- review:start -->";
const END = "<!-- review:end -->";

const root = findRepositoryRoot();
const tentFile = path.join(root, "packages/courses/deep-learning-theory/exercises/tent-h2.json");

/**
 * Feedback texts of a correct tent-h2 attempt and of incorrect ones, as the engine writes them.
 * The incorrect ones make two mistakes (a wrong slope and an offset), each with several messages.
 */
function engineFeedback(): { correct: string; incorrect: string[] } {
  const result = prepareExercise(JSON.parse(readFileSync(tentFile, "utf8")));
  if (!result.ok) throw new Error(`Invalid exercise file ${tentFile}: prepareExercise failed.`);
  const network = (weight: number, bias = 0) => ({
    layers: [
      { weights: [[1], [1]], biases: [0, "-1/2"] },
      { weights: [[2, weight]], biases: [bias] },
    ],
  });
  const wrong = [network(-2), network(-3), network(-5), network(-4, 1), network(-4, 2)];
  return {
    correct: JSON.stringify(grade(result.prepared, network(-4))),
    incorrect: wrong.map((submission) => JSON.stringify(grade(result.prepared, submission))),
  };
}

async function seed(db: Database): Promise<{ courseId: string; exerciseIds: string[] }> {
  const definition = readFileSync(tentFile, "utf8");
  const course = await db.course.create({ data: { slug: "bench", title: "Bench" } });
  const exerciseIds: string[] = [];
  for (let index = 0; index < EXERCISES; index++) {
    const exercise = await db.exercise.create({
      data: {
        courseId: course.id,
        slug: `exercise-${index}`,
        title: `Exercise ${index}`,
        position: index,
        versions: { create: { version: 1, definition } },
      },
      include: { versions: true },
    });
    exerciseIds.push(exercise.id);
  }
  const versions = await db.exerciseVersion.findMany({ select: { id: true, exerciseId: true } });
  const versionOf = new Map(versions.map((version) => [version.exerciseId, version.id]));

  const users = Array.from({ length: STUDENTS }, (_, index) => ({
    id: `student-${index}`,
    name: `Student ${index}`,
    email: `student-${index}@example.com`,
  }));
  await db.user.createMany({ data: users });
  await db.membership.createMany({
    data: users.map((user) => ({ userId: user.id, courseId: course.id, role: "student" })),
  });

  const feedback = engineFeedback();
  const start = Date.UTC(2027, 0, 1);
  let sequence = 0;
  for (const user of users) {
    const rows = [];
    for (const exerciseId of exerciseIds) {
      for (let number = 1; number <= ATTEMPTS_PER_CELL; number++) {
        const correct = number === ATTEMPTS_PER_CELL && sequence % 3 === 0;
        // Attempts spread over 100 days, interleaved across students and exercises.
        const createdAt = new Date(start + ((sequence * 7919) % 8_640_000) * 1000);
        sequence++;
        rows.push({
          userId: user.id,
          exerciseId,
          exerciseVersionId: versionOf.get(exerciseId)!,
          raw: "{}",
          network: "{}",
          verdict: correct ? "correct" : "incorrect",
          score: correct ? 1 : 0,
          feedback: correct
            ? feedback.correct
            : feedback.incorrect[sequence % feedback.incorrect.length]!,
          gradingMs: 1,
          submissionHash: `${sequence}`,
          attemptNumber: number,
          createdAt,
        });
      }
    }
    await db.attempt.createMany({ data: rows });
  }
  return { courseId: course.id, exerciseIds };
}

/** Runs `work` once to warm up, then `REPEATS` times, and returns the median in milliseconds. */
async function measure(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < REPEATS; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function describeMachine(): string {
  const cpu = cpus();
  const memory = (totalmem() / 2 ** 30).toFixed(0);
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${memory} GiB, Node.js ${process.version}`;
}

async function main(): Promise<void> {
  const load = (loadavg()[0] ?? 0).toFixed(2);
  const database = createTestDatabase();
  try {
    const { db } = database;
    const seedStarted = performance.now();
    const { courseId, exerciseIds } = await seed(db);
    const seedSeconds = ((performance.now() - seedStarted) / 1000).toFixed(1);
    const total = await db.attempt.count();

    // A cursor halfway down the course-wide list, as after 1,000 pages of 50.
    const middle = await db.attempt.findFirst({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: Math.floor(total / 2),
      select: { id: true, createdAt: true },
    });
    const deep = middle ? encodeAttemptCursor(middle) : null;
    const course = { courseId };
    const exerciseId = exerciseIds[0]!;
    const cases: [string, () => Promise<unknown>][] = [
      ["first page, whole course", () => listCourseAttempts(db, course)],
      ["page at 50,000 rows, whole course", () => listCourseAttempts(db, course, deep)],
      ["first page, one exercise", () => listCourseAttempts(db, { ...course, exerciseId })],
      [
        "page at 50,000 rows, one exercise",
        () => listCourseAttempts(db, { ...course, exerciseId }, deep),
      ],
      ["first page, one student", () => listCourseAttempts(db, { ...course, userId: "student-7" })],
      [
        "first page, verdict correct",
        () => listCourseAttempts(db, { ...course, verdict: "correct" }),
      ],
      [
        "first page, one week",
        () =>
          listCourseAttempts(db, {
            ...course,
            from: new Date(Date.UTC(2027, 0, 8)),
            to: new Date(Date.UTC(2027, 0, 15)),
          }),
      ],
      [
        "first page, one exercise, incorrect, one week",
        () =>
          listCourseAttempts(db, {
            ...course,
            exerciseId,
            verdict: "incorrect",
            from: new Date(Date.UTC(2027, 0, 8)),
            to: new Date(Date.UTC(2027, 0, 15)),
          }),
      ],
      ["gradebook of 500 students × 4 exercises", () => loadGradebook(db, courseId)],
      // The seeded attempts have no stored mistake, as after the migration that added it: the
      // warm-up run of `measure` fills it in, so the medians are of the grouping alone.
      [
        "wrong answers grouped, one exercise (about 24,800), 10 attempts and 5 messages per group",
        () => groupMistakes(db, exerciseId, { attemptsPerGroup: 10, variantsPerGroup: 5 }),
      ],
      [
        "wrong answers grouped, one exercise (about 24,800), every attempt",
        () => groupMistakes(db, exerciseId),
      ],
    ];

    const lines = ["| query | median (ms) |", "|---|---:|"];
    for (const [name, work] of cases) {
      const milliseconds = await measure(work);
      lines.push(`| ${name} | ${milliseconds.toFixed(1)} |`);
      process.stdout.write(`${name}: ${milliseconds.toFixed(1)} ms\n`);
    }

    const date = new Date().toISOString().slice(0, 10);
    const section = [
      START,
      "## Tutors' review queries (`pnpm bench:review`)",
      "",
      `Measured on ${describeMachine()}, ${date}, 1-minute load ${load} before the run. ` +
        `${total.toLocaleString("en")} attempts (${STUDENTS} students × ${EXERCISES} exercises × ` +
        `${ATTEMPTS_PER_CELL}) seeded in ${seedSeconds} s into a temporary SQLite file. Each time ` +
        `is the median of ${REPEATS} runs after one warm-up run, through the Prisma client as the ` +
        "app calls it; list pages are 50 rows.",
      "",
      ...lines,
      END,
    ].join("\n");
    writeReport(section);
  } finally {
    await database.remove();
  }
}

function writeReport(section: string): void {
  const file = path.join(root, "docs", "benchmarks.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + section + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

await main();
