import { describe, expect, test } from "vitest";

import { checkExerciseForm, MAX_DEFINITION_BYTES } from "./exercise-check";
import { EMPTY_FORM, type ExerciseForm } from "./exercise-form";
import { MAX_ACTION_BODY_BYTES, utf8Bytes } from "./submission-limits";

const H2 = JSON.stringify({
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [0] },
  ],
});

/** Returns the form of a valid tent exercise with `changes` applied. */
function formWith(changes: Partial<ExerciseForm>): ExerciseForm {
  return {
    ...EMPTY_FORM,
    id: "tent",
    title: "Tent",
    statement: "Build $h_2$.",
    reference: H2,
    ...changes,
  };
}

function placesAndMessages(form: ExerciseForm): string[] {
  return checkExerciseForm(form).errors.map((error) => `${error.place}: ${error.message}`);
}

describe("checkExerciseForm", () => {
  test("passes a valid form", () => {
    expect(checkExerciseForm(formWith({})).errors).toEqual([]);
  });

  test("reports every problem of an empty form", () => {
    const errors = checkExerciseForm(EMPTY_FORM).errors;

    expect(errors.map((error) => error.key)).toEqual(["id", "title", "statement", "reference"]);
    expect(errors.map((error) => error.place)).toEqual([
      "Exercise id",
      "Title",
      "Statement",
      "Reference solution",
    ]);
  });

  test("reports the domain and target together with the reference", () => {
    const form = formWith({
      targetKind: "polynomial",
      coefficients: "0, 0, 1",
      tolerance: "1/256",
      minDepth: "0",
      reference: "",
    });

    expect(placesAndMessages(form)).toEqual([
      "Domain: a polynomial target needs a closed domain [lo, hi]: enter both ends",
      "Minimum depth: must be a whole number from 1 to 1,000,000",
      "Reference solution: is empty: paste the network as JSON",
    ]);
  });

  test.each<[Partial<ExerciseForm>, string]>([
    [
      { domainLo: "abc" },
      'Domain, lower end: "abc" is not a number: enter a number such as -1/2 or 0.5',
    ],
    [
      { targetKind: "sawtooth", sawtoothK: "65" },
      "Sawtooth k: must be a whole number from 1 to 64",
    ],
    [
      { targetKind: "points", points: "0, 0", leftSlope: "NaN" },
      'Left slope: "NaN" is not a number: enter a number such as -1/2 or 0.5',
    ],
    [
      { targetKind: "points", points: "0, 0\n\n1, 1\nfoo" },
      "Breakpoints, line 4: needs two numbers, x and y",
    ],
    [
      {
        targetKind: "classification",
        labelledPoints: "0, 0\n1/2, 2",
        domainLo: "0",
        domainHi: "1",
      },
      "Labelled points, line 2: a label is 0 or 1",
    ],
    [
      { targetKind: "classification", labelledPoints: "0, 0", maxError: "-1/10" },
      "Maximum error: must be from 0 to 1, such as 0 or 1/10",
    ],
    [
      {
        targetKind: "polynomial",
        coefficients: "0, 0, 1",
        tolerance: "-1/256",
        domainLo: "0",
        domainHi: "1",
      },
      "Tolerance: must be more than 0, such as 1/256",
    ],
  ])("names the field of %j", (changes, expected) => {
    expect(placesAndMessages(formWith(changes))).toEqual([expected]);
  });

  test("places an error at its form field", () => {
    const form = formWith({ targetKind: "points", points: "0, 0\nfoo" });

    const [error] = checkExerciseForm(form).errors;

    expect(error?.key).toBe("points");
    expect(error?.path).toBe("target.points.1");
  });

  test("names a known-wrong submission's field", () => {
    const form = formWith({
      knownWrong: [{ name: "", finding: "function.differs", submission: "{" }],
    });

    const places = checkExerciseForm(form).errors.map((error) => error.place);

    expect(places).toEqual([
      "Known-wrong submission 1, name",
      "Known-wrong submission 1, submission",
    ]);
  });

  test("blames the largest field of a file over the limit", () => {
    const statement = "x".repeat(1_700_000);

    const errors = checkExerciseForm(formWith({ statement })).errors;

    expect(errors).toHaveLength(1);
    expect(errors[0]?.key).toBe("statement");
    expect(errors[0]?.message).toBe(
      "is 1,661 KiB, which makes the exercise file 1,661 KiB, larger than the maximum of " +
        "512 KiB: shorten it",
    );
  });

  test("keeps the largest file's request within the body limit", () => {
    // A quote, the character whose escaping grows most, takes 2 bytes in the file and 4 in
    // the request that sends the file as a JSON string.
    const file = JSON.stringify({ statement: '"'.repeat(MAX_DEFINITION_BYTES / 2 - 8) });
    const request = JSON.stringify([{ courseSlug: "c".repeat(200), definition: file }]);

    expect(utf8Bytes(file)).toBeLessThanOrEqual(MAX_DEFINITION_BYTES);
    expect(utf8Bytes(request)).toBeLessThan(MAX_ACTION_BODY_BYTES);
  });
});
