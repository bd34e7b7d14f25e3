import { describe, expect, test } from "vitest";

import { plural } from "./plural";

describe("plural", () => {
  test.each([
    [0, "0 problems"],
    [1, "1 problem"],
    [2, "2 problems"],
  ])("formats %i", (count, expected) => {
    expect(plural(count, "problem")).toBe(expected);
  });
});
