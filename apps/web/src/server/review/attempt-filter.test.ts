import { describe, expect, test } from "vitest";

import { encodeAttemptCursor } from "@sawtooth/db";

import { parseAttemptFilter } from "./attempt-filter";

const exercises = [
  { id: "c1", slug: "tent-h2", title: "The tent map h2" },
  { id: "c2", slug: "saw", title: "Saw" },
];
const students = [{ id: "alice" }];

describe("parseAttemptFilter", () => {
  test("accepts valid values", () => {
    const cursor = encodeAttemptCursor({ createdAt: new Date("2027-01-02T00:00:00Z"), id: "a" });

    const parsed = parseAttemptFilter(
      {
        exercise: "tent-h2",
        student: "alice",
        verdict: "correct",
        from: "2027-01-01",
        to: "2027-01-31",
        cursor,
      },
      exercises,
      students,
    );

    expect(parsed.problems).toEqual([]);
    expect(parsed.exerciseId).toBe("c1");
    expect(parsed.values).toEqual({
      exercise: "tent-h2",
      student: "alice",
      verdict: "correct",
      from: "2027-01-01",
      to: "2027-01-31",
      cursor,
    });
  });

  test("accepts the internal id of old links", () => {
    const parsed = parseAttemptFilter({ exercise: "c2" }, exercises, students);

    expect(parsed.problems).toEqual([]);
    expect(parsed.exerciseId).toBe("c2");
    expect(parsed.values.exercise).toBe("saw");
  });

  test.each([
    ["from", "garbage", 'From: "garbage" is not a date; use the form YYYY-MM-DD'],
    ["to", "2027-02-30", 'To: "2027-02-30" is not a date; use the form YYYY-MM-DD'],
    ["verdict", "invalid", 'Verdict: "invalid" is not a verdict; use "correct" or "incorrect".'],
    ["cursor", "abc", 'Cursor: "abc" is not a position in this list'],
    ["page", "-1", '"page" is not a filter of this list'],
    ["exercise", "nonexistent", 'Exercise: no exercise "nonexistent" in this course.'],
    ["student", "mallory", 'Student: no student "mallory" in this course'],
  ])("names the field of an invalid %s", (field, value, message) => {
    const parsed = parseAttemptFilter({ [field]: value }, exercises, students);

    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toContain(message);
    expect(parsed.exerciseId).toBeUndefined();
  });

  test("reports From after To", () => {
    const parsed = parseAttemptFilter({ from: "2027-02-01", to: "2027-01-01" }, exercises, []);

    expect(parsed.problems).toEqual([
      "From is after To: 2027-02-01 comes after 2027-01-01; swap the two dates.",
    ]);
  });
});
