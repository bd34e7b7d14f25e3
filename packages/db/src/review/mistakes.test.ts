import { afterEach, beforeEach, describe, expect, test } from "vitest";

import type { Feedback, Finding } from "@sawtooth/theory";

import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import {
  createReviewFixture,
  gradeAndRecord,
  gradeFixture,
  REVIEW,
  tentNetwork,
} from "../testing/review-fixture";
import { applyRegrade } from "../admin/regrade";
import { recordAttempt } from "../attempts";
import type { Database } from "../client";
import {
  deriveMistake,
  groupMistakes,
  listMistakeAttempts,
  listMistakeVariants,
  mistakeKey,
  primaryFinding,
} from "./mistakes";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  await createReviewFixture(testDatabase.db);
});

afterEach(async () => {
  await testDatabase.remove();
});

/**
 * Stores h2 with its first weight matrix transposed as an incorrect attempt. The submit path
 * rejects such a network before storing it, so this stores the engine's feedback directly, which
 * tests how the grouping treats a structural finding with a layer number.
 */
async function recordTransposedW1(db: Database, userId: string, exerciseId: string) {
  const network = {
    layers: [{ weights: [[1, 1]], biases: [0, "-1/2"] }, tentNetwork(-4).layers[1]],
  };
  const feedback = gradeFixture(exerciseId, network);
  expect(feedback.verdict).toBe("invalid");
  await recordAttempt(db, {
    userId,
    exerciseId,
    exerciseVersionId: `${exerciseId}-1`,
    raw: JSON.stringify(network),
    network: JSON.stringify(network),
    verdict: "incorrect",
    score: 0,
    feedback: JSON.stringify(feedback),
    gradingMs: 1,
  });
}

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
        label: "wrong slope on an interval",
        students: 2,
        attempts: [aliceSlope.id, bobSlope.id].sort(),
      },
      {
        code: "function.negated",
        label: "output negated",
        students: 1,
        attempts: [carolNegated.id],
      },
      {
        code: "function.offset",
        label: "output shifted by a constant",
        students: 1,
        attempts: [aliceOffset.id],
      },
    ]);
    expect(groups[0]?.attempts[0]?.student).toEqual({ id: "bob", name: "Bob" });
    expect(groups[2]?.attempts[0]?.message).toBe(
      "Your function is the target shifted by 1 everywhere: check the bias of the last layer.",
    );
  });

  test("groups offsets by different constants together", async () => {
    const db = testDatabase.db;
    const offsets = ["1/10", "1/11", "3"];
    for (const [index, by] of offsets.entries()) {
      await gradeAndRecord(db, REVIEW.students[index]!, REVIEW.tent, tentNetwork(-4, by));
    }

    const groups = await groupMistakes(db, REVIEW.tent);

    expect(groups).toHaveLength(1);
    expect(groups[0]?.key).toBe("v3 function.offset output shifted by a constant");
    expect(groups[0]?.attemptCount).toBe(3);
    expect(groups[0]?.students).toBe(3);
    const sentences = offsets.map(
      (by) =>
        `Your function is the target shifted by ${by} everywhere: check the bias of the last layer.`,
    );
    expect(groups[0]?.attempts.map((attempt) => attempt.message).sort()).toEqual(sentences);
    expect(groups[0]?.variantCount).toBe(3);
    expect(groups[0]?.variants.map((variant) => variant.message).sort()).toEqual(sentences);
  });

  test("groups one wrong slope with different numbers", async () => {
    const db = testDatabase.db;
    const day = (n: number) => new Date(Date.UTC(2027, 0, n));
    // Output weights -2, -3 and -5 in place of -4: slopes 0, -1 and -3 in place of -2.
    await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2), day(1));
    await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-2), day(2));
    await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-3), day(3));
    await gradeAndRecord(db, "carol", REVIEW.tent, tentNetwork(-5), day(4));
    await gradeAndRecord(db, "carol", REVIEW.tent, tentNetwork(-2), day(5));

    const groups = await groupMistakes(db, REVIEW.tent);

    expect(groups.map((group) => [group.key, group.attemptCount, group.students])).toEqual([
      ["v3 function.slope wrong slope on an interval", 5, 3],
    ]);
    expect(groups[0]?.label).toBe("wrong slope on an interval");
    expect(groups[0]?.variantCount).toBe(3);
    // Most frequent first; of the two given once, the one given more recently first.
    expect(groups[0]?.variants).toEqual([
      {
        message: "On (1/2, ∞) the first wrong piece starts with slope 0 instead of -2.",
        attemptCount: 3,
        students: 3,
      },
      {
        message: "On (1/2, ∞) the first wrong piece starts with slope -3 instead of -2.",
        attemptCount: 1,
        students: 1,
      },
      {
        message: "On (1/2, ∞) the first wrong piece starts with slope -1 instead of -2.",
        attemptCount: 1,
        students: 1,
      },
    ]);
    expect(groups[0]?.attempts).toHaveLength(5);
  });

  test("limits the sentences listed per group", async () => {
    const db = testDatabase.db;
    const day = (n: number) => new Date(Date.UTC(2027, 0, n));
    await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2), day(1));
    await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-3), day(2));
    await gradeAndRecord(db, "carol", REVIEW.tent, tentNetwork(-5), day(3));
    await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-4, 1), day(4));

    const groups = await groupMistakes(db, REVIEW.tent, { variantsPerGroup: 2 });

    expect(groups.map((group) => group.code)).toEqual(["function.slope", "function.offset"]);
    expect(groups[0]?.variantCount).toBe(3);
    expect(groups[0]?.variants.map((variant) => variant.message)).toEqual([
      "On (1/2, ∞) the first wrong piece starts with slope -3 instead of -2.",
      "On (1/2, ∞) the first wrong piece starts with slope -1 instead of -2.",
    ]);
    expect(groups[1]?.variantCount).toBe(1);
    expect(groups[1]?.variants).toHaveLength(1);
    const all = await listMistakeVariants(db, REVIEW.tent, groups[0]?.key ?? "");
    expect(all.map((variant) => variant.message)).toEqual([
      ...(groups[0]?.variants.map((variant) => variant.message) ?? []),
      "On (1/2, ∞) the first wrong piece starts with slope 0 instead of -2.",
    ]);
  });

  test("keeps structural mistakes in their own groups", async () => {
    const db = testDatabase.db;
    // tent-h3 is h2 with a ReLU on the output, so h2 without it misses the output ReLU.
    await gradeAndRecord(db, "alice", REVIEW.saw, tentNetwork(-4));
    await gradeAndRecord(db, "bob", REVIEW.saw, tentNetwork(-4));
    await gradeAndRecord(db, "carol", REVIEW.saw, tentNetwork(-2));
    await gradeAndRecord(db, "alice", REVIEW.saw, { ...tentNetwork(-5), outputActivation: "relu" });
    await recordTransposedW1(db, "bob", REVIEW.saw);

    const groups = await groupMistakes(db, REVIEW.saw);

    expect(groups.map((group) => [group.key, group.attemptCount, group.students])).toEqual([
      ["v3 function.missing-output-relu missing output ReLU", 2, 2],
      ["v3 function.slope wrong slope on an interval", 2, 2],
      ["v3 submission.invalid weights-shape in layer 1 (transposed)", 1, 1],
    ]);
    expect(groups[1]?.variants.map((variant) => variant.message)).toEqual([
      "On (1/2, 1) the first wrong piece starts with slope -3 instead of -2.",
      "On (1/2, ∞) the first wrong piece starts with slope 0 instead of -2.",
    ]);
  });

  test("re-keys attempts stored under older key schemes", async () => {
    const db = testDatabase.db;
    const first = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-4, "1/10"));
    const second = await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-4, "1/11"));
    const third = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    const fourth = await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-3));
    // As stored by the first scheme, which keyed on every parameter of the finding.
    await db.attempt.update({
      where: { id: first.id },
      data: { mistakeKey: 'function.offset {"by":"1/10"}' },
    });
    await db.attempt.update({
      where: { id: second.id },
      data: { mistakeKey: 'function.offset {"by":"1/11"}' },
    });
    // As stored by v2, which kept a wrong slope's whole sentence in the key.
    for (const attempt of [third, fourth]) {
      const { mistakeLabel } = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
      await db.attempt.update({
        where: { id: attempt.id },
        data: { mistakeKey: `v2 function.slope ${mistakeLabel}` },
      });
    }

    const groups = await groupMistakes(db, REVIEW.tent);

    expect(groups.map((group) => [group.key, group.attemptCount, group.variantCount])).toEqual([
      ["v3 function.offset output shifted by a constant", 2, 2],
      ["v3 function.slope wrong slope on an interval", 2, 2],
    ]);
    for (const attempt of [first, third]) {
      const row = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
      expect(row.mistakeKey).toMatch(/^v3 /);
    }
  });

  test("fills in attempts stored without a mistake", async () => {
    const db = testDatabase.db;
    const stored = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    const expected = await groupMistakes(db, REVIEW.tent);
    // As an attempt graded before the mistake columns existed.
    await db.attempt.updateMany({ data: { mistakeKey: null, mistakeLabel: null } });

    expect(await groupMistakes(db, REVIEW.tent)).toEqual(expected);

    const row = await db.attempt.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row.mistakeKey).toBe(expected[0]?.key);
    expect(row.mistakeLabel).toBe(expected[0]?.attempts[0]?.message);
  });

  test("limits the attempts listed per group", async () => {
    const db = testDatabase.db;
    await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    const bob = await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-2));
    const alice = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-4, 1));

    const groups = await groupMistakes(db, REVIEW.tent, { attemptsPerGroup: 1 });

    expect(groups.map((group) => [group.code, group.attemptCount, group.students])).toEqual([
      ["function.slope", 2, 2],
      ["function.offset", 1, 1],
    ]);
    expect(groups.map((group) => group.attempts.map((attempt) => attempt.id))).toEqual([
      [bob.id],
      [alice.id],
    ]);
    expect(groups[0]?.label).toBe("wrong slope on an interval");
    const slope = await listMistakeAttempts(db, REVIEW.tent, groups[0]?.key ?? "");
    expect(slope.map((attempt) => attempt.student.id).sort()).toEqual(["alice", "bob"]);
  });

  test("returns nothing without incorrect attempts", async () => {
    await gradeAndRecord(testDatabase.db, "alice", REVIEW.tent, tentNetwork(-4));

    expect(await groupMistakes(testDatabase.db, REVIEW.tent)).toEqual([]);
  });
});

describe("mistake columns", () => {
  test("are set when an attempt is stored", async () => {
    const db = testDatabase.db;
    const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    const right = await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-4));

    const stored = await db.attempt.findMany({
      where: { id: { in: [wrong.id, right.id] } },
      select: { id: true, mistakeKey: true, mistakeLabel: true },
    });

    expect(stored.find((row) => row.id === wrong.id)).toMatchObject({
      mistakeKey: "v3 function.slope wrong slope on an interval",
      mistakeLabel: "On (1/2, ∞) the first wrong piece starts with slope 0 instead of -2.",
    });
    expect(stored.find((row) => row.id === right.id)).toMatchObject({
      mistakeKey: null,
      mistakeLabel: null,
    });
  });

  test("change with a regrade", async () => {
    const db = testDatabase.db;
    const wrong = await gradeAndRecord(db, "alice", REVIEW.tent, tentNetwork(-2));
    const right = await gradeAndRecord(db, "bob", REVIEW.tent, tentNetwork(-4));

    // Swaps the two verdicts, as a regrade against a changed target could.
    await applyRegrade(db, {
      exerciseId: REVIEW.tent,
      versionId: `${REVIEW.tent}-1`,
      versionNumber: 1,
      adminId: REVIEW.tutor,
      keepOverrides: true,
      attempts: [
        { attemptId: wrong.id, verdict: "correct", score: 1, feedback: right.feedback },
        { attemptId: right.id, verdict: "incorrect", score: 0, feedback: wrong.feedback },
      ],
      changedIds: [wrong.id, right.id],
    });

    const keyOf = async (id: string) =>
      (await db.attempt.findUniqueOrThrow({ where: { id }, select: { mistakeKey: true } }))
        .mistakeKey;
    expect(await keyOf(wrong.id)).toBeNull();
    expect(await keyOf(right.id)).toBe(deriveMistake("incorrect", wrong.feedback).mistakeKey);
    const groups = await groupMistakes(db, REVIEW.tent);
    expect(groups.map((group) => group.attempts.map((attempt) => attempt.id))).toEqual([
      [right.id],
    ]);
    expect(groups[0]?.key).toBe(deriveMistake("incorrect", wrong.feedback).mistakeKey);
  });
});

describe("deriveMistake", () => {
  test("stores an empty key for feedback without a failing check", () => {
    expect(deriveMistake("incorrect", "{}")).toEqual({ mistakeKey: "", mistakeLabel: "" });
    expect(deriveMistake("incorrect", "not json")).toEqual({ mistakeKey: "", mistakeLabel: "" });
    expect(deriveMistake("correct", "{}")).toEqual({ mistakeKey: null, mistakeLabel: null });
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

  test("leaves out a wrong slope's interval and slopes", () => {
    const on = (lo: string, actual: string, expected?: string): Finding => ({
      code: "function.slope",
      interval: [lo, null],
      closed: [false, false],
      actual,
      ...(expected === undefined ? {} : { expected }),
    });

    expect(mistakeKey(on("1/2", "2", "-2"))).toBe("v3 function.slope wrong slope on an interval");
    expect(mistakeKey(on("1/4", "0", "-2"))).toBe(mistakeKey(on("1/2", "2", "-2")));
    expect(mistakeKey(on("1/4", "0"))).toBe(mistakeKey(on("1/2", "2", "-2")));
  });

  test("keeps only the direction of a piece count", () => {
    const count = (pieces: number, relation: "at-least" | "exactly"): Finding => ({
      code: "pieces.count",
      count: pieces,
      relation,
      required: 4,
    });

    expect(mistakeKey(count(2, "at-least"))).toBe("v3 pieces.count too few linear pieces");
    expect(mistakeKey(count(3, "exactly"))).toBe(mistakeKey(count(2, "at-least")));
    expect(mistakeKey(count(7, "exactly"))).toBe("v3 pieces.count too many linear pieces");
  });

  test("keeps the layer but not the limit of an architecture finding", () => {
    const wide = (layer: number, received: number): Finding => ({
      code: "architecture.too-wide",
      layer,
      limit: 2,
      received,
    });
    const deep = (received: number): Finding => ({
      code: "architecture.too-deep",
      limit: 2,
      received,
    });

    expect(mistakeKey(wide(1, 3))).toBe("v3 architecture.too-wide layer 1 too wide");
    expect(mistakeKey(wide(1, 5))).toBe(mistakeKey(wide(1, 3)));
    expect(mistakeKey(wide(2, 3))).not.toBe(mistakeKey(wide(1, 3)));
    expect(mistakeKey(deep(3))).toBe("v3 architecture.too-deep too many layers");
    expect(mistakeKey(deep(9))).toBe(mistakeKey(deep(3)));
  });

  test("tells structural mistakes of one code apart", () => {
    const shape = (transposed: boolean, layer: number): Finding => ({
      code: "submission.invalid",
      problems: [
        {
          code: "weights-shape",
          place: { layer },
          expected: { rows: 2, columns: 1 },
          received: transposed ? { rows: 1, columns: 2 } : { rows: 3, columns: 1 },
          transposed,
        },
      ],
    });
    const relu: Finding = { code: "function.missing-output-relu" };

    expect(mistakeKey(shape(true, 1))).toBe(
      "v3 submission.invalid weights-shape in layer 1 (transposed)",
    );
    expect(mistakeKey(shape(true, 1))).not.toBe(mistakeKey(shape(false, 1)));
    expect(mistakeKey(shape(true, 1))).not.toBe(mistakeKey(shape(true, 2)));
    expect(mistakeKey(relu)).toBe("v3 function.missing-output-relu missing output ReLU");
  });
});
