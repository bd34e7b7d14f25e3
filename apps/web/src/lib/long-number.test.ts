import { describe, expect, test } from "vitest";

import {
  abbreviateLongNumbers,
  abbreviateNumber,
  approximate,
  splitLongNumbers,
} from "./long-number";

const THREE_HUNDRED_DIGITS = `7${"0123456789".repeat(29)}012345678`;

describe("abbreviateNumber", () => {
  test.each([
    ["0"],
    ["-3"],
    ["5/1024"],
    ["123456789012345"],
    ["-123456789012345/123456789012345"],
    ["0.25"],
    ["x"],
    ["1e400"],
    ["1/2/3"],
  ])("leaves %s in full", (exact) => {
    expect(abbreviateNumber(exact)).toBeNull();
  });

  test.each([
    ["a 300-digit integer", THREE_HUNDRED_DIGITS, "701234…5678", "300 digits, ≈ 7.0123 × 10^299"],
    [
      "a fraction of long parts",
      "12345678901234567890123/98765432109876543210",
      "123456…0123/987654…3210",
      "23 and 20 digits, ≈ 125",
    ],
    [
      "a negative fraction with a short denominator",
      "-1234567890123456789/1024",
      "-123456…6789/1024",
      "19 and 4 digits, ≈ -1.2056 × 10^15",
    ],
    [
      "a tiny fraction",
      "1/10000000000000000000000",
      "1/100000…0000",
      "1 and 23 digits, ≈ 1 × 10^-22",
    ],
    ["a long decimal", "0.3333333333333333333333", "0.33333…3333", "23 digits, ≈ 0.33333"],
    ["sixteen digits", "1234567890123456", "123456…3456", "16 digits, ≈ 1.2346 × 10^15"],
  ])("shortens %s", (_name, exact, short, note) => {
    expect(abbreviateNumber(exact)).toEqual({ short, note });
  });
});

describe("approximate", () => {
  test.each([
    [["", "1", "", "8"], "0.125"],
    [["", "2", "", "3"], "0.66667"],
    [["-", "2", "", "3"], "-0.66667"],
    [["", "12345", "", "1"], "12345"],
    [["", "123456", "", "1"], "1.2346 × 10^5"],
    [["", "10000", "", "1"], "10000"],
    [["", "999999", "", "1"], "1 × 10^6"],
    [["", "1", "", "10000"], "0.0001"],
    [["", "99999", "", "1000000000"], "9.9999 × 10^-5"],
    [["", "1", "", "100000"], "1 × 10^-5"],
    [["", "0", "", "7"], "0"],
    [["", "3", "14159", "1"], "3.1416"],
    [["", "1", "", "0"], "undefined (division by zero)"],
  ] as [[string, string, string, string], string][])("writes %j as %s", (args, expected) => {
    expect(approximate(...args)).toBe(expected);
  });
});

describe("splitLongNumbers", () => {
  test("keeps a sentence of short numbers as one part", () => {
    const sentence = "At x = 1/2 your network gives -3 while the target is 0.";

    expect(splitLongNumbers(sentence)).toEqual([sentence]);
  });

  test("finds a long number at the end of a sentence", () => {
    const parts = splitLongNumbers(`At x = ${THREE_HUNDRED_DIGITS}. The functions differ.`);

    expect(parts).toEqual([
      "At x = ",
      {
        exact: THREE_HUNDRED_DIGITS,
        short: "701234…5678",
        note: "300 digits, ≈ 7.0123 × 10^299",
      },
      ". The functions differ.",
    ]);
  });

  test("finds the ends of an interval and a slope", () => {
    const long = "12345678901234567890123/98765432109876543210";
    const parts = splitLongNumbers(`On (0, ${long}] the first wrong piece has slope -${long}.`);

    expect(parts.filter((part) => typeof part !== "string")).toHaveLength(2);
    expect(parts[0]).toBe("On (0, ");
    expect(parts[2]).toBe("] the first wrong piece has slope ");
    expect(parts[3]).toMatchObject({ exact: `-${long}`, short: "-123456…0123/987654…3210" });
  });

  test("leaves digits inside words and keys alone", () => {
    const sentence = `layer 1 biases (key "net12345678901234567890.bias") and "0.weight"`;

    expect(splitLongNumbers(sentence)).toEqual([sentence]);
  });
});

describe("abbreviateLongNumbers", () => {
  test("writes the note after the short form", () => {
    expect(abbreviateLongNumbers(`slope ${THREE_HUNDRED_DIGITS} towards ∞.`)).toBe(
      "slope 701234…5678 (300 digits, ≈ 7.0123 × 10^299) towards ∞.",
    );
  });
});
