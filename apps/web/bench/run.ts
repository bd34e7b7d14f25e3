// `pnpm bench:web` at the repository root: load on the production build's submit path.
//
// Migrates and seeds a new database (a SQLite file in a temporary folder, or with --database
// postgresql a throwaway PostgreSQL cluster with its durable defaults), adds bench students,
// starts one or more servers on 127.0.0.1, signs every student in, and sends `submitAttempt`
// calls at each client count for a fixed time. Checks afterwards that the database contains
// every attempt a response acknowledged, writes the table into docs/benchmarks.md between the
// markers of the database, then stops the servers and deletes the database.
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
import { startPostgres } from "../../../scripts/postgres.mjs";

const RECORD = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url));
const WARM_UP_CLIENTS = 8;

interface BenchOptions {
  database: "sqlite" | "postgresql";
  clientCounts: number[];
  /** Numbers of separate servers on their own ports to measure, each sharing the database. */
  instanceCounts: number[];
  /** Numbers of processes per server to measure (scripts/serve.mjs --workers). */
  workerCounts: number[];
  durationSeconds: number;
  warmUpSeconds: number;
  students: number;
  record: boolean;
  /** Folder for a V8 CPU profile of the server, written when it stops; null for none. */
  cpuProfileFolder: string | null;
}

const USAGE = `Usage: pnpm bench:web [--database sqlite] [--clients 1,8,32] [--instances 1] [--workers 1,2] [--duration 10] [--warm-up 3] [--students 32] [--no-record]
  --database   sqlite (a new file) or postgresql (a throwaway local cluster)
  --clients    comma-separated numbers of concurrent clients, one load level each
  --instances  comma-separated numbers of separate servers on their own ports sharing the
               database, the clients spread evenly over them (default 1 for sqlite, 1,2 for
               postgresql)
  --workers    comma-separated numbers of processes per server sharing its port
               (scripts/serve.mjs --workers; default 1,2 for sqlite, 1 for postgresql)
  --duration   seconds of load per level
  --warm-up    seconds of load at ${WARM_UP_CLIENTS} clients before the measured levels
  --students   signed-in students the requests take turns over
  --no-record  print the table without writing docs/benchmarks.md
  --cpu-profile FOLDER
               write a V8 CPU profile of the server (node --cpu-prof) into FOLDER`;

function parseOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      database: { type: "string", default: "sqlite" },
      clients: { type: "string", default: "1,8,32" },
      instances: { type: "string" },
      workers: { type: "string" },
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
  const database = values.database;
  if (database !== "sqlite" && database !== "postgresql") {
    throw new Error(
      `--database "${database}" is invalid: expected sqlite or postgresql.\n${USAGE}`,
    );
  }
  return {
    clientCounts: values.clients.split(",").map((count) => parseCount("--clients", count, 1, 256)),
    database,
    instanceCounts: (values.instances ?? (database === "sqlite" ? "1" : "1,2"))
      .split(",")
      .map((count) => parseCount("--instances", count, 1, 8)),
    workerCounts: (values.workers ?? (database === "sqlite" ? "1,2" : "1"))
      .split(",")
      .map((count) => parseCount("--workers", count, 1, 16)),
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
    `## Web app submissions on ${options.database === "sqlite" ? "SQLite" : "PostgreSQL"} (\`pnpm bench:web\`)`,
    "",
    `Measured on ${describeMachine()}, ${date}, with a 1-minute load average of ${load} before the run.`,
    `Command: \`pnpm bench:web --database ${options.database} --clients ${levels} --instances ${options.instanceCounts.join(",")} --workers ${options.workerCounts.join(",")} --duration ${options.durationSeconds} --warm-up ${options.warmUpSeconds} --students ${options.students}\`.`,
    "",
    "Each request is what the exercise page's Submit button sends: a POST to the exercise page with the `Next-Action` header of `submitAttempt`, the arguments encoded as React's `encodeReply` does, a signed-in student's session cookie, and no `Accept-Encoding`, so responses are not compressed.",
    `Each server is \`apps/web/scripts/serve.mjs\`, which \`npm start\` runs, on 127.0.0.1 with ${options.database === "sqlite" ? "a new SQLite database in WAL mode with synchronous=FULL" : "a new PostgreSQL 15 cluster on 127.0.0.1 with its default, durable settings"}; "instances" are separate servers on their own ports sharing the database, with the clients spread evenly over them, and "processes each" the processes of one server sharing its port. autocannon and ${options.database === "sqlite" ? "the servers" : "PostgreSQL"} run on the same 2 cores.`,
    "Every request sends a network not sent before (the lecture's solution with hidden neurons rescaled by a new factor, one in four made wrong), alternating `tent-h2` and `sawtooth-f3`, and the requests take turns over the students.",
    '"server CPU" is the CPU time of all server processes during a level divided by its responses. "graded/s" counts responses that graded and stored a new attempt; "failed results" are responses whose action result is missing, invalid or rejected; latencies are of 2xx responses.',
    "",
    formatTable(rows),
    "",
    formatStorageCheck(check),
    options.database === "sqlite"
      ? "Target on 2 cores with SQLite: p99 at most 50 ms at 32 clients and at least 300 graded submissions per second."
      : "Target on PostgreSQL: two instances reach at least 1.6 times the throughput of one.",
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
  const postgres =
    options.database === "postgresql" ? await startPostgres({ durable: true }) : null;
  const env: ServerEnvironment = {
    DATABASE_URL: postgres?.url ?? `file:${path.join(folder, "bench.db")}`,
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
    for (const instances of options.instanceCounts) {
      for (const workers of options.workerCounts) {
        const setup = { instances, workers };
        const measured = await measureServers(options, env, actionIds, students, setup, counter);
        results.push(...measured.warmUp, ...measured.results);
        rows.push(...measured.results.map((result) => ({ ...setup, result })));
      }
    }

    const check = await checkStorage(env.DATABASE_URL, results, options.students);
    const section = formatSection(options, rows, check, load);
    log(`\n${section}`);
    if (options.record) {
      recordSection(RECORD, section, options.database === "sqlite" ? "web" : "web-postgresql");
      log(`\nWrote the table into ${RECORD}.`);
    }
    if (check.acknowledgedFound !== check.acknowledged) {
      process.exitCode = 1;
      log("Some acknowledged attempts are missing from the database.");
    }
  } finally {
    postgres?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Starts `instances` servers with `workers` processes each, signs the students in, warms them up
 * and runs each load level with the clients spread over the servers, then stops them.
 */
async function measureServers(
  options: BenchOptions,
  env: ServerEnvironment,
  actionIds: ReturnType<typeof readActionIds>,
  students: readonly StudentAccount[],
  { instances, workers }: { instances: number; workers: number },
  counter: { next: number },
): Promise<{ warmUp: LoadResult[]; results: LoadResult[] }> {
  const nodeFlags = options.cpuProfileFolder
    ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileFolder}`]
    : [];
  const servers: ProductionServer[] = [];
  try {
    for (let index = 0; index < instances; index++) {
      servers.push(await startProductionServer(env, { nodeFlags, workers }));
    }
    const where = servers.map((server) => `${server.baseUrl} (PID ${server.pid})`).join(", ");
    log(`${instances} server(s) with ${workers} process(es) each: ${where}.`);
    // The session cookies are signed with the shared secret, so every server accepts them.
    const sessions = await signInAll(servers[0]!, actionIds.signIn, students);
    const cookieNames = (sessions[0] ?? "").split("; ").map((cookie) => cookie.split("=")[0]);
    log(`Signed in ${sessions.length} students; cookies: ${cookieNames.join(", ")}.`);

    const base = {
      baseUrls: servers.map((server) => server.baseUrl),
      submitActionId: actionIds.submitAttempt,
      sessions,
    };
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
    const cpuMs = () => sumOrNull(servers.map((server) => processTreeCpuMs(server.pid)));
    for (const clients of options.clientCounts) {
      const cpuBefore = cpuMs();
      const result = await runLoad({
        ...base,
        counter,
        clients,
        durationSeconds: options.durationSeconds,
      });
      const cpuAfter = cpuMs();
      if (cpuBefore !== null && cpuAfter !== null && result.responses > 0) {
        result.serverCpuMsPerResponse = (cpuAfter - cpuBefore) / result.responses;
      }
      results.push(result);
      log(formatTable([{ instances, workers, result }]).split("\n").at(-1) ?? "");
      if (result.firstFailure !== null) {
        log(`First failed result at ${clients} clients: ${result.firstFailure}`);
      }
    }
    return { warmUp, results };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const value of values) {
    if (value === null) {
      return null;
    }
    sum += value;
  }
  return sum;
}

await main();
