import { Writable } from "node:stream";

import { describe, expect, test } from "vitest";

import { createLogger, requestLogFields } from "../../scripts/logger.mjs";

/** Returns a logger at level info that writes into `lines`, one parsed JSON object a line. */
function captureLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return createLogger(sink, { LOG_LEVEL: "info" });
}

const SECRETS = [
  "sawtooth-demo",
  "session-token-value",
  "cookie-value",
  "bearer-value",
  '{"layers"',
];

describe("createLogger", () => {
  test("redacts credentials, session data and submissions", () => {
    const lines: string[] = [];
    const logger = captureLogger(lines);

    logger.info({ email: "student@example.com", password: "sawtooth-demo" }, "sign-in");
    logger.info({ user: { password: "sawtooth-demo", token: "session-token-value" } }, "user");
    logger.info({ headers: { cookie: "cookie-value", authorization: "bearer-value" } }, "request");
    logger.info({ request: { session: "session-token-value", submission: '{"layers":[]}' } }, "x");
    logger.info({ attempt: { raw: '{"layers":[]}', id: "attempt-1" } }, "attempt");

    expect(lines).toHaveLength(5);
    for (const secret of SECRETS) {
      expect(lines.join("\n")).not.toContain(secret);
    }
    expect(lines[0]).toContain("student@example.com");
    expect(lines[4]).toContain("attempt-1");
    expect(JSON.parse(lines[0] ?? "{}").password).toBe("[Redacted]");
  });

  test("writes nothing below its level", () => {
    const lines: string[] = [];
    const logger = createLogger(
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
      { LOG_LEVEL: "warn" },
    );

    logger.info("hidden");
    logger.warn("shown");

    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("shown");
  });

  test("rejects an unknown LOG_LEVEL", () => {
    expect(() => createLogger(undefined, { LOG_LEVEL: "loud" })).toThrow(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud".',
    );
  });
});

describe("requestLogFields", () => {
  test("keeps the path and drops the query string and headers", () => {
    const request = {
      method: "GET",
      url: "/api/auth/reset-password?token=session-token-value",
      headers: { cookie: "cookie-value" },
    };

    const fields = requestLogFields(request, { statusCode: 302 }, 12.6);

    expect(fields).toEqual({
      method: "GET",
      path: "/api/auth/reset-password",
      status: 302,
      durationMs: 13,
    });
    expect(JSON.stringify(fields)).not.toContain("session-token-value");
  });
});
