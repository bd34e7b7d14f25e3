import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { Feedback, Finding } from "@sawtooth/theory";

import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import {
  createReviewFixture,
  gradeAndRecord,
  REVIEW,
  tentNetwork,
} from "../testing/review-fixture";
import { groupMistakes, mistakeKey, primaryFinding } from "./mistakes";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  await createReviewFixture(testDatabase.db);
});

afterEach(async () => {
  await testDatabase.remove();
});

describe("groupMistakes", () => {
  test("clusters incorrect attempts by the engine's finding", async () => {
    const db = testDatabase.db;
    const aliceSlope = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    const bobSlope = await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-2));
    const aliceOffset = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-4, 1));
    const carolNegated = await gradeAndRecord(
      db,
      "carol",
      REVIEW.tent,
      // −h2: both output weights and so every slope change sign.
      { layers: [tentNetwork(-4).layers[0], { weights: [[-2, 4]], biases: [0] }] },
    );
    await gradeAndRecord(db, "carol", REVIEW.tent, tentNetwork(-4));

    const groups = await groupMistakes(db, REVIEW.tent);

    const summary = groups.map((group) => ({
      code: group.code,
      label: group.label,
      students: group.students,
      attempts: group.attempts.map((attempt) => attempt.id).sort(),
    }));
    expect(summary).toEqual([
      {
        code: "function.slope",
        label: "On (1/2, ∞) the first wrong piece starts with slope 0 instead of -2.",
        students: 2,
        attempts: [aliceSlope.id, bobSlope.id].sort(),
      },
      {
        code: "function.negated",
        label:
          "Your function is the target with its sign flipped: check the signs of the last layer.",
        students: 1,
        attempts: [carolNegated.id],
      },
      {
        code: "function.offset",
        label:
          "Your function is the target shifted by 1 everywhere: check the bias of the last layer.",
        students: 1,
        attempts: [aliceOffset.id],
      },
    ]);
    expect(groups[0]?.example).toBe(false);
    expect(groups[0]?.attempts[0]?.student).toEqual({ id: "bob", name: "Bob" });
  });

  test("returns nothing without incorrect attempts", async () => {
    await gradeAndRecord(testDatabase.db, "alice", REVIEW.tent, tentNetwork(-4));

    expect(await groupMistakes(testDatabase.db, REVIEW.tent)).toEqual([]);
  });
});

function feedbackWith(findings: Finding[]): Pick<Feedback, "checks"> {
  return {
    checks: [
      { id: "architecture", outcome: "pass", findings: [] },
      { id: "target", outcome: "fail", findings },
    ],
  };
}

describe("primaryFinding", () => {
  test("prefers a structural diagnosis to a slope and a counterexample", () => {
    const differs: Finding = {
      code: "function.differs",
      counterexample: { x: "1", expected: "0", actual: "1" },
      intervalCount: 1,
    };
    const slope: Finding = {
      code: "function.slope",
      interval: ["0", "1"],
      closed: [true, true],
      actual: "1",
    };
    const relu: Finding = { code: "function.missing-output-relu" };
    const dead: Finding = { code: "neurons.dead", neurons: [{ layer: 1, neuron: 1 }] };

    expect(primaryFinding(feedbackWith([differs, slope, relu, dead]))).toEqual(relu);
    expect(primaryFinding(feedbackWith([differs, slope, dead]))).toEqual(slope);
    expect(primaryFinding(feedbackWith([dead]))).toBeNull();
  });
});

describe("mistakeKey", () => {
  test("leaves out where an approximation error peaks", () => {
    const at = (x: string, error: string): Finding => ({
      code: "approximation.exceeds",
      x,
      error,
      tolerance: "1/256",
    });

    expect(mistakeKey(at("1/3", "1/100"))).toBe(mistakeKey(at("1/5", "1/50")));
  });

  test("tells slopes on different intervals apart", () => {
    const on = (lo: string): Finding => ({
      code: "function.slope",
      interval: [lo, "1"],
      closed: [true, true],
      expected: "-2",
      actual: "2",
    });

    expect(mistakeKey(on("1/2"))).not.toBe(mistakeKey(on("1/4")));
  });
});
