import { describe, expect, test } from "vitest";

import { describeImportReport } from "./import-report";

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
