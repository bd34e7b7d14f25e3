import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { selfTest } from "../exercise/self-test";
import { grade } from "../grading/grade";
import {
  DEFAULT_COURSE_FOLDER,
  findExercise,
  formatCourseProblem,
  listExerciseIds,
  loadCourse,
  type Course,
} from "./index";

const LECTURE_IDS = [
  "tent-h2",
  "tent-h3",
  "sawtooth-f3",
  "sawtooth-f3-shallow",
  "sawtooth-classify-k4",
  "square-yarotsky-m3",
  "abs-value",
];

let course: Course;

beforeAll(async () => {
  // The self-test runs in the cases below, so that each failure names its own submission.
  const result = await loadCourse(DEFAULT_COURSE_FOLDER, { selfTest: false });
  if (!result.ok) throw new Error(result.problems.map((p) => formatCourseProblem(p)).join("\n"));
  course = result.course;
});

describe("loadCourse on the lecture's course", () => {
  it("reads course.json", () => {
    expect(course.info.slug).toBe("deep-learning-theory");
  });

  it("contains every exercise the lecture needs", () => {
    const ids = course.exercises.map((e) => e.prepared.exercise.id);
    for (const id of LECTURE_IDS) expect(ids).toContain(id);
    expect(ids.length).toBeGreaterThanOrEqual(LECTURE_IDS.length + 3);
  });

  it("lists the exercises in course order", () => {
    const ids = course.exercises.map((e) => e.prepared.exercise.id);

    expect(ids).toEqual(course.info.exercises);
    expect(ids.slice(0, 3)).toEqual(["abs-value", "tent-h2", "tent-h3"]);
  });

  it("reports no problem with the self-test on", async () => {
    const result = await loadCourse();
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe("exercise self-test", () => {
  const cases = () =>
    course.exercises.flatMap(({ prepared }) =>
      selfTest(prepared).cases.map((c) => ({ id: prepared.exercise.id, ...c })),
    );

  it("grades every reference correct with score 1", () => {
    const references = cases().filter((c) => c.path === "reference");
    expect(references).toHaveLength(course.exercises.length);
    for (const c of references) {
      expect(c.verdict, c.id).toBe("correct");
      expect(c.score, c.id).toBe(1);
    }
  });

  it("fails every known-wrong submission with its finding", () => {
    const wrong = cases().filter((c) => c.path !== "reference");
    expect(wrong.length).toBeGreaterThanOrEqual(2 * course.exercises.length);
    for (const c of wrong) {
      const label = `${c.id} ${c.path} (${c.name})`;
      expect(c.verdict, label).not.toBe("correct");
      expect(c.findings, label).toContain(c.expected);
    }
  });

  it("gives every exercise at least two known-wrong submissions", () => {
    for (const { prepared } of course.exercises) {
      expect(prepared.exercise.knownWrong.length, prepared.exercise.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("hides the target of flatten-ramp", () => {
    const flatten = course.exercises.find((e) => e.prepared.exercise.id === "flatten-ramp")!;
    const report = selfTest(flatten.prepared);
    for (const c of report.cases) {
      expect(c.feedback.plots.target).toBeNull();
      expect(c.feedback.pieces.target).toBeNull();
    }
  });
});

describe("feedback messages", () => {
  const gradeIn = (id: string, submission: unknown) => {
    const exercise = course.exercises.find((e) => e.prepared.exercise.id === id)!;
    return grade(exercise.prepared, submission).messages;
  };

  it("explains wrong weights in tent-h2", () => {
    const messages = gradeIn("tent-h2", {
      layers: [
        { weights: [[1], [1]], biases: [0, "-1/2"] },
        { weights: [[2, -2]], biases: [0] },
      ],
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on ℝ.",
        "At x = 1 your network gives 1 while the target is 0. The functions differ on 1 interval.",
        "On (1/2, ∞) the first wrong piece starts with slope 0 instead of -2.",
      ]
    `);
  });

  it("explains a transposed W1 in tent-h2", () => {
    const messages = gradeIn("tent-h2", {
      layers: [
        { weights: [[1, 1]], biases: [0, "-1/2"] },
        { weights: [[2, -4]], biases: [0] },
      ],
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "Not graded: fix the problems below; this submission does not count as an attempt.",
        "layer 1 weights are 1×2 but the layer takes 1 input and has 2 neurons: expected 2×1; did you transpose?",
      ]
    `);
  });

  it("explains a missing output ReLU in tent-h3", () => {
    const messages = gradeIn("tent-h3", {
      layers: [
        { weights: [[1], [1]], biases: [0, "-1/2"] },
        { weights: [[2, -4]], biases: [0] },
      ],
      outputActivation: "identity",
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on ℝ.",
        "At x = 2 your network gives -2 while the target is 0. The functions differ on 1 interval.",
        "On (1, ∞) the first wrong piece starts with slope -2 instead of 0.",
        "With a ReLU on the output your network would be right: set outputActivation to relu.",
      ]
    `);
  });
});

describe("findExercise", () => {
  it("finds an exercise by id", async () => {
    const result = await findExercise("tent-h3");
    expect(result.ok).toBe(true);
    expect(result.ok && result.exercise.prepared.exercise.id).toBe("tent-h3");
  });

  it("reads an exercise by path relative to cwd", async () => {
    const cwd = path.join(DEFAULT_COURSE_FOLDER, "exercises");
    const result = await findExercise("./abs-value.json", { cwd });
    expect(result.ok).toBe(true);
    expect(result.ok && result.exercise.prepared.exercise.id).toBe("abs-value");
  });

  it("names the known ids for an unknown id", async () => {
    const result = await findExercise("tent-h4");
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : result.problems[0]!.message;
    expect(message).toContain('no exercise with id "tent-h4"');
    expect(message).toContain("tent-h2");
  });

  it("lists ids in sorted order", async () => {
    const ids = await listExerciseIds();
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain("sawtooth-f3");
  });
});

describe("loadCourse on a broken course", () => {
  let folder: string;
  const tentH2 = () =>
    readFile(path.join(DEFAULT_COURSE_FOLDER, "exercises", "tent-h2.json"), "utf8");

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "sawtooth-course-"));
    await mkdir(path.join(folder, "exercises"));
    await writeFile(
      path.join(folder, "course.json"),
      JSON.stringify({ slug: "broken", title: "Broken", description: "Files with mistakes" }),
    );
    const exercise = JSON.parse(await tentH2());
    const write = (name: string, value: unknown) =>
      writeFile(path.join(folder, "exercises", name), JSON.stringify(value, null, 2));

    await write("bad-field.json", { ...exercise, id: "bad-field", constraints: { maxDepht: 2 } });
    const wrongReference = { ...structuredClone(exercise), id: "wrong-reference" };
    wrongReference.reference.layers[1].weights = [[2, -2]];
    await write("wrong-reference.json", wrongReference);
    await write("wrong-finding.json", {
      ...exercise,
      id: "wrong-finding",
      knownWrong: [{ ...exercise.knownWrong[0], finding: "function.negated" }],
    });
    await write("misnamed.json", { ...exercise, id: "tent-h2" });
    await writeFile(path.join(folder, "exercises", "syntax.json"), '{\n  "id": "syntax",\n}\n');
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const problems = async () => {
    const result = await loadCourse(folder);
    expect(result.ok).toBe(false);
    return (result.ok ? [] : result.problems).map((p) => formatCourseProblem(p, folder));
  };

  it("reports an unknown field with its path", async () => {
    expect(await problems()).toContainEqual(
      expect.stringMatching(/^exercises\/bad-field\.json: constraints: .*maxDepht/),
    );
  });

  it("reports a reference that fails", async () => {
    expect(await problems()).toContainEqual(
      expect.stringMatching(
        /^exercises\/wrong-reference\.json: reference: the reference is graded incorrect/,
      ),
    );
  });

  it("reports a known-wrong submission without its finding", async () => {
    expect(await problems()).toContainEqual(
      'exercises/wrong-finding.json: knownWrong.0: "second output weight -2 where the lecture has -4" must produce function.negated, but the grader produced function.differs, function.slope',
    );
  });

  it("reports an id that does not match the file name", async () => {
    expect(await problems()).toContainEqual(
      expect.stringMatching(/^exercises\/misnamed\.json: id: the id "tent-h2" must match/),
    );
  });

  it("reports a JSON syntax error with line and column", async () => {
    expect(await problems()).toContainEqual(
      expect.stringMatching(/^exercises\/syntax\.json: .*line 3/),
    );
  });

  it("reports a misspelt finding code", async () => {
    const exercise = JSON.parse(await tentH2());
    exercise.knownWrong[0].finding = "function.diff";
    const file = path.join(folder, "exercises", "bad-code.json");
    await writeFile(file, JSON.stringify({ ...exercise, id: "bad-code" }));
    const all = await problems();
    await rm(file);
    expect(all).toContainEqual(
      expect.stringMatching(/^exercises\/bad-code\.json: knownWrong\.0\.finding: /),
    );
  });
});

describe("loadCourse course order", () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "sawtooth-order-"));
    await mkdir(path.join(folder, "exercises"));
    const tent = JSON.parse(
      await readFile(path.join(DEFAULT_COURSE_FOLDER, "exercises", "tent-h2.json"), "utf8"),
    );
    for (const id of ["alpha", "beta", "gamma"]) {
      const file = path.join(folder, "exercises", `${id}.json`);
      await writeFile(file, JSON.stringify({ ...tent, id }));
    }
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function loadWithOrder(exercises?: string[]) {
    const info = { slug: "ordered", title: "Ordered", description: "Three tents", exercises };
    await writeFile(path.join(folder, "course.json"), JSON.stringify(info));
    return loadCourse(folder, { selfTest: false });
  }

  async function problemsWithOrder(exercises: string[]): Promise<string[]> {
    const result = await loadWithOrder(exercises);
    expect(result.ok).toBe(false);
    return (result.ok ? [] : result.problems).map((p) => formatCourseProblem(p, folder));
  }

  it("follows course.json's exercises", async () => {
    const result = await loadWithOrder(["gamma", "alpha", "beta"]);

    const ids = result.ok ? result.course.exercises.map((e) => e.prepared.exercise.id) : [];
    expect(ids).toEqual(["gamma", "alpha", "beta"]);
  });

  it("falls back to file-name order", async () => {
    const result = await loadWithOrder(undefined);

    const ids = result.ok ? result.course.exercises.map((e) => e.prepared.exercise.id) : [];
    expect(ids).toEqual(["alpha", "beta", "gamma"]);
  });

  it("reports an exercise left out", async () => {
    expect(await problemsWithOrder(["gamma", "alpha"])).toEqual([
      'course.json: exercises: does not list "beta": add it where it belongs in the course',
    ]);
  });

  it("reports an id without a file", async () => {
    expect(await problemsWithOrder(["gamma", "alpha", "beta", "delta"])).toEqual([
      'course.json: exercises.3: lists "delta", which has no exercise file delta.json: add the file or remove the id',
    ]);
  });

  it("reports an id listed twice", async () => {
    expect(await problemsWithOrder(["gamma", "alpha", "gamma", "beta"])).toEqual([
      'course.json: exercises.2: lists "gamma" twice: keep one of them',
    ]);
  });
});
