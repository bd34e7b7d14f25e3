import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { FIXTURE } from "@/testing/course-fixture";

import { runApiHandler, type ApiHandler } from "./context";
import { listCoursesHandler } from "./courses";
import { ApiError, jsonResponse } from "./errors";
import { callApi, createApiFixture, readError, TEST_NOW, type ApiFixture } from "./testing";

let fixture: ApiFixture;

beforeEach(async () => {
  fixture = await createApiFixture();
});

afterEach(async () => {
  await fixture.testDatabase.remove();
});

function listCourses(token: string | null, headers: Record<string, string> = {}) {
  return callApi(fixture.context, listCoursesHandler, { token, headers });
}

describe("runApiHandler authenticates", () => {
  test("rejects a request without a token", async () => {
    const response = await listCourses(null);

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await readError(response)).toMatchObject({ code: "unauthorized" });
  });

  test.each([
    ["another scheme", "Basic c3R1ZGVudDpwYXNzd29yZA=="],
    ["no token", "Bearer"],
    ["a token without the prefix", "Bearer abc123"],
    ["two tokens", "Bearer saw_a saw_b"],
  ])("rejects a malformed header: %s", async (_name, header) => {
    const response = await listCourses(null, { authorization: header });

    expect(response.status).toBe(401);
    const error = await readError(response);
    expect(error.code).toBe("invalid_token");
    expect(error.message).toMatch(/Malformed/);
  });

  test("rejects an unknown token", async () => {
    const response = await listCourses(`${fixture.tokens.student}x`);

    expect(response.status).toBe(401);
    expect(await readError(response)).toMatchObject({ code: "invalid_token" });
  });

  test("rejects a revoked token", async () => {
    await fixture.db.apiToken.updateMany({
      where: { userId: FIXTURE.student },
      data: { revokedAt: TEST_NOW },
    });

    const response = await listCourses(fixture.tokens.student);

    expect(response.status).toBe(401);
    expect((await readError(response)).message).toMatch(/revoked/);
  });

  test("rejects a token at its expiry time", async () => {
    await fixture.db.apiToken.updateMany({
      where: { userId: FIXTURE.student },
      data: { expiresAt: TEST_NOW },
    });

    const response = await listCourses(fixture.tokens.student);

    expect(response.status).toBe(401);
    expect((await readError(response)).message).toMatch(/expired/);
  });

  test("rejects a token whose owner must change password", async () => {
    await fixture.db.user.update({
      where: { id: FIXTURE.student },
      data: { passwordChangeRequired: true },
    });

    const response = await listCourses(fixture.tokens.student);

    expect(response.status).toBe(403);
    const error = await readError(response);
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/\/account\/password/);
  });

  test("accepts a token before its expiry and records its use", async () => {
    await fixture.db.apiToken.updateMany({
      where: { userId: FIXTURE.student },
      data: { expiresAt: new Date(TEST_NOW.getTime() + 1000) },
    });

    const response = await listCourses(fixture.tokens.student);

    expect(response.status).toBe(200);
    const token = await fixture.db.apiToken.findFirstOrThrow({
      where: { userId: FIXTURE.student },
    });
    expect(token.lastUsedAt).toEqual(TEST_NOW);
  });

  test("acts as the token's owner", async () => {
    const response = await listCourses(fixture.tokens.outsider);

    const body = (await response.json()) as { courses: { slug: string }[] };
    expect(body.courses.map((course) => course.slug)).toEqual([FIXTURE.otherCourseSlug]);
  });
});

describe("runApiHandler rate-limits", () => {
  test("returns 429 with Retry-After past the limit", async () => {
    fixture.context.rateLimit = { requests: 2, windowMs: 60_000 };

    const first = await listCourses(fixture.tokens.student);
    const second = await listCourses(fixture.tokens.student);
    const third = await listCourses(fixture.tokens.student);

    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    expect(second.status).toBe(200);
    expect(third.status).toBe(429);
    // All three requests arrive at TEST_NOW, so the first leaves the window 60 s later.
    expect(third.headers.get("retry-after")).toBe("60");
    expect(await readError(third)).toMatchObject({ code: "rate_limited" });
  });

  test("rejects a burst across a minute boundary", async () => {
    fixture.context.rateLimit = { requests: 2, windowMs: 60_000 };
    let now = new Date("2027-01-15T11:59:59.500Z");
    fixture.context.now = () => now;
    await listCourses(fixture.tokens.student);
    await listCourses(fixture.tokens.student);

    now = new Date("2027-01-15T12:00:00.250Z");
    const rejected = await listCourses(fixture.tokens.student);
    now = new Date("2027-01-15T12:00:59.250Z");
    const early = await listCourses(fixture.tokens.student);
    now = new Date("2027-01-15T12:00:59.500Z");
    const retried = await listCourses(fixture.tokens.student);

    expect(rejected.status).toBe(429);
    // 59.25 s until the first request leaves the window, rounded up to whole seconds.
    expect(rejected.headers.get("retry-after")).toBe("60");
    // X-RateLimit-Reset is in whole Unix seconds, rounded up from 12:00:59.5.
    const reset = Date.parse("2027-01-15T12:01:00Z") / 1000;
    expect(rejected.headers.get("x-ratelimit-reset")).toBe(String(reset));
    expect(early.status).toBe(429);
    expect(early.headers.get("retry-after")).toBe("1");
    expect(retried.status).toBe(200);
  });

  test("limits each token apart", async () => {
    fixture.context.rateLimit = { requests: 1, windowMs: 60_000 };
    await listCourses(fixture.tokens.student);

    const other = await listCourses(fixture.tokens.otherStudent);

    expect(other.status).toBe(200);
  });

  test("does not count requests without a valid token", async () => {
    fixture.context.rateLimit = { requests: 1, windowMs: 60_000 };
    await listCourses(`${fixture.tokens.student}x`);

    expect(await fixture.db.apiRequest.count()).toBe(0);
  });
});

describe("runApiHandler errors", () => {
  test("maps an ApiError to its status", async () => {
    const handler: ApiHandler<unknown> = () => {
      throw new ApiError("conflict", "Changed meanwhile.", { "x-test": "1" });
    };

    const response = await callApi(fixture.context, handler, { token: fixture.tokens.student });

    expect(response.status).toBe(409);
    expect(response.headers.get("x-test")).toBe("1");
    expect(await response.json()).toEqual({
      error: { code: "conflict", message: "Changed meanwhile." },
    });
  });

  test("hides an unexpected error behind a 500", async () => {
    const handler: ApiHandler<unknown> = () => {
      throw new Error("secret detail at /work/app/file.ts:12");
    };

    const response = await callApi(fixture.context, handler, { token: fixture.tokens.student });

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret detail");
    expect(text).not.toContain("file.ts");
    expect(JSON.parse(text)).toMatchObject({ error: { code: "internal_error" } });
  });

  test("sends JSON with no-store", async () => {
    const request = new Request("http://127.0.0.1/api/v1/courses", {
      headers: { authorization: `Bearer ${fixture.tokens.student}` },
    });

    const response = await runApiHandler(fixture.context, request, {}, async () =>
      jsonResponse({ ok: true }),
    );

    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
