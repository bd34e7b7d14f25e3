import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { createDatabase } from "@sawtooth/db";
import { DEMO_PASSWORD, DEMO_STUDENT } from "@sawtooth/db/demo";

import {
  encodeStringArguments,
  readActionIds,
  readActionResult,
  signInWithAction,
  submitHeaders,
} from "../bench/server-action";
import { deepSawtoothDefinition, sawtoothSubmission } from "../src/testing/deep-sawtooth";
import { LECTURE_COURSE_SLUG } from "./accounts";
import {
  migrateAndSeed,
  nextBuildFolder,
  startProductionServer,
  type ServerEnvironment,
} from "./production-server";

// This spec starts a server of its own, because it stops it; the shared one keeps serving.
test("SIGTERM lets a grading in flight finish and store its attempt", async () => {
  test.setTimeout(120_000);
  const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-shutdown-"));
  const env: ServerEnvironment = {
    DATABASE_URL: `file:${path.join(folder, "shutdown.db")}`,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    SAWTOOTH_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    SAWTOOTH_GRADING_TIMEOUT_MS: "60000",
  };
  migrateAndSeed(env);
  const db = createDatabase(env.DATABASE_URL);
  const course = await db.course.findUniqueOrThrow({ where: { slug: LECTURE_COURSE_SLUG } });
  await db.exercise.create({
    data: {
      courseId: course.id,
      slug: "deep-sawtooth",
      title: "A sawtooth of any depth",
      position: 100,
      versions: { create: { version: 1, definition: deepSawtoothDefinition() } },
    },
  });
  const server = await startProductionServer(env);

  try {
    const actions = readActionIds(nextBuildFolder);
    const credentials = { email: DEMO_STUDENT.email, password: DEMO_PASSWORD };
    const cookie = await signInWithAction(server.baseUrl, actions.signIn, credentials);
    const headers = submitHeaders(
      actions.submitAttempt,
      server.baseUrl,
      LECTURE_COURSE_SLUG,
      "deep-sawtooth",
    );

    // f^19 takes seconds to grade, which leaves time to stop the server in the middle.
    const args = [LECTURE_COURSE_SLUG, "deep-sawtooth", sawtoothSubmission(19)];
    const response = fetch(
      `${server.baseUrl}/courses/${LECTURE_COURSE_SLUG}/exercises/deep-sawtooth`,
      {
        method: "POST",
        headers: { ...headers, cookie },
        body: encodeStringArguments(args),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const stopRequested = performance.now();
    const stopped = server.stop();
    const body = await (await response).text();
    await stopped;
    const stopMs = performance.now() - stopRequested;

    const result = readActionResult(body);
    expect(result?.status).toBe("graded");
    expect(result?.status === "graded" && result.feedback.verdict).toBe("incorrect");
    const stored = await db.attempt.findMany({ where: { exercise: { slug: "deep-sawtooth" } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(result?.status === "graded" ? result.attemptId : "");
    // The server exits once the grading is done, well before its 10 s grace period runs out.
    expect(stopMs).toBeLessThan(9_000);
  } finally {
    await server.stop();
    await db.$disconnect();
    rmSync(folder, { recursive: true, force: true });
  }
});
