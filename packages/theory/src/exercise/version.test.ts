import { describe, expect, it } from "vitest";

import { TENT_H2_SUBMISSION } from "../testing/exercises";
import {
  changedWordingFields,
  exerciseFileChange,
  exerciseVersionKey,
  sameExerciseVersion,
} from "./version";

const POINTS = {
  id: "points",
  title: "Two pieces",
  statement: "Build the target.",
  domain: [0, 1],
  target: {
    kind: "points",
    points: [
      [0, 0],
      ["1/2", 1],
    ],
    leftSlope: 0,
  },
  reference: TENT_H2_SUBMISSION,
};

/** The same exercise as the editor writes it: every default spelt out, numbers as text. */
const POINTS_FROM_EDITOR = {
  constraints: { numbers: "any", outputs: 1, inputs: 1 },
  scoring: { mode: "all-or-nothing" },
  reveal: { expectedValues: true, targetPlot: true },
  knownWrong: [],
  tags: [],
  reference: TENT_H2_SUBMISSION,
  target: {
    kind: "points",
    points: [
      ["0", "0"],
      ["0.5", "1"],
    ],
    leftSlope: "0",
  },
  domain: ["0", "2/2"],
  statement: "Build the target.",
  title: "Two pieces",
  id: "points",
};

function text(fields: Record<string, unknown>, changes: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...fields, ...changes }, null, 2);
}

describe("sameExerciseVersion", () => {
  it("ignores layout, key order, defaults and number spelling", () => {
    expect(sameExerciseVersion(JSON.stringify(POINTS), text(POINTS_FROM_EDITOR))).toBe(true);
  });

  it("ignores the settings fields", () => {
    const settings = { visibility: "visible", dueDate: "2027-02-01T09:00:00Z" };

    expect(sameExerciseVersion(text(POINTS), text(POINTS, settings))).toBe(true);
    expect(sameExerciseVersion(text(POINTS, settings), text(POINTS, { dueDate: null }))).toBe(true);
  });

  it.each([
    [
      "the target",
      {
        target: {
          kind: "points",
          points: [
            [0, 0],
            ["1/2", 2],
          ],
        },
      },
    ],
    ["the domain", { domain: [0, 2] }],
    ["a constraint", { constraints: { maxWidth: 2 } }],
    ["the scoring", { scoring: { mode: "partial" } }],
    ["the reveal", { reveal: { targetPlot: false } }],
    ["the reference", { reference: { ...TENT_H2_SUBMISSION, outputActivation: "relu" } }],
    ["the attempt limit", { attemptLimit: 3 }],
  ])("counts a change to %s", (_name, change) => {
    expect(sameExerciseVersion(text(POINTS), text(POINTS, change))).toBe(false);
    expect(exerciseFileChange(text(POINTS), text(POINTS, change))).toBe("version");
  });

  it.each([
    ["the title", { title: "Three pieces" }],
    ["the statement", { statement: "Build it." }],
    ["the tags", { tags: ["lecture"] }],
  ])("keeps the version for a change to %s", (_name, change) => {
    expect(sameExerciseVersion(text(POINTS), text(POINTS, change))).toBe(true);
    expect(exerciseFileChange(text(POINTS), text(POINTS, change))).toBe("wording");
  });

  it("finds no change in layout or settings alone", () => {
    const settings = { dueDate: "2027-02-01T09:00:00Z" };

    expect(exerciseFileChange(JSON.stringify(POINTS), text(POINTS_FROM_EDITOR))).toBe("none");
    expect(exerciseFileChange(text(POINTS), text(POINTS, settings))).toBe("none");
  });

  it("counts wording and grading changes together as a version", () => {
    const change = { statement: "Build it.", domain: [0, 2] };

    expect(exerciseFileChange(text(POINTS), text(POINTS, change))).toBe("version");
  });

  it("compares rejected files as text", () => {
    const invalid = text(POINTS, { domain: "everywhere" });

    expect(sameExerciseVersion(invalid, invalid)).toBe(true);
    expect(sameExerciseVersion(invalid, `${invalid}\n`)).toBe(false);
    expect(sameExerciseVersion('{"id":"a","dueDate":null}', '{"id":"a"}')).toBe(true);
    expect(sameExerciseVersion("v1", text(POINTS))).toBe(false);
    expect(sameExerciseVersion(text(POINTS), "{")).toBe(false);
    expect(sameExerciseVersion("[1]", "[1 ]")).toBe(false);
    expect(exerciseFileChange(invalid, text(POINTS, { domain: "everywhere", title: "T" }))).toBe(
      "version",
    );
  });
});

describe("changedWordingFields", () => {
  it("names each changed wording field", () => {
    const change = { title: "Three pieces", tags: ["lecture"], domain: [0, 2] };

    expect(changedWordingFields(text(POINTS), text(POINTS, change))).toEqual(["title", "tags"]);
    expect(changedWordingFields(text(POINTS), text(POINTS, { statement: "Build it." }))).toEqual([
      "statement",
    ]);
  });

  it("ignores layout, defaults and settings", () => {
    const settings = { visibility: "hidden", tags: [] };

    expect(changedWordingFields(JSON.stringify(POINTS), text(POINTS_FROM_EDITOR))).toEqual([]);
    expect(changedWordingFields(text(POINTS), text(POINTS, settings))).toEqual([]);
  });

  it("names nothing for a rejected file", () => {
    const invalid = text(POINTS, { domain: "everywhere", title: "T" });

    expect(changedWordingFields(text(POINTS), invalid)).toEqual([]);
    expect(changedWordingFields("{", text(POINTS))).toEqual([]);
  });
});

describe("exerciseVersionKey", () => {
  it("is equal exactly when the version is the same", () => {
    const reworded = text(POINTS_FROM_EDITOR, { statement: "Build it.", dueDate: null });
    const wider = text(POINTS, { domain: [0, 2] });

    expect(exerciseVersionKey(text(POINTS))).toBe(exerciseVersionKey(reworded));
    expect(exerciseVersionKey(text(POINTS))).not.toBe(exerciseVersionKey(wider));
    expect(exerciseVersionKey("v1")).toBe(exerciseVersionKey("v1"));
    expect(exerciseVersionKey("v1")).not.toBe(exerciseVersionKey("v2"));
  });
});
