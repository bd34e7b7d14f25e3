import { describe, expect, test } from "vitest";

import type { Gradebook } from "@sawtooth/db";

import { csvField } from "@/lib/csv-field";

import { gradebookCsv } from "./gradebook-csv";

describe("csvField", () => {
  test.each([
    ["plain", "plain"],
    ["Smith, Jo", '"Smith, Jo"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ['=1,"x"', `"'=1,""x"""`],
    ["Zoë", "Zoë"],
  ])("writes %j as %s", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test("writes numbers as they are, negative ones too", () => {
    expect(csvField(-1.5)).toBe("-1.5");
  });
});

describe("gradebookCsv", () => {
  test("writes one row per student with totals", () => {
    const exercise = (id: string, title: string, visibility: "visible" | "hidden") => ({
      id,
      slug: id,
      title,
      position: 0,
      dueDate: null,
      attemptLimit: null,
      visibility,
      showTarget: false,
    });
    const gradebook: Gradebook = {
      exercises: [
        exercise("a", "Tent, h2", "visible"),
        exercise("b", "Saw", "visible"),
        exercise("b2", "Saw", "visible"),
        exercise("c", "Draft", "hidden"),
      ],
      students: [
        { id: "s1", name: "=cmd", email: "s1@example.com" },
        { id: "s2", name: "Zoë", email: "s2@example.com" },
      ],
      cells: new Map([
        ["s1 a", { attempts: 3, bestScore: 1, solved: true }],
        ["s1 b", { attempts: 1, bestScore: 1 / 3, solved: false }],
        ["s1 c", { attempts: 1, bestScore: 1, solved: true }],
        ["s2 b2", { attempts: 2, bestScore: 0, solved: false }],
      ]),
    };

    // s1 earns 1 + 1/3 of the 3 points of the visible exercises: 44.44 %. The hidden exercise
    // shows its score but counts neither in the points nor in the total. A cell without an
    // attempt is empty; s2 tried b2 and scored 0.
    expect(gradebookCsv(gradebook)).toBe(
      '\uFEFFName,Email,"Tent, h2 [a] (%)",Saw [b] (%),Saw [b2] (%),' +
        '"Draft [c] (%, hidden, not in total)",' +
        "Points earned,Points possible,Total (% of points possible),Solved\r\n" +
        "'=cmd,s1@example.com,100,33.33,,100,1.3333,3,44.44,2\r\n" +
        "Zoë,s2@example.com,,,0,,0,3,0,0\r\n",
    );
  });
});
