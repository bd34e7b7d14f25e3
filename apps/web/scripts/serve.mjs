// Serves the production build, as `next start` does, in one or more processes on one port.
//
//   node scripts/serve.mjs [--host 127.0.0.1] [--port 3000] [--workers 1]
//
// With more than one worker, a primary process forks the workers through node:cluster, which
// hands each new connection to one of them, and forks a worker again when one dies. The
// workers share nothing but the database, which is what several app instances share anyway:
// attempt numbers and limits are kept by database constraints, not in memory.
//
// SIGTERM, SIGINT or the end of the parent's IPC channel (see onStopRequest) stops accepting
// connections, lets the requests in flight finish (gradings included) for up to
// SHUTDOWN_GRACE_MS, closes the grading pool, then exits. Every request is logged as one JSON
// line (scripts/logger.mjs). Plain JavaScript, so it runs without a build step
// next to `next build`'s output.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import next from "next";

import { stampClientAddress } from "./client-address.mjs";
import { getLogger, requestLogFields } from "./logger.mjs";

const webFolder = fileURLToPath(new URL("..", import.meta.url));
const log = getLogger();
// The app's grading pool (src/server/grading-pool.ts) starts its worker threads from this file.
process.env.SAWTOOTH_GRADING_WORKER ??= fileURLToPath(
  new URL("grading-worker.mjs", import.meta.url),
);
/** Key of the globalThis property that holds the grading pool (src/server/grading-pool.ts). */
const GRADING_POOL_KEY = Symbol.for("sawtooth.gradingPool");
const SHUTDOWN_GRACE_MS = 10_000;
/** A worker that dies within this time of its start is not forked again, to avoid a crash loop. */
const EARLY_EXIT_MS = 5_000;
/** Whether a proxy in front appends the client's address to X-Forwarded-For (see README). */
const TRUST_PROXY = process.env.SAWTOOTH_TRUST_PROXY === "1";

const options = parseOptions();
if (cluster.isPrimary && options.workers > 1) {
  runPrimary(options.workers);
} else {
  await runServer(options);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: process.env.PORT ?? "3000" },
      workers: { type: "string", default: process.env.SAWTOOTH_WORKERS ?? "1" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  const limit = availableParallelism() * 4;
  const workers = values.workers === "auto" ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > limit) {
    fail(`--workers must be "auto" or a whole number from 1 to ${limit}, not "${values.workers}".`);
  }
  return { host: values.host, port, workers };
}

function runPrimary(workers) {
  let stopping = false;
  const startedAt = new Map();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  for (let index = 0; index < workers; index++) {
    fork();
  }
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (startedAt.size === 0) {
        process.exit(0);
      }
      return;
    }
    const exit = { workerPid: worker.process.pid, code, signal };
    if (lived < EARLY_EXIT_MS) {
      log.error(exit, "server process stopped right after starting; not restarting it");
      if (startedAt.size === 0) {
        process.exit(1);
      }
      return;
    }
    log.error(exit, "server process stopped; starting a new one");
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) {
      worker?.process.kill("SIGTERM");
    }
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 1_000).unref();
  };
  onStopRequest(stop);
}

async function runServer({ host, port }) {
  const app = next({ dev: false, dir: webFolder, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let stopping = false;
  const server = createServer((request, response) => {
    stampClientAddress(request, TRUST_PROXY);
    logWhenDone(request, response);
    // A keep-alive connection whose request finishes after SIGTERM stays open and idle. It would
    // hold server.close() until the grace period ends, so idle connections are closed again.
    response.once("close", () => {
      if (stopping) {
        server.closeIdleConnections();
      }
    });
    handle(request, response);
  });
  // Node closes idle connections after 5 s by default, before a proxy in front would, which
  // then sends a request into a closed connection; 65 s outlasts the usual 60 s of proxies.
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(port, host, resolve));
  log.info({ url: `http://${host}:${port}` }, "server started");

  const stop = (reason) => {
    stopping = true;
    log.info({ reason }, "server stopping: finishing the requests in flight");
    // Every grading belongs to a request, so none is left running once the server has closed.
    // Closing the pool then stops its idle worker threads, which would keep the process alive.
    server.close(async () => {
      await globalThis[GRADING_POOL_KEY]?.close();
      log.info("server stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      log.error(
        { graceMs: SHUTDOWN_GRACE_MS },
        "requests still open after the grace period; exiting",
      );
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  onStopRequest(stop);
}

/**
 * Calls `stop` once, on SIGTERM, on SIGINT, or when the parent that started this process with
 * an IPC channel goes away. A script that runs the server for a while (a benchmark, the start
 * command) opens that channel, so the server stops with it even when it is killed with SIGKILL
 * and has no chance to pass a signal on. Cluster workers have their own channel to the primary
 * and already exit when it closes.
 */
function onStopRequest(stop) {
  let called = false;
  const once = (reason) => {
    if (!called) {
      called = true;
      stop(reason);
    }
  };
  process.once("SIGTERM", () => once("SIGTERM"));
  process.once("SIGINT", () => once("SIGINT"));
  if (cluster.isPrimary && process.send) {
    process.once("disconnect", () => once("parent exited"));
  }
}

/**
 * Logs a request once its response is sent, or once the client closed the connection first.
 * Build assets (`/_next/static/…`), a dozen per page load, are logged at debug level only.
 */
function logWhenDone(request, response) {
  const started = performance.now();
  const asset = (request.url ?? "").startsWith("/_next/static/");
  response.once("close", () => {
    const fields = requestLogFields(request, response, performance.now() - started);
    if (response.writableFinished) {
      if (asset) {
        log.debug(fields, "request");
      } else {
        log.info(fields, "request");
      }
    } else {
      log.warn(fields, "request closed before its response was sent");
    }
  });
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
