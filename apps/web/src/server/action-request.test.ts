import { describe, expect, test } from "vitest";

import { MAX_ACTION_BODY_BYTES } from "@/lib/submission-limits";

import { checkActionRequest, isPlainArgumentList } from "./action-request";

const ACTION_HEADERS = {
  "next-action": "70c1a5074943b05560166ae2b770db8569cf2778dc",
  "content-type": "text/plain;charset=UTF-8",
};

function actionRequest(body: string, headers: Record<string, string> = ACTION_HEADERS): Request {
  return new Request("http://127.0.0.1/courses/c/exercises/e", { method: "POST", headers, body });
}

/** Returns a body of exactly `bytes` bytes that is a JSON array containing one string. */
function arrayOfBytes(bytes: number): string {
  return JSON.stringify(["x".repeat(bytes - 4)]);
}

describe("checkActionRequest", () => {
  test("passes an array of strings", async () => {
    const body = JSON.stringify(["deep-learning-theory", "tent-h2", '{"layers": []}']);

    expect(await checkActionRequest(actionRequest(body))).toBeNull();
  });

  test("passes a body at the size limit", async () => {
    expect(await checkActionRequest(actionRequest(arrayOfBytes(MAX_ACTION_BODY_BYTES)))).toBeNull();
  });

  test("rejects a body over the size limit with 413", async () => {
    const response = await checkActionRequest(actionRequest(arrayOfBytes(2_000_000)));

    expect(response?.status).toBe(413);
    expect(response?.headers.get("content-type")).toBe("text/plain");
    expect(await response?.text()).toBe(
      "The request is 1,954 KiB, larger than the maximum of 1,600 KiB that the server reads.",
    );
  });

  test("rejects a chunked body over the size limit", async () => {
    const chunk = new TextEncoder().encode(arrayOfBytes(2_000_000));
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request("http://127.0.0.1/sign-in", {
      method: "POST",
      headers: ACTION_HEADERS,
      body,
      duplex: "half",
    } as RequestInit);

    expect(request.headers.get("content-length")).toBeNull();
    expect((await checkActionRequest(request))?.status).toBe(413);
  });

  test("rejects a large form by its Content-Length", async () => {
    const form = new FormData();
    form.set("password", "x".repeat(2_000_000));
    const request = new Request("http://127.0.0.1/sign-in", { method: "POST", body: form });

    expect((await checkActionRequest(request))?.status).toBe(413);
  });

  test("passes a form without checking its fields", async () => {
    const form = new FormData();
    form.set("1_$ACTION_ID_abc", "");
    const request = new Request("http://127.0.0.1/sign-in", {
      method: "POST",
      headers: { "next-action": "abc" },
      body: form,
    });

    expect(await checkActionRequest(request)).toBeNull();
  });

  test.each([
    ["not JSON", "not json"],
    ["an object", '{"a": 1}'],
    ["a string", '"text"'],
    ["null", "null"],
    ["cut-off JSON", "[1, 2"],
  ])("rejects %s with 400", async (_name, body) => {
    const response = await checkActionRequest(actionRequest(body));

    expect(response?.status).toBe(400);
    expect(response?.headers.get("content-type")).toBe("text/plain");
    expect(await response?.text()).toMatch(/must be a JSON array of the action's arguments/);
  });

  test("checks a body without a content type as an argument list", async () => {
    const request = new Request("http://127.0.0.1/", {
      method: "POST",
      headers: { "next-action": "abc" },
      body: new TextEncoder().encode("{}"),
    });

    expect((await checkActionRequest(request))?.status).toBe(400);
  });

  test("passes a POST that is not an action call", async () => {
    const request = new Request("http://127.0.0.1/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });

    expect(await checkActionRequest(request)).toBeNull();
  });
});

describe("isPlainArgumentList", () => {
  test.each([
    ["strings", '["a", "b"]'],
    ["an escaped dollar", '["$$1 each"]'],
    ["nested plain values", '[{"a": [1, null, true, "x"]}]'],
    ["an empty array", "[]"],
    ["64 levels of nesting", `${"[".repeat(64)}${"]".repeat(64)}`],
  ])("accepts %s", (_name, body) => {
    expect(isPlainArgumentList(body)).toBe(true);
  });

  test.each([
    ["a reference", '["$Q1"]'],
    ["a nested reference", '[{"a": ["$@0"]}]'],
    ["$undefined", '["$undefined"]'],
    ["65 levels of nesting", `${"[".repeat(65)}${"]".repeat(65)}`],
    ["700,000 levels of nesting", `${"[".repeat(700_000)}${"]".repeat(700_000)}`],
  ])("rejects %s", (_name, body) => {
    expect(isPlainArgumentList(body)).toBe(false);
  });
});
