import { describe, expect, test } from "vitest";

import { hasMalformedEncoding } from "./path-encoding";

describe("hasMalformedEncoding", () => {
  test.each([
    "/courses/%E0%A4%A/exercises/x",
    "/courses/%ZZ",
    "/courses/%",
    "/courses/a/exercises/%A",
    "/courses/%C3",
  ])("finds the bad escape in %s", (path) => {
    expect(hasMalformedEncoding(path)).toBe(true);
  });

  test.each([
    "/courses",
    "/courses/deep-learning-theory",
    "/courses/%C3%A9",
    "/courses/a%2Fb",
    "/",
  ])("accepts %s", (path) => {
    expect(hasMalformedEncoding(path)).toBe(false);
  });
});
