// Runs a command with SAWTOOTH_TEST_POSTGRES_URL set, so the database tests run on PostgreSQL:
//
//   node scripts/with-postgres.mjs vitest run
//
// When the variable is already set (the test command starts one cluster for every package),
// the command runs against that server; otherwise a throwaway cluster starts for this command
// and stops after it. Without PostgreSQL installed this fails with the command that installs
// it, so a run never passes without having tested PostgreSQL.
import { spawnSync } from "node:child_process";

import { startPostgres } from "./postgres.mjs";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write("Usage: node scripts/with-postgres.mjs <command> [arguments…]\n");
  process.exit(2);
}

let cluster = null;
if (!process.env.SAWTOOTH_TEST_POSTGRES_URL) {
  try {
    cluster = await startPostgres();
  } catch (error) {
    process.stderr.write(`PostgreSQL tests cannot run: ${error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Started PostgreSQL for the tests at ${cluster.url}\n`);
}
const url = process.env.SAWTOOTH_TEST_POSTGRES_URL || cluster.url;
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
