import { describe, expect, test } from "vitest";

import { DEFAULT_RETURN_PATH, safeReturnPath, signInPath } from "./return-path";

describe("safeReturnPath", () => {
  test.each([
    ["/courses/deep-learning-theory", "/courses/deep-learning-theory"],
    ["/courses/a/exercises/b?load=x", "/courses/a/exercises/b?load=x"],
    ["/courses/a/../b", "/courses/b"],
    ["/courses/%C3%A9", "/courses/%C3%A9"],
  ])("keeps the path %s", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  test.each([
    ["an absolute URL", "https://evil.example/courses"],
    ["a scheme", "javascript:alert(1)"],
    ["a protocol-relative URL", "//evil.example/courses"],
    ["a backslash after the slash", "/\\evil.example"],
    ["a backslash later on", "/courses\\..\\..\\evil"],
    ["a tab that the URL parser drops", "/\t/evil.example"],
    ["a newline", "/courses\n"],
    ["dot segments that make two slashes", "/a/..//evil.example"],
    ["a relative path", "courses"],
    ["an empty string", ""],
    ["a path over 2048 characters", `/${"a".repeat(2048)}`],
  ])("rejects %s", (_name, value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
  });

  test.each([
    ["null", null],
    ["a number", 42],
    ["an array", ["/courses"]],
  ])("rejects %s", (_name, value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
  });
});

describe("signInPath", () => {
  test("carries the path as the next parameter", () => {
    expect(signInPath("/courses/a?load=1")).toBe("/sign-in?next=%2Fcourses%2Fa%3Fload%3D1");
  });

  test("leaves out the default path", () => {
    expect(signInPath("/courses")).toBe("/sign-in");
  });

  test("leaves out an unsafe path", () => {
    expect(signInPath("//evil.example")).toBe("/sign-in");
  });
});
