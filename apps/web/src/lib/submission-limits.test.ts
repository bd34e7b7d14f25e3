import { describe, expect, test } from "vitest";

import {
  formatKibibytes,
  MAX_SUBMISSION_BYTES,
  submissionSizeProblem,
  utf8Bytes,
} from "./submission-limits";

describe("submissionSizeProblem", () => {
  test("accepts the limit itself", () => {
    expect(submissionSizeProblem(MAX_SUBMISSION_BYTES)).toBeNull();
  });

  test("names the size and the limit in KiB", () => {
    expect(submissionSizeProblem(MAX_SUBMISSION_BYTES + 1)).toBe(
      "the submission is 257 KiB, larger than the maximum of 256 KiB",
    );
  });

  test("names an uploaded file", () => {
    expect(submissionSizeProblem(2_000_000, "h2.json")).toBe(
      "h2.json is 1,954 KiB, larger than the maximum of 256 KiB",
    );
  });
});

describe("utf8Bytes", () => {
  test("counts bytes, not characters", () => {
    expect(utf8Bytes("x²")).toBe(3);
  });
});

describe("formatKibibytes", () => {
  test.each([
    [1, "1 KiB"],
    [1024, "1 KiB"],
    [1025, "2 KiB"],
    [2_000_000, "1,954 KiB"],
  ])("writes %d bytes as %s", (bytes, text) => {
    expect(formatKibibytes(bytes)).toBe(text);
  });
});
