import { createApiToken, type Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { createCourseFixture, FIXTURE } from "@/testing/course-fixture";

import { runApiHandler, type ApiContext, type ApiHandler } from "./context";

/** The clock of the API tests. */
export const TEST_NOW = new Date("2027-01-15T12:00:00Z");

/** A database with the course fixture and one token for each of its users. */
export interface ApiFixture {
  testDatabase: TestDatabase;
  db: Database;
  context: ApiContext;
  tokens: Record<FixtureUser, string>;
}

/** The users of the course fixture, each of which gets a token. */
const FIXTURE_USERS = [
  "student",
  "otherStudent",
  "tutor",
  "admin",
  "outsider",
  "otherCourseAdmin",
] as const;

type FixtureUser = (typeof FIXTURE_USERS)[number];

/**
 * Creates a test database with the course fixture and a token per user. The rate limit is high
 * enough that only the rate-limit tests reach it.
 */
export async function createApiFixture(
  tent: Parameters<typeof createCourseFixture>[1] = {},
): Promise<ApiFixture> {
  const testDatabase = createTestDatabase();
  const { db } = testDatabase;
  await createCourseFixture(db, tent);
  const tokens = {} as ApiFixture["tokens"];
  for (const user of FIXTURE_USERS) {
    const input = { userId: FIXTURE[user], name: `${user} token`, expiresAt: null };
    const result = await createApiToken(db, input, TEST_NOW);
    if (result.status !== "created") throw new Error("The fixture's token was not created.");
    tokens[user] = result.token;
  }
  const context: ApiContext = {
    db,
    now: () => TEST_NOW,
    rateLimit: { requests: 1000, windowMs: 60_000 },
  };
  return { testDatabase, db, context, tokens };
}

/** A request to an API handler as a test sends it. */
export interface TestRequest {
  method?: string;
  /** The path below /api/v1, with its query. */
  path?: string;
  token?: string | null;
  headers?: Record<string, string>;
  /** A value to send as JSON, or a string sent as it is. */
  body?: unknown;
  params?: Record<string, string>;
}

/** Sends a request through {@link runApiHandler}, as the route files do. */
export function callApi(
  context: ApiContext,
  handler: ApiHandler<unknown>,
  request: TestRequest = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (request.token) headers["authorization"] = `Bearer ${request.token}`;
  if (request.body !== undefined) headers["content-type"] = "application/json";
  Object.assign(headers, request.headers);
  const body =
    request.body === undefined
      ? null
      : typeof request.body === "string"
        ? request.body
        : JSON.stringify(request.body);
  const url = `http://127.0.0.1/api/v1${request.path ?? "/"}`;
  const init: RequestInit = { method: request.method ?? "GET", headers, body };
  return runApiHandler(context, new Request(url, init), request.params ?? {}, handler);
}

/** Reads an error response's code and message, checking the shape on the way. */
export async function readError(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  const { code, message } = body.error ?? {};
  if (typeof code !== "string" || typeof message !== "string") {
    throw new Error(`Not an API error body: ${JSON.stringify(body)}`);
  }
  return { code, message };
}
