import { afterAll, afterEach, beforeAll, expect, test } from "vitest";

import { FIXTURE } from "@/testing/course-fixture";
import { deepSawtoothDefinition, sawtoothSubmission } from "@/testing/deep-sawtooth";

import { closeGradingPool } from "../grading-pool";
import { submitAttemptHandler } from "./attempts";
import { callApi, createApiFixture, readError, type ApiFixture } from "./testing";

let fixture: ApiFixture | undefined;

beforeAll(() => {
  // Read when the first submission creates the process's pool. f^20 takes seconds to grade.
  process.env.SAWTOOTH_GRADING_TIMEOUT_MS = "500";
});

afterEach(async () => {
  await fixture?.testDatabase.remove();
});

afterAll(async () => {
  await closeGradingPool();
  delete process.env.SAWTOOTH_GRADING_TIMEOUT_MS;
});

test("submitAttemptHandler returns 422 over the budget", async () => {
  fixture = await createApiFixture();
  await fixture.db.exercise.create({
    data: {
      courseId: FIXTURE.course,
      slug: "deep-sawtooth",
      title: "A sawtooth of any depth",
      position: 2,
      versions: { create: { version: 1, definition: deepSawtoothDefinition() } },
    },
  });

  const response = await callApi(fixture.context, submitAttemptHandler, {
    method: "POST",
    token: fixture.tokens.student,
    body: { submission: sawtoothSubmission(20) },
    params: { course: FIXTURE.courseSlug, exercise: "deep-sawtooth" },
  });

  expect(response.status).toBe(422);
  const error = await readError(response);
  expect(error.code).toBe("too_complex");
  expect(error.message).toMatch(/No attempt was used/);
  expect(await fixture.db.attempt.count()).toBe(0);
}, 60_000);
