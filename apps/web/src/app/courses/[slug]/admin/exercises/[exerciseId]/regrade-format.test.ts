import { describe, expect, test } from "vitest";

import type { RegradeRow } from "@/server/admin/regrade";

import {
  clearsOverride,
  countedScoreAfter,
  describeAfter,
  describeBefore,
  describeCountedChanges,
  describeCountedScore,
  describeOverride,
  listedRegradeRows,
} from "./regrade-format";

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

describe("regrade of the scores that count", () => {
  const overridden: RegradeRow = {
    ...base,
    overrideScore: 0.5,
    status: "graded",
    newVerdict: "incorrect",
    newScore: 0,
    changed: false,
  };
  const unchanged: RegradeRow = { ...overridden, attemptId: "a2", overrideScore: null };

  test("lists a cleared override whose grade stays", () => {
    const rows = [overridden, unchanged];

    expect(listedRegradeRows(rows, true)).toEqual([]);
    expect(listedRegradeRows(rows, false)).toEqual([overridden]);
  });

  test("counts the scores that count", () => {
    const rows = [overridden, unchanged];

    expect(describeCountedChanges(rows, true, "preview")).toBe(
      "Applying changes the score that counts of 0 attempts, and the manual scores still count.",
    );
    expect(describeCountedChanges(rows, false, "preview")).toBe(
      "Applying changes the score that counts of 1 attempt and clears 1 manual score.",
    );
    expect(describeCountedChanges(rows, false, "applied")).toBe(
      "The regrade changed the score that counts of 1 attempt and cleared 1 manual score.",
    );
  });

  test("describe the score that counts per row", () => {
    expect(describeCountedScore(overridden, true)).toBe("50%, unchanged");
    expect(describeCountedScore(overridden, false)).toBe("50% → 0%");
    expect(describeOverride(overridden, false)).toBe("50%, cleared");
  });

  test("keep the override of an attempt too complex to grade", () => {
    const row: RegradeRow = { ...base, status: "too-complex", reason: "time", changed: false };

    expect(clearsOverride(row, false)).toBe(false);
    expect(countedScoreAfter(row, false)).toBe(0.9);
  });
});
