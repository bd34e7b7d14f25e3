// Starts a throwaway PostgreSQL cluster for tests and tools: a new data folder under the
// system's temporary folder, listening on 127.0.0.1 only, on a free port, with trust
// authentication for the local `postgres` user. Plain JavaScript without dependencies, so the
// test command can use it before anything is installed.
//
//   node scripts/postgres.mjs   starts a cluster, prints its URL, and stops it on Ctrl+C
//
// PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user
// that Debian's package creates.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DEBIAN_ROOT = "/usr/lib/postgresql";

/**
 * Finds the folder of PostgreSQL's server programs (initdb, pg_ctl): PG_BIN when set, else the
 * newest version under /usr/lib/postgresql, else the PATH. Returns null when none is found.
 */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.PG_BIN) {
    candidates.push(process.env.PG_BIN);
  }
  if (existsSync(DEBIAN_ROOT)) {
    const versions = readdirSync(DEBIAN_ROOT)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(DEBIAN_ROOT, version, "bin")));
  }
  for (const folder of candidates) {
    if (existsSync(path.join(folder, "initdb")) && existsSync(path.join(folder, "pg_ctl"))) {
      return folder;
    }
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const found = which.status === 0 ? which.stdout.trim() : "";
  return found ? path.dirname(found) : null;
}

/** The message for a machine without PostgreSQL, with the command that installs it. */
export const POSTGRES_MISSING =
  "PostgreSQL's server programs (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin " +
  "or on the PATH. Install them with `apt-get install -y postgresql` (Debian), or set PG_BIN " +
  "to the folder that holds initdb.";

/**
 * Starts a cluster and resolves to `{ url, stop }`, without fsync unless `durable` is set, where `url` is a postgresql:// URL of the
 * `postgres` database and `stop()` stops the server and deletes its folder. Throws with
 * {@link POSTGRES_MISSING} when PostgreSQL is not installed.
 */
export async function startPostgres({ durable = false } = {}) {
  const bin = findPostgresBin();
  if (bin === null) {
    throw new Error(POSTGRES_MISSING);
  }
  const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-postgres-"));
  const data = path.join(folder, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The postgres user must reach the folder; mkdtemp creates it readable by its owner only.
    chmodSync(folder, 0o777);
  }
  const run = (program, args) => {
    const command = path.join(bin, program);
    const result = asRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
      : spawnSync(command, args, { encoding: "utf8" });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
      throw new Error(`${program} failed (exit ${result.status}): ${output || result.error}`);
    }
  };

  const port = await findFreePort();
  let startOptions = "";
  try {
    run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
    const options = [
      "-c listen_addresses=127.0.0.1",
      `-c port=${port}`,
      `-c unix_socket_directories=${folder}`,
      "-c max_connections=200",
      // A test cluster trades durability for speed, because nothing in it outlives the run.
      // Benchmarks and fault tests keep PostgreSQL's durable defaults.
      ...(durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
    ].join(" ");
    run("pg_ctl", [
      "-D",
      data,
      "-o",
      options,
      "-l",
      path.join(folder, "server.log"),
      "-w",
      "start",
    ]);
    startOptions = options;
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const sentinel = startSentinel(path.join(bin, "pg_ctl"), data, folder, asRoot);
  let stopped = false;
  const logFile = path.join(folder, "server.log");
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    folder,
    /**
     * Restarts the server. Mode "immediate" stops it without a clean shutdown, as a crash
     * would, so it recovers from its write-ahead log on start; "fast" shuts down cleanly.
     */
    restart(mode = "fast") {
      run("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
      run("pg_ctl", ["-D", data, "-o", startOptions, "-l", logFile, "-w", "start"]);
    },
    stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      sentinel.kill();
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Starts postgres-sentinel.mjs, which stops the cluster and deletes its folder once this process
 * ends, so that a run killed by SIGKILL leaves no server behind. The sentinel runs in its own
 * process group, so a Ctrl+C reaches only this process, which then stops the cluster itself.
 */
function startSentinel(pgCtl, data, folder, asRoot) {
  const script = fileURLToPath(new URL("./postgres-sentinel.mjs", import.meta.url));
  const sentinel = spawn(process.execPath, [script, pgCtl, data, folder, asRoot ? "1" : "0"], {
    detached: true,
    stdio: ["ignore", "ignore", "ignore", "ipc"],
  });
  // Neither the child nor its channel keeps this process alive.
  sentinel.unref();
  sentinel.channel?.unref();
  return sentinel;
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const cluster = await startPostgres();
    process.stdout.write(`PostgreSQL runs at ${cluster.url}\nPress Ctrl+C to stop it.\n`);
    const stop = () => {
      cluster.stop();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    setInterval(() => {}, 1 << 30);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}
