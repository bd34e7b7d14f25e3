import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { dyadic, exact, Inexact } from "./arithmetic";
import { exactDouble, formatRational, rationalFromDouble, type Rational } from "../rational";

const FAST_CHECK = { seed: 20_170_101, numRuns: 300 } as const;

type Operation = "add" | "sub" | "mul" | "div";

/** Tells whether a double lies in the range the dyadic arithmetic accepts: 0 or 2^±900. */
function inSafeRange(value: number): boolean {
  const size = Math.abs(value);
  return value === 0 || (size >= 2 ** -900 && size <= 2 ** 900);
}

function roundedDouble(operation: Operation, a: number, b: number): number {
  switch (operation) {
    case "add":
      return a + b;
    case "sub":
      return a - b;
    case "mul":
      return a * b;
    case "div":
      return a / b;
  }
}

describe("dyadic", () => {
  const inexactRows: [string, () => number][] = [
    ["0.1 + 0.2", () => dyadic.add(0.1, 0.2)],
    ["2^53 + 1", () => dyadic.add(2 ** 53, 1)],
    ["1 − 2^−60", () => dyadic.sub(1, 2 ** -60)],
    ["(1 + 2^−30)²", () => dyadic.mul(1 + 2 ** -30, 1 + 2 ** -30)],
    ["1 / 3", () => dyadic.div(1, 3)],
    ["1/3 converted", () => dyadic.from(exact.div(exact.one, exact.from(rationalFromDouble(3))))],
    ["2^600 · 2^600", () => dyadic.mul(2 ** 600, 2 ** 600)],
    ["2^1023 + 2^1023", () => dyadic.add(2 ** 1023, 2 ** 1023)],
    ["1 / 2^−950", () => dyadic.div(1, 2 ** -950)],
  ];

  it.each(inexactRows)("throws Inexact on %s", (_, operation) => {
    expect(operation).toThrow(Inexact);
  });

  it("throws Inexact when a product underflows to 0", () => {
    expect(() => dyadic.mul(2 ** -600, 2 ** -600)).toThrow(Inexact);
  });

  it("adds exactly past the product range", () => {
    // Sums need no range bound: they never round in the subnormal range, and an overflow
    // turns the rounding error into NaN, which is caught.
    expect(dyadic.add(2 ** 900, 2 ** 900)).toBe(2 ** 901);
  });

  it("throws Inexact when a product is subnormal", () => {
    expect(() => dyadic.mul(2 ** -537, 2 ** -537)).toThrow(Inexact);
  });

  const exactRows: [string, number, string][] = [
    ["0.5 + 0.25", dyadic.add(0.5, 0.25), "3/4"],
    ["2^53 − 1 + 0", dyadic.add(2 ** 53 - 1, 0), "9007199254740991"],
    ["1 − 2^−52", dyadic.sub(1, 2 ** -52), "4503599627370495/4503599627370496"],
    ["1.5 · −2.5", dyadic.mul(1.5, -2.5), "-15/4"],
    ["3 / 8", dyadic.div(3, 8), "3/8"],
    ["−7 / 0.5", dyadic.div(-7, 0.5), "-14"],
    ["2^450 · 2^450", dyadic.mul(2 ** 450, 2 ** 450), `${2n ** 900n}`],
  ];

  it.each(exactRows)("computes %s exactly", (_, value, expected) => {
    expect(formatRational(rationalFromDouble(value))).toBe(expected);
  });

  it("converts 1/4 from a rational", () => {
    expect(dyadic.from(exact.div(exact.one, rationalFromDouble(4)))).toBe(0.25);
  });

  // Dyadic numbers m·2^e with a 53-bit m, so that many sums and products need rounding.
  const dyadicNumber = fc
    .tuple(fc.maxSafeInteger(), fc.integer({ min: -80, max: 80 }))
    .map(([mantissa, exponent]) => mantissa * 2 ** exponent);
  const operations: Operation[] = ["add", "sub", "mul", "div"];

  it.each(operations)("%s is exact or throws Inexact", (operation) => {
    fc.assert(
      fc.property(dyadicNumber, dyadicNumber, (a, b) => {
        fc.pre(operation !== "div" || b !== 0);
        const expected: Rational = exact[operation](rationalFromDouble(a), rationalFromDouble(b));
        const rounded = roundedDouble(operation, a, b);
        const representable = inSafeRange(rounded) && rationalFromDouble(rounded).equals(expected);
        if (representable) {
          expect(rationalFromDouble(dyadic[operation](a, b)).equals(expected)).toBe(true);
        } else {
          expect(() => dyadic[operation](a, b)).toThrow(Inexact);
        }
      }),
      FAST_CHECK,
    );
  });
});

describe("rationalFromDouble", () => {
  const rows: [number, string][] = [
    [0.1, "3602879701896397/36028797018963968"],
    [-0.5, "-1/2"],
    [0, "0"],
    [2 ** 60, `${2n ** 60n}`],
    [Number.MIN_VALUE, `1/${2n ** 1074n}`],
  ];

  it.each(rows)("converts %d to %s", (value, expected) => {
    expect(formatRational(rationalFromDouble(value))).toBe(expected);
  });

  it("rejects infinity", () => {
    expect(() => rationalFromDouble(Infinity)).toThrow(RangeError);
  });
});

describe("exactDouble", () => {
  const doubleRows: [string, number][] = [
    ["2^60", 2 ** 60],
    ["-3·2^70", -3 * 2 ** 70],
    ["2^-900", 2 ** -900],
  ];

  it.each(doubleRows)("returns %s as a double", (_, value) => {
    expect(exactDouble(rationalFromDouble(value))).toBe(value);
  });

  it("returns null for the smallest subnormal", () => {
    expect(exactDouble(rationalFromDouble(Number.MIN_VALUE))).toBeNull();
  });

  it("returns null for 1/3", () => {
    expect(exactDouble(exact.div(exact.one, rationalFromDouble(3)))).toBeNull();
  });

  it("inverts rationalFromDouble on dyadics", () => {
    // exactDouble takes denominators up to 2^900 only, so tiny doubles are left out here.
    const double = fc
      .double({ min: -1e6, max: 1e6, noNaN: true })
      .filter((value) => value === 0 || Math.abs(value) >= 2 ** -800);
    fc.assert(
      fc.property(double, (value) => {
        expect(exactDouble(rationalFromDouble(value))).toBe(value === 0 ? 0 : value);
      }),
      FAST_CHECK,
    );
  });
});
