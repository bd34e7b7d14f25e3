import { describe, expect, test } from "vitest";

import { parseDashboardFilter } from "./dashboard-filter";

const exercises = [
  { id: "c1", slug: "tent-h2", title: "The tent map h2" },
  { id: "c2", slug: "saw", title: "Saw" },
];

const defaults = { student: "", exercise: "", status: "", sort: "name", direction: "asc" };

describe("parseDashboardFilter", () => {
  test("accepts valid values", () => {
    const parsed = parseDashboardFilter(
      { student: " Ali ", exercise: "saw", status: "tried", sort: "saw", direction: "desc" },
      exercises,
    );

    expect(parsed.problems).toEqual([]);
    expect(parsed.options).toEqual({
      student: "Ali",
      exercise: "saw",
      status: "tried",
      sort: "saw",
      direction: "desc",
    });
  });

  test.each(["name", "email", "total", "tent-h2"])("accepts the sort key %s", (sort) => {
    const parsed = parseDashboardFilter({ sort }, exercises);

    expect(parsed.problems).toEqual([]);
    expect(parsed.options.sort).toBe(sort);
  });

  test("accepts the internal id of old links", () => {
    const parsed = parseDashboardFilter({ exercise: "c1" }, exercises);

    expect(parsed.problems).toEqual([]);
    expect(parsed.options.exercise).toBe("tent-h2");
  });

  test("uses defaults for an empty query", () => {
    const parsed = parseDashboardFilter({}, exercises);

    expect(parsed.problems).toEqual([]);
    expect(parsed.options).toEqual(defaults);
  });

  test.each([
    ["exercise", "nope", 'Exercise: no exercise "nope" in this course.'],
    ["status", "bogus", 'Status: "bogus" is not a status; use "not-tried", "tried" or "solved"'],
    ["sort", "zzz", 'Sort: "zzz" is not a column; use "name", "email", "total" or an exercise id'],
    ["direction", "up", 'Direction: "up" is not a direction; use "asc" or "desc".'],
    ["student", "x".repeat(201), "Student: the search text has 201 characters; shorten it"],
    ["page", "2", '"page" is not a filter of the dashboard'],
  ])("names the field of an invalid %s", (field, value, message) => {
    const parsed = parseDashboardFilter({ [field]: value }, exercises);

    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toContain(message);
    expect(parsed.options).toEqual(defaults);
  });

  test("reports each invalid value", () => {
    const parsed = parseDashboardFilter({ sort: "zzz", direction: "up" }, exercises);

    expect(parsed.problems).toHaveLength(2);
    expect(parsed.problems[0]).toMatch(/^Sort: /);
    expect(parsed.problems[1]).toMatch(/^Direction: /);
  });

  test("shows all exercises for an unknown one", () => {
    const parsed = parseDashboardFilter({ exercise: "nope", sort: "saw" }, exercises);

    expect(parsed.problems).toHaveLength(1);
    expect(parsed.options.exercise).toBe("");
    expect(parsed.options.sort).toBe("saw");
  });

  test("rejects sorting by a column not shown", () => {
    const parsed = parseDashboardFilter({ exercise: "saw", sort: "tent-h2" }, exercises);

    expect(parsed.problems).toEqual([
      'Sort: the column "tent-h2" is not shown while the exercise filter is "saw"; sort by "saw" or clear the exercise filter.',
    ]);
    expect(parsed.options.exercise).toBe("saw");
    expect(parsed.options.sort).toBe("name");
  });
});
