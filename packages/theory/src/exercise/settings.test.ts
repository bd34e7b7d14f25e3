import { describe, expect, it } from "vitest";

import { TENT_H2_SUBMISSION } from "../testing/exercises";
import { prepareExercise } from "./prepare";
import { removeExerciseSettings, writeExerciseSettings } from "./settings";

const PRETTY = `{
  "id": "tent-h2",
  "statement": "Braces } and quotes \\" inside a string",
  "reference": { "layers": [{ "weights": [[1]], "biases": ["-1/2"] }] },
  "tags": []
}
`;

const TENT_H2 = {
  id: "tent-h2",
  title: "Tent",
  statement: "Build h2.",
  domain: "R",
  target: { kind: "tent", variant: "h2" },
  reference: TENT_H2_SUBMISSION,
};

const hidden = { visibility: "hidden", dueDate: "2027-02-01T09:00:00.000Z" } as const;

describe("writeExerciseSettings", () => {
  it("appends the fields in the layout of the last field", () => {
    expect(writeExerciseSettings(PRETTY, hidden)).toBe(`{
  "id": "tent-h2",
  "statement": "Braces } and quotes \\" inside a string",
  "reference": { "layers": [{ "weights": [[1]], "biases": ["-1/2"] }] },
  "tags": [],
  "visibility": "hidden",
  "dueDate": "2027-02-01T09:00:00.000Z"
}
`);
  });

  it("follows a minified file", () => {
    const text = writeExerciseSettings('{"id":"a","tags":[]}', {
      visibility: "visible",
      dueDate: null,
    });

    expect(text).toBe('{"id":"a","tags":[],"visibility":"visible","dueDate":null}');
  });

  it("replaces settings the definition has", () => {
    const stale = '{ "visibility": "visible", "id": "a", "dueDate": null }';

    const text = writeExerciseSettings(stale, hidden);

    expect(JSON.parse(text)).toEqual({ id: "a", ...hidden });
  });

  it("fills an empty object", () => {
    expect(JSON.parse(writeExerciseSettings("{}", hidden))).toEqual(hidden);
  });
});

describe("removeExerciseSettings", () => {
  it("undoes writeExerciseSettings exactly", () => {
    for (const text of [PRETTY, '{"id":"a","tags":[]}', '{\r\n\t"id": "a"\r\n}\r\n']) {
      expect(removeExerciseSettings(writeExerciseSettings(text, hidden))).toBe(text);
    }
  });

  it("removes a first, a middle and a last field", () => {
    const text =
      '{\n  "dueDate": null,\n  "id": "a",\n  "visibility": "hidden",\n  "tags": [],\n  "dueDate": null\n}';

    expect(removeExerciseSettings(text)).toBe('{\n  "id": "a",\n  "tags": []\n}');
  });

  it("keeps nested fields with the same names", () => {
    const text = '{ "id": "a", "reference": { "visibility": "hidden" } }';

    expect(removeExerciseSettings(text)).toBe(text);
  });

  it("finds a key written with escapes", () => {
    expect(removeExerciseSettings('{ "id": "a", "due\\u0044ate": null }')).toBe('{ "id": "a" }');
  });

  it("rejects text that is no JSON object", () => {
    expect(() => removeExerciseSettings("[1]")).toThrow("not a JSON object");
  });
});

describe("exercise file settings fields", () => {
  it("accepts a due date and a visibility", () => {
    const result = prepareExercise({ ...TENT_H2, ...hidden });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(result.prepared.exercise.dueDate).toBe(hidden.dueDate);
    expect(result.prepared.exercise.visibility).toBe("hidden");
  });

  it("accepts a date with an offset and a null date", () => {
    for (const dueDate of ["2027-02-01T09:00:00+02:00", null]) {
      expect(prepareExercise({ ...TENT_H2, dueDate }).ok).toBe(true);
    }
  });

  it.each([
    ["dueDate", "2027-02-30T09:00:00Z"],
    ["dueDate", "2027-02-01"],
    ["dueDate", "2027-02-01T09:00:00"],
    ["visibility", "published"],
  ])("rejects %s %s", (field, value) => {
    const result = prepareExercise({ ...TENT_H2, [field]: value });

    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual([field]);
  });

  it("names the expected date format", () => {
    const result = prepareExercise({ ...TENT_H2, dueDate: "tomorrow" });

    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: "dueDate",
        message: "must be an ISO 8601 date and time with an offset, such as 2027-02-01T09:00:00Z",
      },
    ]);
  });
});
