import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";

import { proxy } from "./proxy";

const BASE = "http://127.0.0.1:3000";
const SESSION_COOKIE = { cookie: "better-auth.session_token=token.signature" };

function get(path: string, headers: Record<string, string> = SESSION_COOKIE): NextRequest {
  return new NextRequest(`${BASE}${path}`, { headers });
}

/** Returns the path a `NextResponse.rewrite` sends the request to, or null when it does not rewrite. */
function rewrittenTo(response: Response): string | null {
  const target = response.headers.get("x-middleware-rewrite");
  return target === null ? null : new URL(target).pathname;
}

describe("proxy on malformed percent-encoding", () => {
  test.each([
    "/courses/%E0%A4%A/exercises/x",
    "/courses/deep-learning-theory/exercises/%E0%A4%A",
    "/courses/deep-learning-theory/exercises/tent-h2/attempts/%ZZ",
    "/courses/%",
  ])("shows the 404 page for %s", async (path) => {
    const response = await proxy(get(path));

    expect(response.status).toBe(404);
    expect(rewrittenTo(response)).toBe("/not-found");
  });

  test("passes well-formed escapes", async () => {
    const response = await proxy(get("/courses/%C3%A9t%C3%A9"));

    expect(response.status).toBe(200);
    expect(rewrittenTo(response)).toBeNull();
  });
});

describe("proxy on server action requests", () => {
  test("rejects a body that is not a JSON array", async () => {
    const request = new NextRequest(`${BASE}/courses/dlt/exercises/tent-h2`, {
      method: "POST",
      headers: { ...SESSION_COOKIE, "next-action": "abc", "content-type": "text/plain" },
      body: '{"a": 1}',
    });

    const response = await proxy(request);

    expect(response.status).toBe(400);
  });

  test("passes an array of strings to the action", async () => {
    const request = new NextRequest(`${BASE}/courses/dlt/exercises/tent-h2`, {
      method: "POST",
      headers: { "next-action": "abc", "content-type": "text/plain" },
      body: '["dlt", "tent-h2", "{}"]',
    });

    const response = await proxy(request);

    expect(response.status).toBe(200);
  });
});
