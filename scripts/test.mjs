// Runs every check of the repository with nothing but Node.js 20 on the machine: `npm test` at
// the repository root, and `.ci/run` in CI. It installs what the checks need (the pnpm
// workspace and, for the browser tests, Debian's Chromium), then runs formatting, lint, type
// and unit checks and the browser tests through turbo. Plain JavaScript without dependencies,
// because it runs before anything is installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PNPM_VERSION = "10.34.9";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const root = fileURLToPath(new URL("..", import.meta.url));
const env = {
  ...process.env,
  CHROMIUM_PATH: CHROMIUM,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
};

/** Child process of the command that runs now, which receives the signals this process gets. */
let runningCommand = null;
/** Signal that stopped this run, or null. */
let stopSignal = null;

const pnpm = findPnpm();
stopOnSignals();
if (needsInstall()) {
  step("Installing dependencies");
  await run(pnpm, ["install", "--frozen-lockfile"]);
}
await ensureChromium();
await startPostgresForTests();

step("Checking formatting");
await run(pnpm, ["exec", "prettier", "--check", "."]);

step("Lint, type checks, unit and integration tests on SQLite and PostgreSQL, browser tests");
await run(pnpm, [
  "exec",
  "turbo",
  "run",
  "lint",
  "typecheck",
  "test",
  "test:postgresql",
  "test:e2e",
  // Two tasks at a time on two cores: more made Vitest's and Playwright's timeouts fire under
  // contention, while the whole run took no longer.
  "--concurrency=2",
  "--output-logs=full",
]);

step("All checks passed");

/** Returns the command that runs pnpm 10: the global one if it has that major version, else npx. */
function findPnpm() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  const version = probe.status === 0 ? probe.stdout.trim() : "";
  if (version.split(".")[0] === PNPM_VERSION.split(".")[0]) return ["pnpm"];
  return ["npx", "--yes", `pnpm@${PNPM_VERSION}`];
}

/** Checks whether the installed packages are missing or older than the lockfile. */
function needsInstall() {
  const marker = path.join(root, "node_modules", ".modules.yaml");
  if (!existsSync(marker)) return true;
  return statSync(path.join(root, "pnpm-lock.yaml")).mtimeMs > statSync(marker).mtimeMs;
}

/**
 * Installs Debian's Chromium for the browser tests when it is missing. Without root the tests
 * cannot install it, so the run stops with the command to run rather than skipping them.
 */
async function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    fail(
      `Chromium was not found at ${CHROMIUM}. Install it with ` +
        "`sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  step("Installing Debian's Chromium for the browser tests");
  await runCommand("apt-get", ["update"]);
  await runCommand("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
    DEBIAN_FRONTEND: "noninteractive",
  });
}

/**
 * Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the database tests' second run and
 * stops it when this process exits. Installs Debian's PostgreSQL as root when it is missing;
 * without root the run stops with the command to run rather than skipping PostgreSQL.
 */
async function startPostgresForTests() {
  const { findPostgresBin, startPostgres, POSTGRES_MISSING } = await import("./postgres.mjs");
  if (findPostgresBin() === null) {
    if (typeof process.getuid !== "function" || process.getuid() !== 0) {
      fail(POSTGRES_MISSING);
    }
    step("Installing Debian's PostgreSQL for the database tests");
    await runCommand("apt-get", ["update"]);
    await runCommand("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], {
      DEBIAN_FRONTEND: "noninteractive",
    });
  }
  step("Starting PostgreSQL for the database tests");
  let cluster;
  try {
    cluster = await startPostgres();
  } catch (error) {
    fail(`PostgreSQL could not be started: ${error.message}`);
  }
  process.on("exit", () => cluster.stop());
  // Only the test:postgresql tasks turn this into SAWTOOTH_TEST_POSTGRES_URL (with-postgres.mjs);
  // the test tasks in the same turbo run stay on SQLite.
  env.SAWTOOTH_POSTGRES_SERVER = cluster.url;
  process.stdout.write(`PostgreSQL runs at ${cluster.url}\n`);
}

function step(title) {
  process.stdout.write(`\n==> ${title}\n`);
}

function run(command, args) {
  return runCommand(command[0], [...command.slice(1), ...args]);
}

/**
 * Passes SIGINT and SIGTERM on to the running command and exits once it has stopped, so that
 * `kill` on `npm test` ends turbo and its tasks instead of waiting for them. Exiting runs the
 * exit handlers, which stop the PostgreSQL cluster.
 */
function stopOnSignals() {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopSignal = signal;
      if (runningCommand === null) process.exit(130);
      runningCommand.kill(signal);
    });
  }
}

function runCommand(command, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...env, ...extraEnv },
      stdio: "inherit",
    });
    runningCommand = child;
    child.once("error", (error) => fail(`${command} could not be started: ${error.message}`));
    child.once("exit", (code, signal) => {
      runningCommand = null;
      if (stopSignal !== null) {
        process.stderr.write(`\nTests stopped by ${stopSignal}.\n`);
        process.exit(130);
      }
      if (signal !== null) fail(`${command} ${args.join(" ")} was stopped by ${signal}.`);
      if (code !== 0) fail(`${command} ${args.join(" ")} failed with exit code ${code}.`);
      resolve();
    });
  });
}

function fail(message) {
  process.stderr.write(`\nTests failed: ${message}\n`);
  process.exit(1);
}
