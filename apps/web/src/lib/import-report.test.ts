import { describe, expect, test } from "vitest";

import type { PlannedExercise } from "@sawtooth/db";

import {
  describeImportReport,
  describePlannedCourse,
  describePlannedExercise,
} from "./import-report";

const nothing = {
  created: [],
  updated: [],
  wordingChanged: [],
  settingsChanged: [],
  unchanged: ["tent-h2", "tent-h3"],
  courseChanges: [],
};

describe("describeImportReport", () => {
  test("reports an unchanged re-import", () => {
    expect(describeImportReport(nothing)).toMatchInlineSnapshot(
      `"Imported exercises: 0 created, 0 with a new version, 0 with new wording in the same version, 0 with new settings only, 2 unchanged; course settings unchanged."`,
    );
  });

  test("names each change", () => {
    const report = {
      created: ["abs-value"],
      updated: ["tent-h2"],
      wordingChanged: ["deep-sawtooth"],
      settingsChanged: ["tent-h3", "sawtooth-f3"],
      unchanged: [],
      courseChanges: ["acceptLate" as const, "order" as const],
    };

    expect(describeImportReport(report)).toMatchInlineSnapshot(
      `"Imported exercises: 1 created (abs-value), 1 with a new version (tent-h2), 1 with new wording in the same version (deep-sawtooth), 2 with new settings only (tent-h3, sawtooth-f3), 0 unchanged; course settings updated: late attempts, exercise order."`,
    );
  });
});

describe("describePlannedExercise", () => {
  const unchanged: PlannedExercise = {
    slug: "tent-h2",
    change: "none",
    version: 2,
    wording: [],
    settings: [],
    visibility: "visible",
  };

  test.each([
    [{ change: "none" }, "Unchanged"],
    [{ change: "created", version: 1, visibility: "hidden" }, "New exercise, version 1, hidden"],
    [
      { change: "version", version: 3, wording: ["title"], settings: ["attemptLimit"] },
      "New version 3, because what grading depends on changed; wording changed: title; settings changed: attempt limit",
    ],
    [
      { change: "wording", wording: ["statement", "tags"], settings: ["dueDate"] },
      "Wording changed in place in version 2: statement, tags; settings changed: due date",
    ],
    [
      { change: "settings", settings: ["visibility", "showTarget"], visibility: "hidden" },
      "Settings changed: visibility (hidden), target plot",
    ],
  ] as const)("words %o", (changes, expected) => {
    const exercise = { ...unchanged, ...changes } as PlannedExercise;

    expect(describePlannedExercise(exercise)).toBe(expected);
  });
});

describe("describePlannedCourse", () => {
  const before = { title: "Old", description: "", acceptLate: false };

  test("names each change", () => {
    const after = { title: "New", description: "About", acceptLate: true };
    const changes = ["title", "description", "acceptLate", "order"] as const;

    expect(describePlannedCourse({ changes: [...changes], before, after, order: ["b", "a"] }))
      .toMatchInlineSnapshot(`
        [
          "Title: "Old" becomes "New".",
          "Description: replaced by course.json's.",
          "Late attempts: accepted from now on.",
          "Exercise order: b, a.",
        ]
      `);
  });

  test("says when nothing changes", () => {
    const course = { changes: [], before, after: before, order: ["a"] };

    expect(describePlannedCourse(course)).toEqual([
      "Course title, description and order stay as they are.",
    ]);
  });
});
