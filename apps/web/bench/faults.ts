// `pnpm bench:faults` at the repository root: submissions under load while things break.
//
// Starts a throwaway PostgreSQL cluster with its durable defaults and two app instances on
// their own ports, signs the bench students in and sends `submitAttempt` calls to both for a
// fixed time. Meanwhile it kills one instance with SIGKILL and starts it again on the same
// port, and later stops PostgreSQL without a clean shutdown ("immediate", as a crash) and
// starts it again. Afterwards it checks that every attempt a response acknowledged is in the
// database, that no network was stored twice, and that both instances serve and grade again
// without any manual step, and writes the counts into docs/benchmarks.md.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createDatabase } from "@sawtooth/db";

import { startPostgres } from "../../../scripts/postgres.mjs";
import { addStudents } from "../e2e/accounts";
import {
  buildIfMissing,
  migrateAndSeed,
  nextBuildFolder,
  startProductionServer,
  type ProductionServer,
  type ServerEnvironment,
} from "../e2e/production-server";
import { runLoad, type LoadResult } from "./load";
import { currentLoad, describeMachine, recordSection } from "./report";
import { readActionIds, signInWithAction } from "./server-action";

const RECORD = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url));
const STUDENTS = 16;

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    clients: { type: "string", default: "16" },
    "no-record": { type: "boolean", default: false },
  },
});
const durationSeconds = Number(values.duration);
const clients = Number(values.clients);
if (!Number.isInteger(durationSeconds) || durationSeconds < 12 || durationSeconds > 600) {
  throw new Error(`--duration must be a whole number of seconds from 12 to 600.`);
}
if (!Number.isInteger(clients) || clients < 2 || clients > 256) {
  throw new Error(`--clients must be a whole number from 2 to 256.`);
}

/** One fault and when it happened, in seconds after the load started. */
interface FaultEvent {
  at: number;
  what: string;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const load = currentLoad();
  buildIfMissing();
  const actionIds = readActionIds(nextBuildFolder);
  const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-faults-"));
  const postgres = await startPostgres({ durable: true });
  const env: ServerEnvironment = {
    DATABASE_URL: postgres.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const servers: ProductionServer[] = [];
  try {
    migrateAndSeed(env);
    const password = randomBytes(18).toString("base64url");
    const students = Array.from({ length: STUDENTS }, (_, index) => ({
      name: `Fault Student ${index + 1}`,
      email: `fault.student.${index + 1}@example.com`,
      password,
    }));
    await addStudents(env.DATABASE_URL, students);
    servers.push(await startProductionServer(env), await startProductionServer(env));
    const sessions: string[] = [];
    for (const student of students) {
      sessions.push(await signInWithAction(servers[0]!.baseUrl, actionIds.signIn, student));
    }
    log(`Two instances at ${servers.map((server) => server.baseUrl).join(" and ")}.`);

    const events: FaultEvent[] = [];
    const started = Date.now();
    const mark = (what: string) => {
      const event = { at: (Date.now() - started) / 1000, what };
      events.push(event);
      log(`${event.at.toFixed(1)} s: ${what}`);
    };
    const counter = { next: 0 };
    const loadRun = runLoad({
      baseUrls: servers.map((server) => server.baseUrl),
      submitActionId: actionIds.submitAttempt,
      sessions,
      clients,
      durationSeconds,
      counter,
    });

    // The faults, spread over the run so that load runs before, between and after them.
    const killAt = durationSeconds * 0.25 * 1000;
    const databaseAt = durationSeconds * 0.6 * 1000;
    await sleep(killAt);
    const victim = servers[1]!;
    const port = Number(new URL(victim.baseUrl).port);
    await victim.kill();
    mark(`killed instance 2 (PID ${victim.pid}) with SIGKILL`);
    await sleep(1000);
    servers[1] = await startProductionServer(env, { port });
    mark(`instance 2 serves again on port ${port} (PID ${servers[1].pid})`);
    await sleep(Math.max(0, databaseAt - (Date.now() - started)));
    mark("stopping PostgreSQL without a clean shutdown (pg_ctl -m immediate)");
    postgres.restart("immediate");
    mark("PostgreSQL serves again");
    const result = await loadRun;
    mark("load finished");

    const recovered = await checkRecovery(servers, sessions, actionIds.submitAttempt, counter);
    const storage = await checkStorage(env.DATABASE_URL, result);
    const section = formatSection(result, events, storage, recovered, load);
    log(`\n${section}`);
    if (!values["no-record"]) {
      recordSection(RECORD, section, "faults");
      log(`\nWrote the counts into ${RECORD}.`);
    }
    const lost = storage.acknowledged - storage.acknowledgedFound;
    if (lost > 0 || storage.storedTwice > 0 || !recovered.every((server) => server.graded)) {
      process.exitCode = 1;
      log("A fault check failed: see the counts above.");
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    postgres.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

interface Recovery {
  baseUrl: string;
  /** Whether a new submission to this instance was graded and stored after the faults. */
  graded: boolean;
}

/** Sends one new submission to each instance after the run, retrying for up to 20 s. */
async function checkRecovery(
  servers: readonly ProductionServer[],
  sessions: readonly string[],
  submitActionId: string,
  counter: { next: number },
): Promise<Recovery[]> {
  const recovered: Recovery[] = [];
  for (const server of servers) {
    let graded = false;
    const deadline = Date.now() + 20_000;
    while (!graded && Date.now() < deadline) {
      const single = await runLoad({
        baseUrls: [server.baseUrl],
        submitActionId,
        sessions,
        clients: 1,
        durationSeconds: 1,
        counter,
      });
      graded = single.storedAttemptIds.length > 0;
    }
    recovered.push({ baseUrl: server.baseUrl, graded });
  }
  return recovered;
}

interface FaultStorage {
  acknowledged: number;
  acknowledgedFound: number;
  storedTotal: number;
  /** Networks stored more than once for the same student and exercise. */
  storedTwice: number;
}

async function checkStorage(databaseUrl: string, result: LoadResult): Promise<FaultStorage> {
  const db = createDatabase(databaseUrl);
  try {
    const ids = result.storedAttemptIds;
    let acknowledgedFound = 0;
    for (let start = 0; start < ids.length; start += 500) {
      const batch = ids.slice(start, start + 500);
      acknowledgedFound += await db.attempt.count({ where: { id: { in: batch } } });
    }
    const storedTotal = await db.attempt.count();
    // Every request sent a network of its own, so a repeated network means a double store.
    const groups = await db.attempt.groupBy({
      by: ["userId", "exerciseId", "network"],
      _count: { _all: true },
    });
    const storedTwice = groups.filter((group) => group._count._all > 1).length;
    return { acknowledged: ids.length, acknowledgedFound, storedTotal, storedTwice };
  } finally {
    await db.$disconnect();
  }
}

function formatSection(
  result: LoadResult,
  events: readonly FaultEvent[],
  storage: FaultStorage,
  recovered: readonly Recovery[],
  load: string,
): string {
  const date = new Date().toISOString().slice(0, 10);
  const failed = result.responses - result.storedAttemptIds.length - result.duplicates;
  return [
    "## Faults under load (`pnpm bench:faults`)",
    "",
    `Measured on ${describeMachine()}, ${date}, with a 1-minute load average of ${load} before the run.`,
    `Command: \`pnpm bench:faults --duration ${durationSeconds} --clients ${clients}\`.`,
    "",
    `Two instances of \`apps/web/scripts/serve.mjs\` share a PostgreSQL 15 cluster with its durable defaults; ${clients} clients send \`submitAttempt\` calls, each with a network not sent before, spread over both instances for ${durationSeconds} s.`,
    "",
    ...events.map((event) => `- ${event.at.toFixed(1)} s: ${event.what}`),
    "",
    "| responses | acknowledged as stored | acknowledged and found | lost | stored twice | attempts in the database | failed or refused responses | connection errors | p99 (ms) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    `| ${result.responses} | ${storage.acknowledged} | ${storage.acknowledgedFound} | ${storage.acknowledged - storage.acknowledgedFound} | ${storage.storedTwice} | ${storage.storedTotal} | ${failed} | ${result.errors} | ${result.p99Ms} |`,
    "",
    `After the run, without any manual step: ${recovered
      .map(
        (server, index) =>
          `instance ${index + 1} ${server.graded ? "graded and stored a new submission" : "did NOT grade a new submission within 20 s"}`,
      )
      .join("; ")}.`,
    "Failed or refused responses are the requests that reached an instance while it or the database was down; none of them was acknowledged as stored.",
  ].join("\n");
}

await main();
