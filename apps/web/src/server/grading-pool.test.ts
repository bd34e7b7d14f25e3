import path from "node:path";

import { afterEach, describe, expect, test } from "vitest";

import { readExerciseFile, TENT_H2_WEIGHTS, TENT_H2_WRONG } from "@/testing/course-fixture";
import { deepSawtoothDefinition, sawtoothSubmission } from "@/testing/deep-sawtooth";

import { GradingPool, gradingPoolOptionsFromEnv, type PoolGrading } from "./grading-pool";

const workerFile = path.join(import.meta.dirname, "..", "..", "scripts", "grading-worker.mjs");
const tent = { id: "tent-v1", definition: readExerciseFile("tent-h2") };
const deep = { id: "deep-v1", definition: deepSawtoothDefinition() };

let pool: GradingPool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function createPool(options: { threads?: number; timeoutMs?: number; memoryMb?: number } = {}) {
  pool = new GradingPool({ workerFile, threads: 2, timeoutMs: 60_000, memoryMb: 512, ...options });
  return pool;
}

function expectVerdict(grading: PoolGrading): string {
  expect(grading.status).toBe("graded");
  return grading.status === "graded" ? grading.graded.feedback.verdict : "";
}

describe("GradingPool", () => {
  test("grades in a worker thread exactly", async () => {
    const pool = createPool();

    const right = await pool.grade(tent, JSON.stringify(TENT_H2_WEIGHTS));
    const wrong = await pool.grade(tent, JSON.stringify(TENT_H2_WRONG));
    const unreadable = await pool.grade(tent, "{");

    expect(expectVerdict(right)).toBe("correct");
    expect(expectVerdict(wrong)).toBe("incorrect");
    expect(expectVerdict(unreadable)).toBe("invalid");
    expect(right.status === "graded" && right.graded.network).toContain('"biases":["0","-1/2"]');
    expect(unreadable.status === "graded" && unreadable.graded.network).toBeNull();
  });

  test("stops a grading over the time budget", async () => {
    const pool = createPool({ timeoutMs: 500 });

    const grading = await pool.grade(deep, sawtoothSubmission(20));

    expect(grading).toMatchObject({ status: "too-complex", reason: "time" });
    expect(grading.status === "too-complex" && grading.elapsedMs).toBeGreaterThanOrEqual(500);
  }, 30_000);

  test("stops a grading over the memory budget and replaces the worker", async () => {
    const pool = createPool({ threads: 1, memoryMb: 64 });

    const grading = await pool.grade(deep, sawtoothSubmission(20));
    const next = await pool.grade(tent, JSON.stringify(TENT_H2_WEIGHTS));

    expect(grading).toMatchObject({ status: "too-complex", reason: "memory" });
    expect(expectVerdict(next)).toBe("correct");
  }, 30_000);

  test("grades beside a long grading", async () => {
    // f^21 takes seconds even on a fast idle machine (17 s here under load), so it outlasts the
    // 1.5 s budget whatever the load, while h2 takes milliseconds.
    const pool = createPool({ threads: 2, timeoutMs: 1_500 });
    const finished: string[] = [];

    const slow = pool.grade(deep, sawtoothSubmission(21)).then((grading) => {
      finished.push("slow");
      return grading;
    });
    const quick = pool.grade(tent, JSON.stringify(TENT_H2_WEIGHTS)).then((grading) => {
      finished.push("quick");
      return grading;
    });
    const [slowGrading, quickGrading] = await Promise.all([slow, quick]);

    expect(finished).toEqual(["quick", "slow"]);
    expect(expectVerdict(quickGrading)).toBe("correct");
    expect(slowGrading).toMatchObject({ status: "too-complex", reason: "time" });
  }, 30_000);

  test("rejects an invalid exercise definition", async () => {
    const pool = createPool();
    const broken = { id: "broken", definition: '{"id":"broken"}' };

    await expect(pool.grade(broken, "{}")).rejects.toThrow(/Exercise version broken is invalid/);
  });
});

describe("gradingPoolOptionsFromEnv", () => {
  test("reads the budgets", () => {
    const env = { SAWTOOTH_GRADING_TIMEOUT_MS: "250", SAWTOOTH_GRADING_MEMORY_MB: "128" };

    const options = gradingPoolOptionsFromEnv(env);

    expect(options.timeoutMs).toBe(250);
    expect(options.memoryMb).toBe(128);
  });

  test("defaults to 10 s and 512 MiB", () => {
    const options = gradingPoolOptionsFromEnv({});

    expect(options.timeoutMs).toBe(10_000);
    expect(options.memoryMb).toBe(512);
    expect(options.workerFile).toBe(path.join(process.cwd(), "scripts", "grading-worker.mjs"));
  });

  test("rejects a budget that is not a positive whole number", () => {
    const env = { SAWTOOTH_GRADING_TIMEOUT_MS: "1.5" };

    expect(() => gradingPoolOptionsFromEnv(env)).toThrow(
      'SAWTOOTH_GRADING_TIMEOUT_MS must be a whole number of at least 1, not "1.5".',
    );
  });
});
