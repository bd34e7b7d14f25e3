import { describe, expect, test } from "vitest";

import { parseCourseInfo, readCourseOrder } from "./course-info";

const VALID = {
  slug: "deep-learning-theory",
  title: "Theories of Deep Learning",
  description: "",
  acceptLate: false,
  exercises: ["tent-h2", "tent-h3"],
};

/** Returns `path: message` for each problem of course.json with `changes` applied. */
function problemsWith(changes: Record<string, unknown>): string[] {
  const result = parseCourseInfo({ ...VALID, ...changes });
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

describe("parseCourseInfo", () => {
  test("accepts a valid course.json", () => {
    expect(parseCourseInfo(VALID)).toEqual({ ok: true, info: VALID });
  });

  test.each([
    [
      { exercises: "abs-value" },
      'exercises: must be a list of exercise ids in course order, such as ["tent-h2", "tent-h3"]',
    ],
    [{ exercises: [5] }, 'exercises.0: must be an exercise id in quotes, such as "tent-h2"'],
    [{ exercises: [""] }, "exercises.0: is empty: enter an exercise id"],
    [{ slug: 5 }, "slug: must be text in quotes"],
    [
      { slug: "Deep Learning" },
      "slug: use lower-case words joined by hyphens, such as deep-learning-theory",
    ],
    [{ title: null }, "title: must be text in quotes"],
    [{ title: "" }, "title: is empty: enter a title"],
    [{ description: ["text"] }, "description: must be text in quotes"],
    [{ acceptLate: "yes" }, "acceptLate: must be true or false"],
    [{ title: undefined }, "title: is missing"],
    [{ order: [] }, ': has the unknown field "order": remove it or correct its spelling'],
  ])("words the problem of %j", (changes, message) => {
    expect(problemsWith(changes)).toEqual([message]);
  });

  test("words a course.json that is not an object", () => {
    const result = parseCourseInfo(["tent-h2"]);

    expect(result.ok ? [] : result.problems).toEqual([
      { path: "", message: "must be an object { … }" },
    ]);
  });
});

describe("readCourseOrder", () => {
  test("reads a valid list while other fields have problems", () => {
    expect(readCourseOrder({ ...VALID, acceptLate: "yes", slug: 5 })).toEqual([
      "tent-h2",
      "tent-h3",
    ]);
  });

  test.each([[null], ["text"], [{ slug: "a" }], [{ exercises: [5] }], [{ exercises: "a" }]])(
    "returns undefined without a valid list: %j",
    (input) => {
      expect(readCourseOrder(input)).toBeUndefined();
    },
  );
});
