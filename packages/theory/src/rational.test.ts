import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { parseJson, JsonNumber } from "./submission/json";
import {
  approximateDouble,
  formatDouble,
  formatRational,
  parseRational,
  rational,
  rationalFromDouble,
  type NumberErrorCode,
} from "./rational";

function read(input: string | number | bigint): string {
  const result = parseRational(input);
  return result.ok ? formatRational(result.value) : `error ${result.error.code}`;
}

describe("parseRational", () => {
  test.each([
    ["0", "0"],
    ["42", "42"],
    ["-7", "-7"],
    ["+3", "3"],
    [" 12 ", "12"],
    ["0.1", "1/10"],
    ["0.5", "1/2"],
    ["-0.25", "-1/4"],
    ["2.", "2"],
    ["-1/2", "-1/2"],
    ["6/4", "3/2"],
    ["1/-2", "error syntax"],
    ["0.5/0.25", "2"],
    ["1e-3", "1/1000"],
    ["1E3", "1000"],
    ["-5e-1", "-1/2"],
    ["2.5e+2", "250"],
    [".5", "1/2"],
    ["-.5", "-1/2"],
    ["1e300", `1${"0".repeat(300)}`],
  ])("reads text %j as %s", (input, expected) => {
    expect(read(input)).toBe(expected);
  });

  test.each([
    ["U+2212 minus sign", "\u22121/2"],
    ["U+2012 figure dash", "\u20121/2"],
    ["U+2013 en dash", "\u20131/2"],
    ["U+2014 em dash", "\u20141/2"],
    ["U+2015 horizontal bar", "\u20151/2"],
    ["U+FE63 small hyphen-minus", "\uFE631/2"],
    ["U+FF0D fullwidth hyphen-minus", "\uFF0D1/2"],
  ])("reads the %s as minus", (_name, input) => {
    expect(read(input)).toBe("-1/2");
  });

  test.each([
    [0.1, "1/10"],
    [-0.5, "-1/2"],
    [3, "3"],
    [1e-7, "1/10000000"],
    [1e21, "1000000000000000000000"],
    [-0, "0"],
    [9007199254740993n, "9007199254740993"],
  ])("reads the JavaScript value %s as %s", (input, expected) => {
    expect(read(input)).toBe(expected);
  });

  test.each<[string | number, NumberErrorCode]>([
    ["", "empty"],
    ["   ", "empty"],
    ["NaN", "nan"],
    [Number.NaN, "nan"],
    ["Infinity", "infinite"],
    ["-Infinity", "infinite"],
    ["∞", "infinite"],
    [Number.POSITIVE_INFINITY, "infinite"],
    [Number.NEGATIVE_INFINITY, "infinite"],
    ["abc", "syntax"],
    ["1,5", "syntax"],
    ["--1", "syntax"],
    ["1/2/3", "syntax"],
    [".", "syntax"],
    ["1e", "syntax"],
    ["0x10", "syntax"],
    ["1/0", "zero-denominator"],
    ["3/0.0", "zero-denominator"],
    ["1e400", "too-large"],
    ["1e-400", "too-large"],
    [`1${"0".repeat(399)}`, "too-large"],
    ["1".repeat(401), "too-long"],
  ])("rejects %j as %s", (input, code) => {
    const result = parseRational(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  test("keeps the rejected text as input", () => {
    const result = parseRational(" 1/0 ");
    expect(result).toEqual({ ok: false, error: { code: "zero-denominator", input: " 1/0 " } });
  });

  test("names the bound of too-long input", () => {
    const result = parseRational("1".repeat(401));
    expect(result.ok ? undefined : result.error.bound).toBe("400 characters");
  });

  test("reads 2^53 + 1 from text exactly", () => {
    expect(read("9007199254740993")).toBe("9007199254740993");
    expect(Number("9007199254740993")).toBe(9007199254740992);
  });

  test("reads 2^53 + 1 from a JSON literal exactly", () => {
    const parsed = parseJson('{"w": 9007199254740993}');
    if (!parsed.ok) throw new Error("expected valid JSON");
    const cell = (parsed.value as { w: JsonNumber }).w;
    expect(cell).toBeInstanceOf(JsonNumber);
    expect(read(cell.text)).toBe("9007199254740993");
  });
});

describe("approximateDouble", () => {
  const big = 10n ** 400n;

  test.each([
    ["0", rational(0n), 0],
    ["-1/2", rational(-1n, 2n), -0.5],
    ["10^400 / 10^399", rational(big, big / 10n), 10],
    ["-(10^400 + 1) / 3", rational(-(big + 1n), 3n), -Infinity],
    ["1 / 10^400", rational(1n, big), 0],
    ["2^1023", rational(1n << 1023n), 2 ** 1023],
    ["3 / 2^1074", rational(3n, 1n << 1074n), 3 * 2 ** -1074],
  ])("converts %s", (_name, value, expected) => {
    expect(approximateDouble(value)).toBe(expected);
  });

  test("agrees with a double's own rational", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(approximateDouble(rationalFromDouble(value))).toBe(value + 0);
      }),
      { seed: 24_680, numRuns: 300 },
    );
  });
});

describe("formatDouble", () => {
  test.each([
    [0, "0"],
    [-0, "0"],
    [7, "7"],
    [-3, "-3"],
    [0.5, "1/2"],
    [-0.375, "-3/8"],
    [0.1, "3602879701896397/36028797018963968"],
    [2 ** 60, "1152921504606846976"],
    [-(2 ** 60) - 2 ** 8, "-1152921504606847232"],
    [2 ** -60, "1/1152921504606846976"],
    [3 * 2 ** -53, "3/9007199254740992"],
  ])("formats %s as %s", (value, expected) => {
    expect(formatDouble(value)).toBe(expected);
  });

  test("formats like formatRational of the exact rational", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(formatDouble(value)).toBe(formatRational(rationalFromDouble(value)));
      }),
      { seed: 97_531, numRuns: 300 },
    );
  });

  test("rejects infinities and NaN", () => {
    expect(() => formatDouble(Infinity)).toThrow(RangeError);
    expect(() => formatDouble(Number.NaN)).toThrow(RangeError);
  });
});
