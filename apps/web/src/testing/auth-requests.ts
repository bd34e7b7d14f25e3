import { afterAll, beforeAll } from "vitest";

import { getDatabase } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { GET, POST } from "@/app/api/auth/[...all]/route";

/** Host and origin of the requests sent to the auth route; better-auth trusts loopback hosts. */
const HOST = "127.0.0.1:3000";
const ORIGIN = `http://${HOST}`;

/**
 * Gives the test file a migrated database that `getDatabase`, and so better-auth, use, and
 * removes it after the file's tests. It must run before anything calls `getDatabase`, which
 * keeps its first client for the whole process; Vitest runs each test file in its own process.
 */
export function setUpAuthTestDatabase(): { current: TestDatabase } {
  const holder = {} as { current: TestDatabase };
  beforeAll(() => {
    holder.current = createTestDatabase();
    process.env["DATABASE_URL"] = holder.current.url;
    process.env["BETTER_AUTH_SECRET"] = "a-secret-for-tests-only-0123456789abcdef";
  });
  afterAll(async () => {
    await getDatabase().$disconnect();
    await holder.current.remove();
  });
  return holder;
}

/** Sends a request to the app's `/api/auth/*` route handler, with the cookies given. */
export async function sendAuthRequest(
  endpoint: string,
  { cookie, body }: { cookie?: string; body?: unknown } = {},
): Promise<Response> {
  // A Request built in Node.js has no Host header, which every HTTP request to the server has.
  const headers = new Headers({ host: HOST, origin: ORIGIN });
  if (cookie !== undefined) headers.set("cookie", cookie);
  const url = `${ORIGIN}/api/auth${endpoint}`;
  if (body === undefined) {
    return GET(new Request(url, { headers }));
  }
  headers.set("content-type", "application/json");
  return POST(new Request(url, { method: "POST", headers, body: JSON.stringify(body) }));
}

/** Signs in through the route and returns the session's cookies as a `Cookie` header value. */
export async function signIn(email: string, password: string): Promise<string> {
  const response = await sendAuthRequest("/sign-in/email", { body: { email, password } });
  if (response.status !== 200) {
    throw new Error(`Sign-in of ${email} failed with ${response.status}: ${await response.text()}`);
  }
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}
