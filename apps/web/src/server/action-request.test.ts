import { describe, expect, test } from "vitest";

import { MAX_ACTION_BODY_BYTES } from "@/lib/submission-limits";

import { checkActionRequest } from "./action-request";

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
    const response = await checkActionRequest(actionRequest(arrayOfBytes(3_000_000)));

    expect(response?.status).toBe(413);
    expect(response?.headers.get("content-type")).toBe("text/plain");
    expect(await response?.text()).toBe(
      "The request is 2,930 KiB, larger than the maximum of 2,715 KiB that the server reads.",
    );
  });

  test("rejects a chunked body over the size limit", async () => {
    const chunk = new TextEncoder().encode(arrayOfBytes(3_000_000));
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
    form.set("password", "x".repeat(3_000_000));
    const request = new Request("http://127.0.0.1/sign-in", { method: "POST", body: form });

    expect((await checkActionRequest(request))?.status).toBe(413);
  });

  test("passes a form without checking its fields' values", async () => {
    const form = new FormData();
    form.set("_1_password", "$Q1 is a password, not a reference");
    form.set("0", '["$K1"]');
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

/** Writes form-data parts with the boundary "B", closed unless `close` is false. */
function multipart(fields: [string, string][], close = true): string {
  const parts = fields.map(
    ([name, value]) => `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return `${parts.join("")}${close ? "--B--\r\n" : ""}`;
}

function multipartRequest(
  body: string,
  { fetchAction = true, contentType = "multipart/form-data; boundary=B" } = {},
): Request {
  const headers: Record<string, string> = { "content-type": contentType };
  if (fetchAction) headers["next-action"] = ACTION_HEADERS["next-action"];
  return new Request("http://127.0.0.1/courses/c/exercises/e", { method: "POST", headers, body });
}

/** Returns the status and message of the response, or null when the request passes. */
async function rejection(request: Request): Promise<{ status: number; text: string } | null> {
  const response = await checkActionRequest(request);
  if (response === null) return null;
  return { status: response.status, text: await response.text() };
}

// The body React's client sends for the sign-in form, as Chromium posted it.
const SIGN_IN_FIELDS: [string, string][] = [
  ["_1_$ACTION_REF_1", ""],
  ["_1_$ACTION_1:0", '{"id":"60367cf733bd663604bf1698ece37913c316f8aa36","bound":"$@1"}'],
  ["_1_$ACTION_1:1", '[{"error":null,"email":""}]'],
  ["_1_$ACTION_KEY", "k5275835d4bdfeeb2a4d551d3cc9d77e8"],
  ["_1_email", "student@example.com"],
  ["_1_password", "secret"],
  ["0", '[{"error":null,"email":""},"$K1"]'],
];

describe("checkActionRequest on multipart action calls", () => {
  test("passes the sign-in form's body", async () => {
    expect(await rejection(multipartRequest(multipart(SIGN_IN_FIELDS)))).toBeNull();
  });

  test("passes a body that FormData encodes", async () => {
    const form = new FormData();
    form.set("0", '["a", "$K1"]');
    form.set("_1_file", new Blob(["{}"]), "network.json");
    const request = new Request("http://127.0.0.1/", {
      method: "POST",
      headers: { "next-action": "abc" },
      body: form,
    });

    expect(await rejection(request)).toBeNull();
  });

  const good = multipart([["0", '["a"]']]);
  test.each([
    [
      "no boundary",
      "multipart/form-data",
      good,
      /is not multipart\/form-data with a boundary parameter/,
    ],
    [
      "an empty boundary",
      "multipart/form-data; boundary=",
      good,
      /is not multipart\/form-data with a boundary parameter/,
    ],
    ["another boundary", "multipart/form-data; boundary=C", good, /malformed or cut off/],
  ])("rejects %s in the content type", async (_name, contentType, body, message) => {
    const result = await rejection(multipartRequest(body, { contentType }));

    expect(result?.status).toBe(400);
    expect(result?.text).toMatch(/^Invalid server action request: /);
    expect(result?.text).toMatch(message);
  });

  test.each([
    ["an empty body", ""],
    ["a body cut in half", good.slice(0, good.length / 2)],
    ["a body without its closing boundary", multipart([["0", '["a"]']], false)],
    ["a part without its blank line", '--B\r\nContent-Disposition: form-data; name="0"\r\n'],
    ["bytes that are not multipart", "\u0000\u00ff garbage"],
  ])("rejects %s as malformed", async (_name, body) => {
    const result = await rejection(multipartRequest(body));

    expect(result?.status).toBe(400);
    expect(result?.text).toMatch(/malformed or cut off/);
  });

  test.each([
    ["no part 0", [["foo", "bar"]], /has no part named "0"/],
    [
      "two parts 0",
      [
        ["0", "[]"],
        ["0", "[]"],
      ],
      /has 2 parts named "0"/,
    ],
    [
      "parts React reads as 0",
      [
        ["00", "[]"],
        ["S0", "[]"],
        ["0", "[]"],
      ],
      /has 3 parts named "0"/,
    ],
    ["a part named 00 alone", [["00", '["$Q1"]']], /part "0" contains "\$Q1"/],
    ["part 0 not JSON", [["0", "not json"]], /part "0" must be a JSON array/],
    ["part 0 a string", [["0", '"x"']], /part "0" must be a JSON array/],
    [
      "a Map",
      [
        ["0", '["$Q1"]'],
        ["1", "[["],
      ],
      /part "0" contains "\$Q1"/,
    ],
    ["a Blob", [["0", '["$B1"]']], /contains "\$B1"/],
    ["a promise of itself", [["0", '"$@0"']], /must be a JSON array/],
    [
      "a promise",
      [
        ["0", '["$@1"]'],
        ["1", "{{"],
      ],
      /contains "\$@1"/,
    ],
    ["a temporary reference", [["0", '["$T1"]']], /contains "\$T1"/],
    ["a server reference", [["0", '["$F1"]']], /contains "\$F1"/],
    [
      "an iterator",
      [
        ["0", '["$i1"]'],
        ["1", "[1]"],
      ],
      /contains "\$i1"/,
    ],
    ["a typed array", [["0", '["$A1"]']], /contains "\$A1"/],
    ["deep nesting", [["0", `${"[".repeat(100_000)}${"]".repeat(100_000)}`]], /levels deep/],
  ] as [string, [string, string][], RegExp][])("rejects %s", async (_name, fields, message) => {
    const result = await rejection(multipartRequest(multipart(fields)));

    expect(result?.status).toBe(400);
    expect(result?.text).toMatch(message);
  });

  test("rejects a file as part 0", async () => {
    const body =
      '--B\r\nContent-Disposition: form-data; name="0"; filename="a.json"\r\n\r\n[]\r\n--B--\r\n';

    expect((await rejection(multipartRequest(body)))?.text).toMatch(/part "0" is a file/);
  });

  test("rejects a part without a name", async () => {
    const body = `--B\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n${good}`;

    expect((await rejection(multipartRequest(body)))?.text).toMatch(/a part has no name/);
  });

  test("rejects a base64-encoded file", async () => {
    const file =
      '--B\r\nContent-Disposition: form-data; name="_1_f"; filename="a.json"\r\n' +
      "Content-Transfer-Encoding: base64\r\n\r\ne30=\r\n";

    expect((await rejection(multipartRequest(`${file}${good}`)))?.text).toMatch(
      /the file part "_1_f" is base64-encoded/,
    );
  });

  test("reads a boundary that also occurs inside a part", async () => {
    const body = multipart([["0", '["B", "$K1"]']]);

    expect(await rejection(multipartRequest(body))).toBeNull();
  });

  test("rejects more than 1,000 parts", async () => {
    const fields = Array.from({ length: 1_000 }, (_, i): [string, string] => [`_1_f${i}`, ""]);
    const atLimit = multipart([...fields.slice(1), ["0", '["$K1"]']]);
    const overLimit = multipart([...fields, ["0", '["$K1"]']]);

    expect(await rejection(multipartRequest(atLimit))).toBeNull();
    expect((await rejection(multipartRequest(overLimit)))?.text).toBe(
      "Invalid server action request: the body has 1,001 parts, more than the maximum of 1,000.",
    );
  });
});

describe("checkActionRequest on forms posted without script", () => {
  const SIGN_IN_WITHOUT_SCRIPT = SIGN_IN_FIELDS.filter(([name]) => name !== "0").map(
    ([name, value]): [string, string] => [name.replace(/^_1_/, ""), value],
  );

  test.each([
    ["the sign-in form", SIGN_IN_WITHOUT_SCRIPT],
    ["a form naming its action", [["$ACTION_ID_0050c8dd", ""]]],
    ["a form of plain fields", [["a", "b"]]],
    [
      "an action without bound arguments",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", '{"id":"a","bound":null}'],
      ],
    ],
  ] as [string, [string, string][]][])("passes %s", async (_name, fields) => {
    const request = multipartRequest(multipart(fields), { fetchAction: false });

    expect(await rejection(request)).toBeNull();
  });

  test("rejects a malformed body", async () => {
    const request = multipartRequest("--B\r\nbroken", { fetchAction: false });

    expect((await rejection(request))?.status).toBe(400);
  });

  const ref = (metadata: string, ...more: [string, string][]): [string, string][] => [
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", metadata],
    ...more,
  ];
  test.each([
    ["metadata that is not JSON", ref("not json"), /field "\$ACTION_1:0" must be a JSON object/],
    ["missing metadata", [["$ACTION_REF_1", ""]], /field "\$ACTION_1:0" must be a JSON object/],
    ["bound that is no reference", ref('{"id":"a","bound":[1]}'), /must be a JSON object/],
    ["a reference in the metadata", ref('{"id":"a","bound":null,"x":"$Q2"}'), /contains "\$Q2"/],
    ["bound arguments that are missing", ref('{"id":"a","bound":"$@1"}'), /is missing/],
    ["bound arguments of the metadata", ref('{"id":"a","bound":"$@0"}'), /metadata itself/],
    [
      "bound arguments that are not JSON",
      ref('{"id":"a","bound":"$@1"}', ["$ACTION_1:1", "{{"]),
      /field "\$ACTION_1:1" must be a JSON array/,
    ],
    [
      "bound arguments with a Map",
      ref('{"id":"a","bound":"$@1"}', ["$ACTION_1:1", '["$Q2"]']),
      /field "\$ACTION_1:1" contains "\$Q2"/,
    ],
    [
      "bound arguments in part a, read as part 10",
      ref('{"id":"a","bound":"$@a"}', ["$ACTION_1:a", "[]"]),
      /field "\$ACTION_1:10"/,
    ],
  ] as [string, [string, string][], RegExp][])("rejects %s", async (_name, fields, message) => {
    const result = await rejection(multipartRequest(multipart(fields), { fetchAction: false }));

    expect(result?.status).toBe(400);
    expect(result?.text).toMatch(message);
  });
});
