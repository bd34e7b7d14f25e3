// Stops a throwaway PostgreSQL cluster when the process that started it ends, even by SIGKILL,
// which gives that process no chance to stop the cluster itself. `startPostgres` in postgres.mjs
// spawns this script in its own process group with an IPC channel. The channel closes when the
// parent exits for any reason. A parent that stops the cluster itself ends this script first.
//
//   node scripts/postgres-sentinel.mjs <pg_ctl path> <data folder> <cluster folder> <as postgres: 0|1>
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const [pgCtl, data, folder, asPostgres] = process.argv.slice(2);

process.on("disconnect", () => {
  const args = ["-D", data, "-m", "fast", "-w", "stop"];
  if (asPostgres === "1") {
    spawnSync("runuser", ["-u", "postgres", "--", pgCtl, ...args], { stdio: "ignore" });
  } else {
    spawnSync(pgCtl, args, { stdio: "ignore" });
  }
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
});
