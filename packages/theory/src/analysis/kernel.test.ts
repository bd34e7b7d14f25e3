import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { Inexact } from "./arithmetic";
import { kinkFlagsDyadic } from "./kernel";
import { rationalFromDouble } from "../rational";

/** Marks kinks with exact rationals, the reference for the filtered double version. */
function exactKinkFlags(xs: number[], ys: number[]): number[] {
  const x = xs.map(rationalFromDouble);
  const y = ys.map(rationalFromDouble);
  return xs.map((_, i) => {
    if (i === 0 || i === xs.length - 1) return 1;
    const left = y[i]!.sub(y[i - 1]!).mul(x[i + 1]!.sub(x[i]!));
    const right = y[i + 1]!.sub(y[i]!).mul(x[i]!.sub(x[i - 1]!));
    return left.equals(right) ? 0 : 1;
  });
}

describe("kinkFlagsDyadic", () => {
  it("keeps a kink whose slopes differ in the last bit", () => {
    const xs = [0, 1, 2];
    const ys = [0, 1, 2 + 2 ** -51];
    expect(Array.from(kinkFlagsDyadic(xs, ys))).toEqual([1, 1, 1]);
  });

  it("never settles a rounded tie without the exact products", () => {
    // 1 + 2^-29 + 2^-60 rounds to 1 + 2^-29, so the rounded cross products tie although the
    // slopes differ. The exact product is not a double, which sends the work to rationals.
    const xs = [0, 1, 2 + 2 ** -30];
    const ys = [0, 1 + 2 ** -30, 2 + 2 ** -30 + 2 ** -29];
    expect(() => kinkFlagsDyadic(xs, ys)).toThrow(Inexact);
  });

  it("drops a collinear point", () => {
    const xs = [0, 0.25, 1];
    const ys = [3, 3.5, 5];
    expect(Array.from(kinkFlagsDyadic(xs, ys))).toEqual([1, 0, 1]);
  });

  it("agrees with exact rationals on random dyadic points", () => {
    // Small dyadic steps make exact collinearity and last-bit differences both likely.
    const dyadic = fc.integer({ min: -64, max: 64 }).map((n) => n / 16);
    const nudge = fc.constantFrom(0, 2 ** -50, -(2 ** -52), 2 ** -40, 2 ** -30);
    const points = fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), dyadic, nudge, nudge), {
      minLength: 3,
      maxLength: 40,
    });
    fc.assert(
      fc.property(points, (rows) => {
        const xs: number[] = [];
        const ys: number[] = [];
        let x = 0;
        let y = 0;
        for (const [step, slope, bump, stretch] of rows) {
          x += step / 4 + stretch;
          y += (slope * step) / 4 + bump;
          xs.push(x);
          ys.push(y);
        }
        let flags: number[] | null = null;
        try {
          flags = Array.from(kinkFlagsDyadic(xs, ys));
        } catch {
          // Inexact: the caller repeats the work in rationals, which is also correct.
          return;
        }
        expect(flags).toEqual(exactKinkFlags(xs, ys));
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });
});
