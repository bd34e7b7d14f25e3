import { describe, expect, test } from "vitest";

import { describeJsonSyntax } from "./json-syntax";

describe("describeJsonSyntax", () => {
  test.each([
    ["{ not json", "at line 1, column 3"],
    ['{\n  "a": 1,\n}', "at line 3, column 1"],
    ['{"a": 1', "at line 1, column 8"],
  ])("places the error in %j", (text, place) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);

    const message = describeJsonSyntax(text);

    expect(message).toMatch(/^is not valid JSON: /);
    expect(message).toContain(place);
    expect(message).not.toContain("position");
  });
});
