import { describe, expect, test } from "vitest";

import { labelExercises } from "./exercise-labels";

describe("labelExercises", () => {
  test("adds the id where titles repeat", () => {
    const labels = labelExercises([
      { slug: "fuzz-1", title: "Fuzz" },
      { slug: "tent-h2", title: "Tent h2" },
      { slug: "fuzz-2", title: "Fuzz" },
      { slug: "fuzz-3", title: " fuzz " },
    ]);

    expect([...labels]).toEqual([
      ["fuzz-1", "Fuzz (fuzz-1)"],
      ["tent-h2", "Tent h2"],
      ["fuzz-2", "Fuzz (fuzz-2)"],
      ["fuzz-3", "fuzz (fuzz-3)"],
    ]);
  });

  test("keeps unique titles alone", () => {
    const labels = labelExercises([
      { slug: "a", title: "Tent" },
      { slug: "b", title: "Sawtooth" },
    ]);

    expect([...labels.values()]).toEqual(["Tent", "Sawtooth"]);
  });
});
