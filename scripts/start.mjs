// Installs, builds, migrates and starts Sawtooth with nothing but Node.js 20 on the machine:
// `npm start` at the repository root. Plain JavaScript without dependencies, because it runs
// before anything is installed.
//
// Environment: PORT (default 3000) and HOST (default 127.0.0.1) choose where the server listens;
// SAWTOOTH_WORKERS (default 1, or "auto" for one per core) sets how many processes serve.
// DATABASE_URL names the database (default: the embedded SQLite file data/sawtooth.db).
// SAWTOOTH_DEMO=1 creates the demo accounts on a database named by DATABASE_URL too.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PNPM_VERSION = "10.34.9";
const root = fileURLToPath(new URL("..", import.meta.url));
const webFolder = path.join(root, "apps", "web");
const dbFolder = path.join(root, "packages", "db");

const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
};

// Checked first, so a server already on the port is not mistaken for this one.
await ensurePortFree();

const pnpm = findPnpm();
if (needsInstall()) {
  step("Installing dependencies");
  run(pnpm[0], [...pnpm.slice(1), "install", "--frozen-lockfile"], root);
}

step("Generating the Prisma client and building the app");
run(pnpm[0], [...pnpm.slice(1), "exec", "turbo", "run", "build", "--filter=@sawtooth/web"], root);

step("Applying database migrations");
mkdirSync(path.join(root, "data"), { recursive: true });
run(pnpm[0], [...pnpm.slice(1), "exec", "prisma", "migrate", "deploy"], dbFolder);

step("Loading the demo course into a new database");
run(pnpm[0], [...pnpm.slice(1), "run", "--silent", "seed"], dbFolder);

startServer();

/** Exits with a message when something already listens on HOST:PORT. */
function ensurePortFree() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error) => {
      fail(`cannot listen on ${host}:${port} (${error.code}). Stop the other server or set PORT.`);
    });
    probe.listen(Number(port), host, () => probe.close(resolve));
  });
}

/** Returns the command that runs pnpm 10: the global one if it has that major version, else npx. */
function findPnpm() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: false });
  const version = probe.status === 0 ? probe.stdout.trim() : "";
  if (version.split(".")[0] === PNPM_VERSION.split(".")[0]) {
    return ["pnpm"];
  }
  return ["npx", "--yes", `pnpm@${PNPM_VERSION}`];
}

/** Checks whether the installed packages are missing or older than the lockfile. */
function needsInstall() {
  const marker = path.join(root, "node_modules", ".modules.yaml");
  const lockfile = path.join(root, "pnpm-lock.yaml");
  if (!existsSync(marker) || !existsSync(path.join(webFolder, "node_modules"))) {
    return true;
  }
  return statSync(lockfile).mtimeMs > statSync(marker).mtimeMs;
}

function step(title) {
  process.stdout.write(`\n==> ${title}\n`);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, env, stdio: "inherit" });
  if (result.error) {
    fail(`${command} could not be started: ${result.error.message}`);
  }
  if (result.status !== 0) {
    fail(`${command} ${args.join(" ")} failed with exit code ${result.status}.`);
  }
}

function fail(message) {
  process.stderr.write(`\nStart failed: ${message}\n`);
  process.exit(1);
}

/**
 * Runs the production server (apps/web/scripts/serve.mjs) in the foreground, printing the URL
 * once it responds. SAWTOOTH_WORKERS sets its number of processes: a number, or "auto" for one
 * per core.
 */
function startServer() {
  const workers = process.env.SAWTOOTH_WORKERS || "1";
  step(`Starting the server on ${host}:${port} with ${workers} process(es)`);
  const serve = path.join(webFolder, "scripts", "serve.mjs");
  const args = [serve, "--host", host, "--port", port, "--workers", workers];
  const server = spawn(process.execPath, args, {
    cwd: webFolder,
    env,
    // Through the IPC channel the server notices when this script is gone, even after SIGKILL.
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  void announceWhenReady(server);
}

async function announceWhenReady(server) {
  const shownHost = host === "0.0.0.0" ? "127.0.0.1" : host;
  const url = `http://${shownHost}:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      await fetch(`${url}/sign-in`);
      printBanner(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function printBanner(url) {
  const lines = [``, `Sawtooth is running at ${url}`];
  if (demoAccountsApply()) {
    const demo = JSON.parse(
      readFileSync(path.join(dbFolder, "src", "demo", "demo-data.json"), "utf8"),
    );
    lines.push(`Demo accounts, all with the password "${demo.password}":`);
    for (const account of demo.accounts) {
      lines.push(`  ${account.email.padEnd(22)} ${account.role}`);
    }
  }
  lines.push(`Press Ctrl+C to stop.`, ``);
  process.stdout.write(lines.join("\n"));
}

/** Mirrors the seed's rule: demo accounts exist on the embedded database or when requested. */
function demoAccountsApply() {
  const embedded = `file:${path.join(root, "data", "sawtooth.db")}`;
  const url = process.env.DATABASE_URL;
  return !url || url === embedded || process.env.SAWTOOTH_DEMO === "1";
}
