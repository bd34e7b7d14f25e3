import { describe, expect, it } from "vitest";

import { TENT_H2_SUBMISSION } from "../testing/exercises";
import { prepareExercise, type ExerciseProblem } from "./prepare";
import { MAX_EXERCISE_ID_LENGTH, MAX_EXERCISE_TITLE_LENGTH } from "./schema";

const VALID = {
  id: "tent",
  title: "Tent",
  statement: "Build $h_2$.",
  domain: "R",
  target: { kind: "tent", variant: "h2" },
  reference: TENT_H2_SUBMISSION,
};

function problemsOf(file: Record<string, unknown>): ExerciseProblem[] {
  const result = prepareExercise(file);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

function messageAt(problems: ExerciseProblem[], path: string): string | undefined {
  return problems.find((problem) => problem.path === path)?.message;
}

describe("prepareExercise", () => {
  it("accepts a valid file", () => {
    expect(prepareExercise(VALID).ok).toBe(true);
  });

  it("reports schema, network and domain problems in one pass", () => {
    const problems = problemsOf({
      ...VALID,
      title: "",
      domain: ["0", null],
      target: { kind: "pieces", relation: "at-least", count: 3 },
      constraints: { minDepth: 0 },
      reference: { layers: [] },
      knownWrong: [{ name: "", submission: 5, finding: "function.differs" }],
    });

    expect(problems.map((problem) => problem.path).sort()).toEqual([
      "constraints.minDepth",
      "domain",
      "knownWrong.0.name",
      "knownWrong.0.submission",
      "reference",
      "title",
    ]);
    expect(messageAt(problems, "title")).toBe("is empty: enter a title");
    expect(messageAt(problems, "constraints.minDepth")).toBe(
      "must be a whole number from 1 to 1,000,000",
    );
    expect(messageAt(problems, "domain")).toBe(
      "a piece-count target needs a closed domain [lo, hi]: enter both ends",
    );
  });

  it("states the bound of a too-large attempt limit", () => {
    const problems = problemsOf({ ...VALID, attemptLimit: 1e20 });

    expect(messageAt(problems, "attemptLimit")).toBe("must be a whole number from 1 to 1,000,000");
    expect(problems.filter((problem) => problem.path === "attemptLimit")).toHaveLength(1);
  });

  it("reports a missing reference once", () => {
    const { reference: _omitted, ...file } = VALID;

    const problems = problemsOf(file);

    expect(problems).toEqual([{ path: "reference", message: "is missing" }]);
  });

  it("reports a bad domain end at that end", () => {
    const problems = problemsOf({ ...VALID, domain: ["abc", "1"] });

    expect(problems).toEqual([
      { path: "domain.0", message: '"abc" is not a number: enter a number such as -1/2 or 0.5' },
    ]);
  });

  it("reports a domain whose ends are swapped", () => {
    const problems = problemsOf({ ...VALID, domain: ["1", "0"] });

    expect(problems).toEqual([
      { path: "domain", message: "the lower end is above the upper end: swap them" },
    ]);
  });

  it.each([
    [{ kind: "sawtooth", k: 65 }, "target.k", "must be a whole number from 1 to 64"],
    [{ kind: "sawtooth", k: "two" }, "target.k", "must be a whole number from 1 to 64"],
    [
      { kind: "points", points: [["0", "0"]], leftSlope: "NaN" },
      "target.leftSlope",
      '"NaN" is not a number: enter a number such as -1/2 or 0.5',
    ],
    [
      { kind: "points", points: [["0", "0"], ["foo"]] },
      "target.points.1",
      "needs two numbers, x and y",
    ],
    [{ kind: "classification", points: [["0", 2]] }, "target.points.0.1", "a label is 0 or 1"],
  ])("words the target problem %j", (target, path, message) => {
    const problems = problemsOf({ ...VALID, domain: ["-1", "1"], target });

    expect(problems).toEqual([{ path, message }]);
  });

  it.each([["-1/10"], ["2"]])("rejects the classification maxError %s", (maxError) => {
    const target = { kind: "classification", points: [["0", 1]], maxError };

    const problems = problemsOf({ ...VALID, domain: ["-1", "1"], target });

    expect(problems).toEqual([
      { path: "target.maxError", message: "must be from 0 to 1, such as 0 or 1/10" },
    ]);
  });

  it.each([["-1/256"], ["0"]])("rejects the polynomial tolerance %s", (tolerance) => {
    const target = { kind: "polynomial", coefficients: ["0", "0", "1"], tolerance };

    const problems = problemsOf({ ...VALID, domain: ["0", "1"], target });

    expect(problems).toEqual([
      { path: "target.tolerance", message: "must be more than 0, such as 1/256" },
    ]);
  });

  it("reports every classification point outside the domain", () => {
    const target = {
      kind: "classification",
      points: [
        ["-2", 0],
        ["0", 1],
        ["3", 1],
      ],
    };

    const problems = problemsOf({ ...VALID, domain: ["-1", "1"], target });

    expect(problems.map((problem) => problem.path)).toEqual(["target.points.0", "target.points.2"]);
  });

  it("reports each breakpoint out of order at its line", () => {
    const points = [
      ["0", "0"],
      ["1", "1"],
      ["1", "2"],
      ["3", "0"],
    ];

    const problems = problemsOf({ ...VALID, target: { kind: "points", points } });

    expect(problems).toEqual([
      {
        path: "target.points.2",
        message:
          "x = 1 is not greater than the previous point's x = 1: list the points in increasing x",
      },
    ]);
  });

  it("checks the target against the domain while other fields are invalid", () => {
    const target = { kind: "polynomial", coefficients: ["0", "0", "1"], tolerance: "1/256" };

    const problems = problemsOf({ ...VALID, title: "", target });

    expect(problems.map((problem) => problem.path)).toEqual(["title", "domain"]);
  });

  it("names an unknown field", () => {
    const problems = problemsOf({ ...VALID, constraints: { maxDepht: 2 } });

    expect(problems).toEqual([
      {
        path: "constraints",
        message: 'has the unknown field "maxDepht": remove it or correct its spelling',
      },
    ]);
  });

  it("limits the id to what a tar header holds", () => {
    const longest = "a".repeat(MAX_EXERCISE_ID_LENGTH);

    expect(prepareExercise({ ...VALID, id: longest }).ok).toBe(true);
    expect(problemsOf({ ...VALID, id: `${longest}b` })).toEqual([
      { path: "id", message: "is longer than 80 characters: shorten it" },
    ]);
  });

  it("names two classification points with one x and different labels", () => {
    const target = {
      kind: "classification",
      points: [
        ["1/2", 1],
        [0, 0],
        [0.5, 0],
        ["2/4", 1],
      ],
    };

    expect(problemsOf({ ...VALID, target })).toEqual([
      {
        path: "target.points.2",
        message:
          "has the same x, 1/2, as an earlier point with the other label: no function gives " +
          "one x two labels, so remove one of the points or fix its label",
      },
    ]);
  });

  it("limits the title like a course title", () => {
    const longest = "t".repeat(MAX_EXERCISE_TITLE_LENGTH);

    expect(prepareExercise({ ...VALID, title: longest }).ok).toBe(true);
    expect(problemsOf({ ...VALID, title: `${longest}t` })).toEqual([
      { path: "title", message: "is longer than 200 characters: shorten it" },
    ]);
  });

  it("rejects a domain with equal ends", () => {
    const problems = problemsOf({ ...VALID, domain: ["2", "4/2"] });

    expect(problems).toEqual([
      {
        path: "domain",
        message:
          "has equal ends, 2: the lower end must be less than the upper end, so widen the domain",
      },
    ]);
  });

  it("rejects a lower end above the upper end", () => {
    const problems = problemsOf({ ...VALID, domain: ["3", "2"] });

    expect(messageAt(problems, "domain")).toBe("the lower end is above the upper end: swap them");
  });

  it("rejects a minimum depth above the maximum", () => {
    const problems = problemsOf({ ...VALID, constraints: { minDepth: 5, maxDepth: 2 } });

    expect(problems).toEqual([
      {
        path: "constraints.minDepth",
        message: "is larger than the maximum depth 2: lower it or raise the maximum depth",
      },
    ]);
  });

  it("checks the bounds while other fields are invalid", () => {
    const problems = problemsOf({
      ...VALID,
      title: "",
      domain: [1, 1],
      constraints: { minDepth: 3, maxDepth: 1 },
    });

    expect(problems.map((problem) => problem.path)).toEqual([
      "title",
      "domain",
      "constraints.minDepth",
    ]);
  });

  it("accepts equal depth bounds and a short domain", () => {
    const file = { ...VALID, domain: ["0", "1/1024"], constraints: { minDepth: 2, maxDepth: 2 } };

    expect(prepareExercise(file).ok).toBe(true);
  });

  it("keeps stored versions with the later rules gradable", () => {
    const file = { ...VALID, domain: [2, 2], constraints: { minDepth: 5, maxDepth: 2 } };

    expect(prepareExercise(file).ok).toBe(false);
    expect(prepareExercise(file, { stored: true }).ok).toBe(true);
  });

  it("drops repeated tags in any letter case", () => {
    const result = prepareExercise({ ...VALID, tags: ["ReLU", "relu", "depth", "RELU", "depth"] });

    expect(result.ok && result.prepared.exercise.tags).toEqual(["ReLU", "depth"]);
  });
});
