import { describe, expect, test } from "vitest";

import { findArgumentListProblem, MAX_ARRAY_SLOTS } from "./action-arguments";

describe("findArgumentListProblem", () => {
  test.each([
    ["strings", '["a", "b"]'],
    ["an escaped dollar", '["$$1 each"]'],
    ["nested plain values", '[{"a": [1, null, true, "x"]}]'],
    ["an empty array", "[]"],
    ["64 levels of nesting", `${"[".repeat(64)}${"]".repeat(64)}`],
    ["one long string", JSON.stringify(["x".repeat(MAX_ARRAY_SLOTS + 10)])],
    ["a long string in an object", JSON.stringify([{ a: "x".repeat(MAX_ARRAY_SLOTS) }, "b"])],
  ])("accepts %s", (_name, body) => {
    expect(findArgumentListProblem(body)).toBeNull();
  });

  test.each([
    ["not JSON", "not json", /must be a JSON array/],
    ["an object", '{"a": 1}', /must be a JSON array/],
    ["a reference", '["$Q1"]', /contains "\$Q1", a reference to another part/],
    ["a nested reference", '[{"a": ["$@0"]}]', /contains "\$@0"/],
    ["$undefined", '["$undefined"]', /contains "\$undefined"/],
    ["form data", '["$K1"]', /contains "\$K1"/],
    ["65 levels of nesting", `${"[".repeat(65)}${"]".repeat(65)}`, /more than 64 levels/],
    ["700,000 levels", `${"[".repeat(700_000)}${"]".repeat(700_000)}`, /more than 64 levels/],
    [
      "strings over React's array limit",
      JSON.stringify(["a", "x".repeat(MAX_ARRAY_SLOTS)]),
      /more than 1,000,000 array entries and string characters/,
    ],
    [
      "nested arrays over the limit",
      JSON.stringify([["x".repeat(MAX_ARRAY_SLOTS / 2)], ["x".repeat(MAX_ARRAY_SLOTS / 2)]]),
      /more than 1,000,000/,
    ],
  ])("rejects %s", (_name, body, message) => {
    expect(findArgumentListProblem(body)).toMatch(message);
  });

  test("cuts a long reference in its message", () => {
    const problem = findArgumentListProblem(JSON.stringify([`$Q${"1".repeat(100)}`]));

    expect(problem).toContain(`"$Q${"1".repeat(18)}…"`);
  });

  test("accepts form data references when allowed", () => {
    const body = '[{"error": null, "email": ""}, "$K1"]';

    expect(findArgumentListProblem(body, "form-data")).toBeNull();
    expect(findArgumentListProblem('["$K1x"]', "form-data")).toMatch(/contains "\$K1x"/);
    expect(findArgumentListProblem('["$Q1"]', "form-data")).toMatch(/contains "\$Q1"/);
  });
});
