import { describe, expect, test } from "vitest";

import type { RegradeRow } from "@/server/admin/regrade";

import { describeAfter, describeBefore, describeOverride } from "./regrade-format";

const base = {
  attemptId: "a1",
  attemptNumber: 1,
  studentName: "Alice",
  studentEmail: "alice@example.com",
  oldVersion: 1,
  oldVerdict: "incorrect",
  oldScore: 0,
  overrideScore: 0.9,
};

describe("regrade preview cells", () => {
  test("show scores as percentages", () => {
    const row: RegradeRow = {
      ...base,
      status: "graded",
      newVerdict: "correct",
      newScore: 1,
      changed: true,
    };

    expect(describeBefore(row)).toBe("incorrect, 0%");
    expect(describeAfter(row)).toBe("correct, 100%");
    expect(describeOverride(row)).toBe("90%");
    expect(describeOverride({ ...row, overrideScore: null })).toBe("none");
  });

  test("name the budget of an attempt too complex to grade", () => {
    const row: RegradeRow = { ...base, status: "too-complex", reason: "memory", changed: false };

    expect(describeAfter(row)).toBe("not graded: too complex (over the memory limit)");
  });
});
