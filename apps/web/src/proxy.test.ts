import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";

import { proxy } from "./proxy";

const BASE = "http://127.0.0.1:3000";
const SESSION_COOKIE = { cookie: "better-auth.session_token=token.signature" };

function get(path: string, headers: Record<string, string> = SESSION_COOKIE): NextRequest {
  return new NextRequest(`${BASE}${path}`, { headers });
}

/** Returns the path and query a redirect goes to, or null when the response is not a redirect. */
function redirectedTo(response: Response): string | null {
  const location = response.headers.get("location");
  if (location === null) return null;
  const url = new URL(location, BASE);
  return `${url.pathname}${url.search}`;
}

/** Returns the path a `NextResponse.rewrite` sends the request to, or null when it does not rewrite. */
function rewrittenTo(response: Response): string | null {
  const target = response.headers.get("x-middleware-rewrite");
  return target === null ? null : new URL(target).pathname;
}

describe("proxy under /api/v1", () => {
  test("returns a JSON 404 for malformed percent-encoding", async () => {
    const response = await proxy(get("/api/v1/courses/%E0%A4%A/exercises", {}));

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });

  test("passes an API POST without reading its body", async () => {
    const request = new NextRequest(`${BASE}/api/v1/courses/x/exercises/y/attempts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });

    const response = await proxy(request);

    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(request.bodyUsed).toBe(false);
  });
});

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

  test("shows the 404 page when signed out too", async () => {
    const response = await proxy(get("/courses/%E0%A4%A", {}));

    expect(response.status).toBe(404);
  });

  test("passes well-formed escapes", async () => {
    const response = await proxy(get("/courses/%C3%A9t%C3%A9"));

    expect(response.status).toBe(200);
    expect(rewrittenTo(response)).toBeNull();
  });
});

describe("proxy on signed-out course pages", () => {
  test("redirects to sign-in with the page's path", async () => {
    const response = await proxy(get("/courses/dlt/exercises/tent-h2?load=a1", {}));

    expect(response.status).toBe(307);
    expect(redirectedTo(response)).toBe(
      "/sign-in?next=%2Fcourses%2Fdlt%2Fexercises%2Ftent-h2%3Fload%3Da1",
    );
  });

  test("redirects from the course list without a path", async () => {
    const response = await proxy(get("/courses", {}));

    expect(redirectedTo(response)).toBe("/sign-in");
  });

  test("passes a request with a session cookie", async () => {
    const response = await proxy(get("/courses/dlt"));

    expect(response.status).toBe(200);
    expect(redirectedTo(response)).toBeNull();
  });

  test("passes the sign-in page", async () => {
    const response = await proxy(get("/sign-in?next=%2Fcourses", {}));

    expect(redirectedTo(response)).toBeNull();
  });
});

/** Returns the value the proxy sets for a request header of the page, or null when it sets none. */
function forwardedHeader(response: Response, name: string): string | null {
  const overridden = (response.headers.get("x-middleware-override-headers") ?? "").split(",");
  return overridden.includes(name) ? response.headers.get(`x-middleware-request-${name}`) : null;
}

describe("proxy on the requested page's path", () => {
  test("passes the path and query to the page", async () => {
    const response = await proxy(get("/courses/dlt/exercises/tent-h2?load=a1"));

    expect(forwardedHeader(response, "x-sawtooth-request-path")).toBe(
      "/courses/dlt/exercises/tent-h2?load=a1",
    );
  });

  test("replaces a path that the client sends", async () => {
    const headers = { ...SESSION_COOKIE, "x-sawtooth-request-path": "/courses/other" };
    const response = await proxy(get("/courses/dlt", headers));

    expect(forwardedHeader(response, "x-sawtooth-request-path")).toBe("/courses/dlt");
  });

  test("passes the path of a server action call", async () => {
    const request = new NextRequest(`${BASE}/courses/dlt/exercises/tent-h2`, {
      method: "POST",
      headers: { ...SESSION_COOKIE, "next-action": "abc", "content-type": "text/plain" },
      body: '["dlt", "tent-h2", "{}"]',
    });

    const response = await proxy(request);

    expect(forwardedHeader(response, "x-sawtooth-request-path")).toBe(
      "/courses/dlt/exercises/tent-h2",
    );
  });

  test("redirects a signed-out account page to sign-in", async () => {
    const response = await proxy(get("/account/tokens", {}));

    expect(redirectedTo(response)).toBe("/sign-in?next=%2Faccount%2Ftokens");
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

  test("rejects a multipart body without its closing boundary", async () => {
    const request = new NextRequest(`${BASE}/courses/dlt/exercises/tent-h2`, {
      method: "POST",
      headers: { "next-action": "abc", "content-type": "multipart/form-data; boundary=B" },
      body: '--B\r\nContent-Disposition: form-data; name="0"\r\n\r\n["a"]',
    });

    const response = await proxy(request);

    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/malformed or cut off/);
  });

  test("passes a signed-out action call to the action", async () => {
    const request = new NextRequest(`${BASE}/courses/dlt/exercises/tent-h2`, {
      method: "POST",
      headers: { "next-action": "abc", "content-type": "text/plain" },
      body: '["dlt", "tent-h2", "{}"]',
    });

    const response = await proxy(request);

    expect(response.status).toBe(200);
    expect(redirectedTo(response)).toBeNull();
  });
});

describe("proxy under /api", () => {
  test.each(["/api/auth/%", "/api/auth/%ZZ", "/api/auth/sign-in/%"])(
    "answers %s with a JSON 404",
    async (path) => {
      const response = await proxy(get(path, {}));

      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    },
  );

  test("passes a well-formed API request without reading its body", async () => {
    const request = new NextRequest(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"email":"a@example.com"}',
    });

    const response = await proxy(request);

    expect(response.status).toBe(200);
    expect(request.bodyUsed).toBe(false);
  });
});

describe("proxy on the origin of server action requests", () => {
  function action(headers: Record<string, string>): NextRequest {
    return new NextRequest(`${BASE}/courses/dlt/exercises/tent-h2`, {
      method: "POST",
      headers: {
        ...SESSION_COOKIE,
        host: "127.0.0.1:3000",
        "next-action": "abc",
        "content-type": "text/plain",
        ...headers,
      },
      body: '["dlt","tent-h2","{}"]',
    });
  }

  test.each([
    ["null", "null"],
    ["another port", "http://127.0.0.1:9999"],
    ["another host name", "http://localhost:3000"],
    ["two origins", "http://127.0.0.1:3000, http://evil.example"],
    ["no URL", "not a url"],
  ])("refuses an Origin of %s with a 403", async (_name, origin) => {
    const response = await proxy(action({ origin }));

    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/another site/);
  });

  test("passes the site's own origin and a request without one", async () => {
    expect((await proxy(action({ origin: "http://127.0.0.1:3000" }))).status).toBe(200);
    expect((await proxy(action({}))).status).toBe(200);
  });
});
