import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { getDatabase } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { GET as readAttempt } from "@/app/api/v1/attempts/[attempt]/route";
import { POST as submitAttempt } from "@/app/api/v1/courses/[course]/exercises/[exercise]/attempts/route";
import { GET as listExercises } from "@/app/api/v1/courses/[course]/exercises/route";
import { GET as exportGradebook } from "@/app/api/v1/courses/[course]/gradebook/route";
import { GET as listCourses } from "@/app/api/v1/courses/route";

import { readError } from "./testing";

let testDatabase: TestDatabase;

// The route files run with the app's database, which getDatabase() opens from DATABASE_URL.
beforeAll(() => {
  testDatabase = createTestDatabase();
  process.env["DATABASE_URL"] = testDatabase.url;
});

afterAll(async () => {
  await getDatabase().$disconnect();
  await testDatabase.remove();
});

type RouteHandler = (request: Request, route: { params: Promise<unknown> }) => Promise<Response>;

const course = "deep-learning-theory";

/** Every API route that needs a token, with its method and the parameters of its path. */
const ROUTES: [string, RouteHandler, string, Record<string, string>][] = [
  ["GET /courses", listCourses, "GET", {}],
  ["GET /courses/{course}/exercises", listExercises, "GET", { course }],
  [
    "POST /courses/{course}/exercises/{exercise}/attempts",
    submitAttempt,
    "POST",
    { course, exercise: "tent-h2" },
  ],
  ["GET /attempts/{attempt}", readAttempt, "GET", { attempt: "attempt-1" }],
  ["GET /courses/{course}/gradebook", exportGradebook, "GET", { course }],
];

describe("API routes", () => {
  test.each(ROUTES)("%s returns 401 without a token", async (_name, handler, method, params) => {
    const body = method === "POST" ? JSON.stringify({ submission: "{}" }) : null;
    const request = new Request("http://127.0.0.1/api/v1/route", {
      method,
      headers: { "content-type": "application/json" },
      body,
    });

    const response = await handler(request, { params: Promise.resolve(params) });

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await readError(response)).toMatchObject({ code: "unauthorized" });
  });
});
