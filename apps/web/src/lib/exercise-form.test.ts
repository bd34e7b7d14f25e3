import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, test } from "vitest";

import { prepareExercise } from "@sawtooth/theory";

import { definitionToForm, dueDateToIso, EMPTY_FORM, formToDefinition } from "./exercise-form";

const folder = path.join(
  import.meta.dirname,
  "../../../../packages/courses/deep-learning-theory/exercises",
);
const FILES = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .map((name) => [name, JSON.parse(readFileSync(path.join(folder, name), "utf8"))] as const);

describe("definitionToForm and formToDefinition", () => {
  test.each(FILES)("%s survives the round trip", (_name, file) => {
    const { definition, problems } = formToDefinition(definitionToForm(file, null));

    expect(problems).toEqual([]);
    const original = prepareExercise(file);
    const roundTrip = prepareExercise(definition);
    expect(original.ok).toBe(true);
    expect(roundTrip.ok).toBe(true);
    if (original.ok && roundTrip.ok) {
      expect(roundTrip.prepared.exercise).toEqual(original.prepared.exercise);
    }
  });
});

describe("formToDefinition", () => {
  const FORM = {
    ...EMPTY_FORM,
    id: " ramp ",
    title: " A ramp ",
    statement: "Build $x^+$.",
    domainLo: "-1/2",
    domainHi: "",
    targetKind: "points" as const,
    points: "0, 0\n\n 1 , 1 \n",
    leftSlope: "0",
    rightSlope: " 1 ",
    maxDepth: "2",
    maxWidth: "2.5",
    activations: ["relu"],
    numbers: "dyadic" as const,
    scoring: "partial" as const,
    showTargetPlot: false,
    reference: '{"layers": [{"weights": [[1]], "biases": [0]}]}',
    knownWrong: [{ name: " zero ", finding: "function.differs", submission: "[1, 2]" }],
    attemptLimit: "3",
    tags: "ramp, , relu ",
  };

  test("writes the file in the course folder's shape", () => {
    const { definition, problems } = formToDefinition(FORM);

    expect(problems).toEqual([]);
    expect(definition).toEqual({
      id: "ramp",
      title: "A ramp",
      statement: "Build $x^+$.",
      domain: ["-1/2", null],
      target: {
        kind: "points",
        points: [
          ["0", "0"],
          ["1", "1"],
        ],
        leftSlope: "0",
        rightSlope: "1",
      },
      constraints: {
        inputs: 1,
        outputs: 1,
        maxDepth: 2,
        maxWidth: "2.5",
        activations: ["relu"],
        numbers: "dyadic",
      },
      scoring: { mode: "partial" },
      reveal: { targetPlot: false, expectedValues: true },
      reference: { layers: [{ weights: [[1]], biases: [0] }] },
      knownWrong: [{ name: "zero", submission: [1, 2], finding: "function.differs" }],
      attemptLimit: 3,
      tags: ["ramp", "relu"],
    });
  });

  test("writes R for a domain without ends", () => {
    const { definition } = formToDefinition({ ...FORM, domainLo: " ", domainHi: "" });
    expect(definition["domain"]).toBe("R");
  });

  test("leaves out empty optional fields", () => {
    const { definition } = formToDefinition({ ...FORM, attemptLimit: " ", tags: " , " });
    expect(definition).not.toHaveProperty("attemptLimit");
    expect(definition).not.toHaveProperty("tags");
  });

  test("names each JSON field that does not parse", () => {
    const form = {
      ...FORM,
      targetKind: "network" as const,
      targetNetwork: "{",
      reference: "  ",
      knownWrong: [
        { name: "a", finding: "function.differs", submission: "[]" },
        { name: "b", finding: "function.differs", submission: "{layers" },
      ],
    };

    const { problems } = formToDefinition(form);

    expect(problems.map((problem) => problem.path)).toEqual([
      "target.network",
      "reference",
      "knownWrong.1.submission",
    ]);
    expect(problems[1]?.message).toBe("is empty: paste the network as JSON");
    expect(problems[0]?.message).toMatch(/^is not valid JSON: /);
  });

  test("writes classification labels as integers", () => {
    const form = {
      ...FORM,
      targetKind: "classification" as const,
      labelledPoints: "0, 0\n1/4 1\n1/2, x",
    };
    const { definition } = formToDefinition(form);
    expect(definition["target"]).toEqual({
      kind: "classification",
      points: [
        ["0", 0],
        ["1/4", 1],
        ["1/2", "x"],
      ],
      threshold: "1/2",
      maxError: "0",
    });
  });
});

describe("definitionToForm", () => {
  test("fills defaults for a file that lacks fields", () => {
    const form = definitionToForm({ id: "x", target: { kind: "unknown" } }, null);
    expect(form).toEqual({ ...EMPTY_FORM, id: "x" });
  });

  test("writes the due date as UTC minutes", () => {
    const form = definitionToForm({ id: "x" }, new Date("2027-03-04T05:06:59Z"));
    expect(form.dueDate).toBe("2027-03-04T05:06");
  });
});

describe("dueDateToIso", () => {
  test.each([
    ["2027-03-04T05:06", "2027-03-04T05:06:00.000Z"],
    ["", ""],
    ["  ", ""],
  ])("converts %j to %j", (value, iso) => {
    expect(dueDateToIso(value)).toBe(iso);
  });
});
