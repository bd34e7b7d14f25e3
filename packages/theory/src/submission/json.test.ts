import { describe, expect, test } from "vitest";

import { JSON_LIMITS, JsonNumber, parseJson, type JsonValue } from "./json";

function parse(text: string): JsonValue {
  const result = parseJson(text);
  if (!result.ok) throw new Error(`expected valid JSON, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function errorOf(text: string) {
  const result = parseJson(text);
  if (result.ok) throw new Error("expected invalid JSON");
  return result.error;
}

describe("parseJson", () => {
  test("keeps number literals as text", () => {
    expect(parse("[12345678901234567890, -0.1, 1e-3, 0]")).toEqual([
      new JsonNumber("12345678901234567890"),
      new JsonNumber("-0.1"),
      new JsonNumber("1e-3"),
      new JsonNumber("0"),
    ]);
  });

  test("reads every kind of value", () => {
    const value = parse(' { "a": [true, false, null], "b": "x\\n\\u00e9\\"", "c": {} } ');
    expect(JSON.stringify(value)).toBe('{"a":[true,false,null],"b":"x\\né\\"","c":{}}');
  });

  test("keeps key order", () => {
    expect(Object.keys(parse('{"2.weight": 1, "0.weight": 2, "10.bias": 3}') as object)).toEqual([
      "2.weight",
      "0.weight",
      "10.bias",
    ]);
  });

  test("treats __proto__ as an ordinary key", () => {
    const value = parse('{"__proto__": {"polluted": true}}') as Record<string, JsonValue>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(value)).toBe(null);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  test("skips a byte order mark", () => {
    expect(parse("\uFEFF[1]")).toEqual([new JsonNumber("1")]);
  });

  test.each([
    ["trailing comma in array", "[1, 2,]", 1, 7, "a value", "']'"],
    ["trailing comma in object", '{"a": 1,}', 1, 9, "a string key", "'}'"],
    ["missing comma", "[[1]\n [2]]", 2, 2, "',' or ']'", "'['"],
    ["single quotes", "['a']", 1, 2, "a value", "'''"],
    ["comment", "[1] // note", 1, 5, "end of input", "'/'"],
    ["leading zero", "[01]", 1, 3, "',', ']', '}' or end of number", "'1'"],
    ["bare dot", "[.5]", 1, 2, "a value", "'.'"],
    ["trailing dot", "[1.]", 1, 3, "',', ']', '}' or end of number", "'.'"],
    ["plus sign", "[+1]", 1, 2, "a value", "'+'"],
    ["lone minus", "[-]", 1, 3, "a digit", "']'"],
    ["NaN", "[NaN]", 1, 2, "a value", "'N'"],
    ["Infinity", "[Infinity]", 1, 2, "a value", "'I'"],
    ["unclosed array", "[1", 1, 3, "',' or ']'", "end of input"],
    ["unclosed string", '"abc', 1, 5, "'\"' to close the string", "end of input"],
    [
      "raw newline in string",
      '"a\nb"',
      1,
      3,
      "an escape such as \\n instead of a control character",
      "U+000A",
    ],
    ["bad escape", '"\\x"', 1, 3, 'an escape: one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u', "'x'"],
    ["short unicode escape", '"\\u12"', 1, 4, "four hexadecimal digits after \\u", "'1'"],
    ["empty text", "", 1, 1, "a value", "end of input"],
    ["two values", "1 2", 1, 3, "end of input", "'2'"],
    ["missing colon", '{"a" 1}', 1, 6, "':'", "'1'"],
  ])("rejects %s", (_name, text, line, column, expected, received) => {
    expect(errorOf(text)).toEqual({ code: "syntax", line, column, expected, received });
  });

  test("counts lines across CRLF", () => {
    const error = errorOf('{\r\n  "layers": [\r\n    [1, 2}\r\n]}');
    expect(error).toMatchObject({ code: "syntax", line: 3, column: 10 });
  });

  test("rejects a duplicate key with its path", () => {
    const text = '{"layers": [{"weights": [[1]], "biases": [0],\n "weights": [[2]]}]}';
    expect(errorOf(text)).toEqual({
      code: "duplicate-key",
      line: 2,
      column: 2,
      key: "weights",
      path: ["layers", 0],
    });
  });

  test("accepts nesting up to the depth limit", () => {
    const depth = JSON_LIMITS.maxDepth;
    expect(parseJson("[".repeat(depth) + "]".repeat(depth)).ok).toBe(true);
  });

  test("rejects nesting beyond the depth limit", () => {
    const depth = JSON_LIMITS.maxDepth + 1;
    const error = errorOf("[".repeat(depth) + "]".repeat(depth));
    expect(error).toEqual({
      code: "too-deep",
      line: 1,
      column: depth,
      bound: JSON_LIMITS.maxDepth,
    });
  });

  test("rejects a million nested arrays without overflow", () => {
    const text = '{"a": ' + "[".repeat(1_000_000);
    expect(errorOf(text).code).toBe("too-deep");
  });

  test("rejects text over the length limit", () => {
    const text = `[${"0,".repeat(JSON_LIMITS.maxLength / 2)}0]`;
    expect(errorOf(text)).toEqual({
      code: "too-long",
      line: 1,
      column: 1,
      bound: JSON_LIMITS.maxLength,
      received: text.length,
    });
  });

  test("accepts text at the length limit", () => {
    const padding = " ".repeat(JSON_LIMITS.maxLength - 3);
    expect(parseJson(`[${padding}1]`).ok).toBe(true);
  });
});
