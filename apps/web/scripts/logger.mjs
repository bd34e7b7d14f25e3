// The server's one levelled logger (Pino), shared by scripts/serve.mjs and the app's server code
// (src/server/log.ts). Both run in one process, and Next.js bundles its copy of this module
// apart from serve.mjs's, so the logger is created once and kept on globalThis.
//
// LOG_LEVEL sets the level: fatal, error, warn, info (the default), debug, trace or silent.
// Under Vitest the default is silent, so test output shows only the tests.
import pino from "pino";

/**
 * Paths that are replaced by "[Redacted]" in every line, wherever a caller puts them: secrets,
 * credentials, session data and raw submissions. Pino's `*` matches one level of nesting.
 */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  "headers",
  "*.headers",
  "session",
  "*.session",
  "submission",
  "*.submission",
  "raw",
  "*.raw",
  "DATABASE_URL",
  "*.DATABASE_URL",
];

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const LOGGER_KEY = Symbol.for("sawtooth.logger");

/**
 * Creates a logger that writes JSON lines to `destination` (standard output by default). Exported
 * for tests, which pass a stream of their own; the server uses {@link getLogger}.
 */
export function createLogger(destination = pino.destination(1), env = process.env) {
  const level = env.LOG_LEVEL || (env.VITEST ? "silent" : "info");
  if (!LEVELS.includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}, not "${level}".`);
  }
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: "[Redacted]" },
  };
  return pino(options, destination);
}

/** Returns the process's logger, creating it on first use. */
export function getLogger() {
  globalThis[LOGGER_KEY] ??= createLogger();
  return globalThis[LOGGER_KEY];
}

/**
 * Returns the fields a request's log line carries: method, path without the query string (which
 * may carry tokens), status and duration. Headers, cookies and bodies are left out.
 */
export function requestLogFields(request, response, durationMs) {
  const url = request.url ?? "/";
  const queryStart = url.indexOf("?");
  return {
    method: request.method,
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    status: response.statusCode,
    durationMs: Math.round(durationMs),
  };
}
