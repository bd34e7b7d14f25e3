import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webFolder = fileURLToPath(new URL("..", import.meta.url));
const dbFolder = path.join(webFolder, "..", "..", "packages", "db");
const nextBin = path.join(webFolder, "node_modules", "next", "dist", "bin", "next");
const serveScript = path.join(webFolder, "scripts", "serve.mjs");

/** Environment of the migrate and seed commands and of the server. */
export interface ServerEnvironment extends Record<string, string> {
  DATABASE_URL: string;
  BETTER_AUTH_SECRET: string;
}

/** A running production server on 127.0.0.1. */
export interface ProductionServer {
  baseUrl: string;
  pid: number;
  /** Sends SIGTERM to the server's PID and resolves when it has exited. */
  stop(): Promise<void>;
  /** Sends SIGKILL, as a crash would, and resolves when the process has exited. */
  kill(): Promise<void>;
}

/** The production build's folder, which contains `BUILD_ID` and the server manifests. */
export const nextBuildFolder = path.join(webFolder, ".next");

/**
 * Builds the app with `next build` when no production build exists. An existing build is used
 * as it is, so callers that need a fresh one run the build through turbo first.
 */
export function buildIfMissing(): void {
  if (!existsSync(path.join(nextBuildFolder, "BUILD_ID"))) {
    run(process.execPath, [nextBin, "build"], webFolder, {});
  }
}

/** Applies the committed migrations to `env.DATABASE_URL` and loads the lecture's course. */
export function migrateAndSeed(env: ServerEnvironment): void {
  run("pnpm", ["exec", "prisma", "migrate", "deploy"], dbFolder, env);
  run("pnpm", ["run", "seed"], dbFolder, env);
}

/** How to start the production server. */
export interface ServerOptions {
  /** Flags for the server's Node.js processes, such as `--cpu-prof` for a profile. */
  nodeFlags?: readonly string[];
  /** Server processes sharing the port, as `scripts/serve.mjs --workers` takes; 1 by default. */
  workers?: number;
  /** Port to listen on, such as a killed server's to start it again; a free one by default. */
  port?: number;
}

/**
 * Starts `scripts/serve.mjs`, the server `npm start` runs, on a free port of 127.0.0.1 and
 * resolves once it serves the sign-in page.
 */
export async function startProductionServer(
  env: ServerEnvironment,
  { nodeFlags = [], workers = 1, port: requestedPort }: ServerOptions = {},
): Promise<ProductionServer> {
  const port = requestedPort ?? (await findFreePort());
  const args = [...nodeFlags, serveScript, "--port", `${port}`, "--workers", `${workers}`];
  const server = spawn(process.execPath, args, {
    cwd: webFolder,
    env: { ...process.env, ...env },
    // The IPC channel closes when this process ends, however it ends, and the server then
    // stops too: a benchmark killed halfway leaves no server behind.
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // The open channel would keep this process alive, which only a running server should do.
  server.channel?.unref();
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${baseUrl}/sign-in`, server);
  if (server.pid === undefined) {
    throw new Error("The server has no PID although it answered.");
  }
  return {
    baseUrl,
    pid: server.pid,
    stop: () => stop(server, "SIGTERM"),
    kill: () => stop(server, "SIGKILL"),
  };
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): void {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}.`);
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server exited with code ${server.exitCode} before it was ready.`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop(server, "SIGTERM");
  throw new Error(`The server timed out: ${url} did not respond within 30 s.`);
}

function stop(server: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    server.kill(signal);
  });
}
