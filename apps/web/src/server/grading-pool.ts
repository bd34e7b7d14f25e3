import "server-only";

import { availableParallelism } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { MessageChannel, type MessagePort } from "node:worker_threads";

import { Piscina } from "piscina";

import type { GradedSubmission, StoredVersion } from "./grading";
import { logger } from "./log";

/** Limits and size of a grading pool. */
export interface GradingPoolOptions {
  /** Absolute path of the worker module, `scripts/grading-worker.mjs`. */
  workerFile: string;
  /** Most worker threads grading at once. */
  threads: number;
  /** Wall-clock time one grading may take once a worker has started it, in milliseconds. */
  timeoutMs: number;
  /** V8 old-generation heap of each worker thread, in MiB. */
  memoryMb: number;
}

/** A pool's grading: the graded submission, or why it was stopped before it finished. */
export type PoolGrading =
  | { status: "graded"; graded: GradedSubmission }
  | { status: "too-complex"; reason: "time" | "memory"; elapsedMs: number };

interface GradingTask {
  versionId: string;
  definition: string;
  submission: string;
}

/**
 * Grades submissions in worker threads, so that a grading that takes long or needs much memory
 * blocks neither the server's event loop nor other gradings. Each grading gets a wall-clock
 * budget, counted from when a worker starts it, and each worker a heap limit. A worker that
 * runs over either budget is terminated and piscina starts a new one in its place.
 */
export class GradingPool {
  readonly options: GradingPoolOptions;
  private readonly pool: Piscina<GradingTask & { startedPort: MessagePort }, GradedSubmission>;

  constructor(options: GradingPoolOptions) {
    this.options = options;
    this.pool = new Piscina({
      filename: options.workerFile,
      minThreads: 1,
      maxThreads: options.threads,
      // Starting a worker and loading the engine takes a few hundred milliseconds, so a worker
      // stays for a while after its last grading instead of being started again and again.
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
    // Errors that belong to no task, such as a worker that fails while idle, arrive here. An
    // 'error' event without a listener would end the server's process.
    this.pool.on("error", (error: unknown) => {
      logger.error({ err: error }, "grading worker failed outside a grading");
    });
  }

  /** Grades a submission against an exercise version in a worker thread. */
  async grade(version: StoredVersion, submission: string): Promise<PoolGrading> {
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let startedAt: number | null = null;
    let timer: NodeJS.Timeout | undefined;
    port1.once("message", () => {
      startedAt = performance.now();
      timer = setTimeout(() => abort.abort(), this.options.timeoutMs);
    });
    const elapsedMs = () => Math.round(performance.now() - (startedAt ?? performance.now()));

    try {
      const task = { versionId: version.id, definition: version.definition, submission };
      const graded = await this.pool.run(
        { ...task, startedPort: port2 },
        { signal: abort.signal, transferList: [port2] },
      );
      return { status: "graded", graded };
    } catch (error) {
      if (abort.signal.aborted) {
        return { status: "too-complex", reason: "time", elapsedMs: elapsedMs() };
      }
      if (isOutOfMemory(error)) {
        return { status: "too-complex", reason: "memory", elapsedMs: elapsedMs() };
      }
      throw error;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /** Waits for the gradings in flight to finish, then stops every worker thread. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";
}

/** Environment variables by name, as `process.env` holds them. */
type Environment = Record<string, string | undefined>;

/**
 * Reads the pool's settings from the environment:
 *
 * - SAWTOOTH_GRADING_TIMEOUT_MS: wall-clock budget of one grading (default 10000).
 * - SAWTOOTH_GRADING_MEMORY_MB: heap limit of each worker thread (default 512).
 * - SAWTOOTH_GRADING_THREADS: worker threads per server process (default: one per core).
 * - SAWTOOTH_GRADING_WORKER: path of the worker module (default: scripts/grading-worker.mjs
 *   under the working directory, which is apps/web for `next start` and scripts/serve.mjs).
 */
export function gradingPoolOptionsFromEnv(env: Environment = process.env): GradingPoolOptions {
  return {
    workerFile:
      env.SAWTOOTH_GRADING_WORKER ?? path.join(process.cwd(), "scripts", "grading-worker.mjs"),
    threads: readPositiveInteger(env, "SAWTOOTH_GRADING_THREADS", availableParallelism()),
    timeoutMs: readPositiveInteger(env, "SAWTOOTH_GRADING_TIMEOUT_MS", 10_000),
    memoryMb: readPositiveInteger(env, "SAWTOOTH_GRADING_MEMORY_MB", 512),
  };
}

function readPositiveInteger(env: Environment, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") {
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1, not "${text}".`);
  }
  return value;
}

/**
 * Where the process's pool is kept. Next.js may load this module more than once in one process
 * (once per server bundle), and scripts/serve.mjs closes the pool on shutdown, so the pool
 * lives on globalThis under a registered symbol rather than in a module variable.
 */
const POOL_KEY = Symbol.for("sawtooth.gradingPool");

type PoolHolder = { [POOL_KEY]?: GradingPool };

/** Returns the process's grading pool, creating it from the environment on first use. */
export function getGradingPool(): GradingPool {
  const holder = globalThis as PoolHolder;
  holder[POOL_KEY] ??= new GradingPool(gradingPoolOptionsFromEnv());
  return holder[POOL_KEY];
}

/** Closes the process's grading pool, if one was created, as {@link GradingPool.close} does. */
export async function closeGradingPool(): Promise<void> {
  const holder = globalThis as PoolHolder;
  const pool = holder[POOL_KEY];
  delete holder[POOL_KEY];
  await pool?.close();
}
