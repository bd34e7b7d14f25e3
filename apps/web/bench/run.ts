// `pnpm bench:web` at the repository root: load on the production build's submit path.
//
// Migrates and seeds a SQLite database in a temporary folder, adds bench students, starts
// `next start` on 127.0.0.1, signs every student in, and sends `submitAttempt` calls at each
// client count for a fixed time. Checks afterwards that the database contains every attempt a
// response acknowledged, writes the table into docs/benchmarks.md between the web markers, then
// stops the server and deletes the folder.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createDatabase } from "@sawtooth/db";

import { addStudents, type StudentAccount } from "../e2e/accounts";
import {
  buildIfMissing,
  migrateAndSeed,
  nextBuildFolder,
  startProductionServer,
  type ProductionServer,
  type ServerEnvironment,
} from "../e2e/production-server";
import { runLoad, type LoadResult } from "./load";
import {
  currentLoad,
  describeMachine,
  formatStorageCheck,
  formatTable,
  recordSection,
  type BenchRow,
  type StorageCheck,
} from "./report";
import { readActionIds, signInWithAction } from "./server-action";

const RECORD = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url));
const WARM_UP_CLIENTS = 8;

interface BenchOptions {
  clientCounts: number[];
  /** Server processes to measure, one server start each. */
  workerCounts: number[];
  durationSeconds: number;
  warmUpSeconds: number;
  students: number;
  record: boolean;
  /** Folder for a V8 CPU profile of the server, written when it stops; null for none. */
  cpuProfileFolder: string | null;
}

const USAGE = `Usage: pnpm bench:web [--clients 1,8,32] [--workers 1,2] [--duration 10] [--warm-up 3] [--students 32] [--no-record]
  --clients    comma-separated numbers of concurrent clients, one load level each
  --workers    comma-separated numbers of server processes (scripts/serve.mjs --workers), one
               server start each
  --duration   seconds of load per level
  --warm-up    seconds of load at ${WARM_UP_CLIENTS} clients before the measured levels
  --students   signed-in students the requests take turns over
  --no-record  print the table without writing docs/benchmarks.md
  --cpu-profile FOLDER
               write a V8 CPU profile of the server (node --cpu-prof) into FOLDER`;

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "1,8,32" },
      workers: { type: "string", default: "1,2" },
      duration: { type: "string", default: "10" },
      "warm-up": { type: "string", default: "3" },
      students: { type: "string", default: "32" },
      "no-record": { type: "boolean", default: false },
      "cpu-profile": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return {
    clientCounts: values.clients.split(",").map((count) => parseCount("--clients", count, 1, 256)),
    workerCounts: values.workers.split(",").map((count) => parseCount("--workers", count, 1, 16)),
    durationSeconds: parseCount("--duration", values.duration, 1, 120),
    warmUpSeconds: parseCount("--warm-up", values["warm-up"], 0, 60),
    students: parseCount("--students", values.students, 1, 1000),
    record: !values["no-record"],
    cpuProfileFolder: values["cpu-profile"] ? path.resolve(values["cpu-profile"]) : null,
  };
}

function parseCount(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${option} "${text}" is invalid: expected a whole number from ${min} to ${max}.\n${USAGE}`,
    );
  }
  return value;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function benchStudents(count: number): StudentAccount[] {
  // The database is temporary, so one random password serves every bench student.
  const password = randomBytes(18).toString("base64url");
  return Array.from({ length: count }, (_, index) => ({
    name: `Bench Student ${index + 1}`,
    email: `bench.student.${index + 1}@example.com`,
    password,
  }));
}

async function checkStorage(
  databaseUrl: string,
  results: readonly LoadResult[],
  students: number,
): Promise<StorageCheck> {
  const ids = results.flatMap((result) => result.storedAttemptIds);
  const db = createDatabase(databaseUrl);
  try {
    let acknowledgedFound = 0;
    // SQLite limits the number of bound parameters, so the ids are looked up in batches.
    for (let start = 0; start < ids.length; start += 500) {
      const batch = ids.slice(start, start + 500);
      acknowledgedFound += await db.attempt.count({ where: { id: { in: batch } } });
    }
    const storedTotal = await db.attempt.count();
    return { acknowledged: ids.length, acknowledgedFound, storedTotal, students };
  } finally {
    await db.$disconnect();
  }
}

function formatSection(
  options: BenchOptions,
  rows: readonly BenchRow[],
  check: StorageCheck,
  load: string,
): string {
  const date = new Date().toISOString().slice(0, 10);
  const levels = options.clientCounts.join(",");
  return [
    "## Web app submissions (`pnpm bench:web`)",
    "",
    `Measured on ${describeMachine()}, ${date}, with a 1-minute load average of ${load} before the run.`,
    `Command: \`pnpm bench:web --clients ${levels} --workers ${options.workerCounts.join(",")} --duration ${options.durationSeconds} --warm-up ${options.warmUpSeconds} --students ${options.students}\`.`,
    "",
    "Each request is what the exercise page's Submit button sends: a POST to the exercise page with the `Next-Action` header of `submitAttempt`, the arguments encoded as React's `encodeReply` does, a signed-in student's session cookie, and no `Accept-Encoding`, so responses are not compressed.",
    "The server is `apps/web/scripts/serve.mjs`, which `npm start` runs, on 127.0.0.1 with a new SQLite database, with 1 or more processes sharing the port (`--workers`). autocannon runs on the same machine and takes CPU from the server.",
    "Every request sends a network not sent before (the lecture's solution with hidden neurons rescaled by a new factor, one in four made wrong), alternating `tent-h2` and `sawtooth-f3`, and the requests take turns over the students.",
    '"server CPU" is the CPU time of all server processes during a level divided by its responses. "graded/s" counts responses that graded and stored a new attempt; "failed results" are responses whose action result is missing, invalid or rejected; latencies are of 2xx responses.',
    "",
    formatTable(rows),
    "",
    formatStorageCheck(check),
    "Target on 2 cores with SQLite: p99 at most 50 ms at 32 clients and at least 300 graded submissions per second.",
  ].join("\n");
}

async function signInAll(
  server: ProductionServer,
  actionId: string,
  students: readonly StudentAccount[],
): Promise<string[]> {
  const sessions: string[] = [];
  for (const student of students) {
    sessions.push(await signInWithAction(server.baseUrl, actionId, student));
  }
  return sessions;
}

/**
 * Returns the CPU time, user and system, that process `pid` and its child processes (the
 * cluster's workers) have used so far, in milliseconds, from /proc; null where /proc is missing.
 * Linux counts it in ticks of 10 ms.
 */
function processTreeCpuMs(pid: number): number | null {
  try {
    let ticks = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) {
        continue;
      }
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // The process ended while the folder was read.
      }
      // The fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(entry) === pid || Number(fields[1]) === pid) {
        ticks += Number(fields[11]) + Number(fields[12]);
      }
    }
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  const load = currentLoad();
  buildIfMissing();
  const actionIds = readActionIds(nextBuildFolder);

  const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-bench-"));
  const env: ServerEnvironment = {
    DATABASE_URL: `file:${path.join(folder, "bench.db")}`,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  try {
    migrateAndSeed(env);
    const students = benchStudents(options.students);
    await addStudents(env.DATABASE_URL, students);
    const counter = { next: 0 };
    const results: LoadResult[] = [];
    const rows: BenchRow[] = [];
    for (const workers of options.workerCounts) {
      const measured = await measureServer(options, env, actionIds, students, workers, counter);
      results.push(...measured.warmUp, ...measured.results);
      rows.push(...measured.results.map((result) => ({ workers, result })));
    }

    const check = await checkStorage(env.DATABASE_URL, results, options.students);
    const section = formatSection(options, rows, check, load);
    log(`\n${section}`);
    if (options.record) {
      recordSection(RECORD, section);
      log(`\nWrote the table into ${RECORD}.`);
    }
    if (check.acknowledgedFound !== check.acknowledged) {
      process.exitCode = 1;
      log("Some acknowledged attempts are missing from the database.");
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Starts a server with `workers` processes, signs the students in, warms it up and runs each
 * load level, then stops it.
 */
async function measureServer(
  options: BenchOptions,
  env: ServerEnvironment,
  actionIds: ReturnType<typeof readActionIds>,
  students: readonly StudentAccount[],
  workers: number,
  counter: { next: number },
): Promise<{ warmUp: LoadResult[]; results: LoadResult[] }> {
  const nodeFlags = options.cpuProfileFolder
    ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileFolder}`]
    : [];
  const server = await startProductionServer(env, { nodeFlags, workers });
  try {
    log(`The server runs ${workers} process(es) under PID ${server.pid} at ${server.baseUrl}.`);
    const sessions = await signInAll(server, actionIds.signIn, students);
    const cookieNames = (sessions[0] ?? "").split("; ").map((cookie) => cookie.split("=")[0]);
    log(`Signed in ${sessions.length} students; cookies: ${cookieNames.join(", ")}.`);

    const base = { baseUrl: server.baseUrl, submitActionId: actionIds.submitAttempt, sessions };
    const warmUp =
      options.warmUpSeconds > 0
        ? [
            await runLoad({
              ...base,
              counter,
              clients: WARM_UP_CLIENTS,
              durationSeconds: options.warmUpSeconds,
            }),
          ]
        : [];
    const results: LoadResult[] = [];
    for (const clients of options.clientCounts) {
      const cpuBefore = processTreeCpuMs(server.pid);
      const result = await runLoad({
        ...base,
        counter,
        clients,
        durationSeconds: options.durationSeconds,
      });
      const cpuAfter = processTreeCpuMs(server.pid);
      if (cpuBefore !== null && cpuAfter !== null && result.responses > 0) {
        result.serverCpuMsPerResponse = (cpuAfter - cpuBefore) / result.responses;
      }
      results.push(result);
      log(formatTable([{ workers, result }]).split("\n").at(-1) ?? "");
      if (result.firstFailure !== null) {
        log(`First failed result at ${clients} clients: ${result.firstFailure}`);
      }
    }
    return { warmUp, results };
  } finally {
    await server.stop();
  }
}

await main();
