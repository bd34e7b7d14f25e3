// Runs a command with SAWTOOTH_TEST_POSTGRES_URL set, so the database tests run on PostgreSQL:
//
//   node scripts/with-postgres.mjs vitest run
//
// The server is SAWTOOTH_TEST_POSTGRES_URL when set, else SAWTOOTH_POSTGRES_SERVER, else a
// throwaway cluster started for this command and stopped after it. The test command sets
// SAWTOOTH_POSTGRES_SERVER to its one shared cluster, so the SQLite runs in the same turbo run
// do not see it. Without PostgreSQL installed this fails with the command that installs
// it, so a run never passes without having tested PostgreSQL.
import { spawnSync } from "node:child_process";

import { startPostgres } from "./postgres.mjs";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write("Usage: node scripts/with-postgres.mjs <command> [arguments…]\n");
  process.exit(2);
}

let cluster = null;
const configured = process.env.SAWTOOTH_TEST_POSTGRES_URL || process.env.SAWTOOTH_POSTGRES_SERVER;
if (!configured) {
  try {
    cluster = await startPostgres();
  } catch (error) {
    process.stderr.write(`PostgreSQL tests cannot run: ${error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Started PostgreSQL for the tests at ${cluster.url}\n`);
}
const url = configured || cluster.url;
const result = spawnSync(command, args, {
  env: { ...process.env, SAWTOOTH_TEST_POSTGRES_URL: url },
  stdio: "inherit",
  shell: process.platform === "win32",
});
cluster?.stop();
if (result.error) {
  process.stderr.write(`${command} could not be started: ${result.error.message}\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
