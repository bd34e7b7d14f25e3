import { describe, expect, it } from "vitest";

import { analyzeNetwork } from "../analysis/analyze";
import type { Domain } from "../analysis/domain";
import type { Piecewise } from "../analysis/piecewise";
import type { Network } from "../network/network";
import { formatRational, ONE, rational, ZERO, type Rational } from "../rational";
import { layerOf, RELU, IDENTITY, rationalOf, yarotskySquareNetwork } from "../testing/networks";
import { nativeOf, prepareOrThrow } from "../testing/exercises";
import { checkApproximation } from "./approximation";
import { gradeNetwork } from "./grade";

const UNIT: Domain = { lo: ZERO, hi: ONE };
const SQUARE = [ZERO, ZERO, ONE];
const CUBE = [ZERO, ZERO, ZERO, ONE];

function onUnit(network: Network): Piecewise {
  return analyzeNetwork(network, UNIT).outputs[0]!;
}

function polynomialValue(coefficients: Rational[], x: Rational): Rational {
  return coefficients.reduceRight((sum, c) => sum.mul(x).add(c), ZERO);
}

/**
 * Builds the two-layer network y_0 + Σ_j (s_j − s_{j−1})·φ(x − x_j) that interpolates the points
 * (x_j, y_j) on [x_0, ∞), with s_j the slope after x_j and s_{−1} = 0.
 */
function interpolantNetwork(xs: string[], ys: string[]): Network {
  const x = xs.map(rationalOf);
  const y = ys.map(rationalOf);
  const slopes = x.slice(1).map((right, j) => y[j + 1]!.sub(y[j]!).div(right.sub(x[j]!)));
  const changes = slopes.map((s, j) => (j === 0 ? s : s.sub(slopes[j - 1]!)));
  return {
    layers: [
      layerOf(
        slopes.map(() => [1]),
        x.slice(0, -1).map((point) => formatRational(point.neg())),
      ),
      { weights: [changes], biases: [y[0]!] },
    ],
    activation: RELU,
    outputActivation: IDENTITY,
  };
}

/** The interpolant of x³ at j/4; its largest error is irrational, at √(37/48) on [3/4, 1]. */
const CUBE_INTERPOLANT = interpolantNetwork(
  ["0", "1/4", "1/2", "3/4", "1"],
  ["0", "1/64", "1/8", "27/64", "1"],
);

/** Decimals within 10^−14 below and above that sup error, 0.0410388501928865881… . */
const SUP_BELOW = "0.04103885019288";
const SUP_ABOVE = "0.04103885019289";

/** Returns the largest |f − p| over the points i/count of [0, 1], a lower bound on the sup. */
function denseError(f: Piecewise, coefficients: Rational[], count: number): Rational {
  let largest = ZERO;
  for (let i = 0; i <= count; i++) {
    const x = rational(BigInt(i), BigInt(count));
    const error = f.valueAt(x).sub(polynomialValue(coefficients, x)).abs();
    if (error.compare(largest) > 0) largest = error;
  }
  return largest;
}

describe("checkApproximation on Yarotsky's x² network", () => {
  it.each([1, 2, 3, 4, 5, 6])("finds the sup error 2^(−2m−2) for m = %i", (m) => {
    const exactError = rational(1n, 2n ** BigInt(2 * m + 2));
    const result = checkApproximation(onUnit(yarotskySquareNetwork(m)), SQUARE, exactError);
    expect(result.finding).toEqual({
      code: "approximation.within",
      error: formatRational(exactError),
      exact: true,
      tolerance: formatRational(exactError),
    });
    expect(formatRational(result.error!)).toBe(formatRational(exactError));
  });

  it.each([1, 2, 3, 4, 5, 6])("rejects a tolerance just below for m = %i", (m) => {
    const exactError = rational(1n, 2n ** BigInt(2 * m + 2));
    const tolerance = exactError.sub(rational(1n, 10n ** 12n));
    const result = checkApproximation(onUnit(yarotskySquareNetwork(m)), SQUARE, tolerance);
    expect(result.finding).toEqual({
      code: "approximation.exceeds",
      x: `1/${2 ** (m + 1)}`,
      error: formatRational(exactError),
      tolerance: formatRational(tolerance),
    });
  });
});

describe("checkApproximation on a cubic", () => {
  const f = onUnit(CUBE_INTERPOLANT);
  // The largest error seen on 2^14 + 1 points is a lower bound on the sup.
  const seen = denseError(f, CUBE, 2 ** 14);

  const rows: [string, Rational, string[]][] = [
    ["a loose tolerance 1/10", rationalOf("1/10"), ["approximation.within"]],
    ["a tolerance 1/20", rationalOf("1/20"), ["approximation.within"]],
    [
      "a tolerance just above the sup",
      rationalOf(SUP_ABOVE),
      ["approximation.within", "approximation.undecided"],
    ],
    [
      "a tolerance just below the sup",
      rationalOf(SUP_BELOW),
      ["approximation.exceeds", "approximation.undecided"],
    ],
    ["a tight tolerance 1/100", rationalOf("1/100"), ["approximation.exceeds"]],
  ];

  it.each(rows)("is sound for %s", (_, tolerance, codes) => {
    const { finding, error } = checkApproximation(f, CUBE, tolerance);
    expect(codes).toContain(finding.code);
    if (finding.code === "approximation.within") {
      const bound = rationalOf(finding.error);
      expect(seen.compare(bound)).toBeLessThanOrEqual(0);
      expect(bound.compare(tolerance)).toBeLessThanOrEqual(0);
      // Past degree 2 only a bound is proven, so no exact sup error is claimed.
      expect(finding.exact).toBe(false);
      expect(error).toBeNull();
    }
    if (finding.code === "approximation.exceeds") {
      const x = rationalOf(finding.x);
      const atX = f.valueAt(x).sub(polynomialValue(CUBE, x)).abs();
      expect(formatRational(atX)).toBe(finding.error);
      expect(atX.compare(tolerance)).toBeGreaterThan(0);
    }
    if (finding.code === "approximation.undecided") {
      expect(rationalOf(finding.lower).compare(tolerance)).toBeLessThanOrEqual(0);
      expect(rationalOf(finding.upper).compare(seen)).toBeGreaterThanOrEqual(0);
      expect(error).toBeNull();
    }
  });
});

describe("grade on a polynomial target", () => {
  function prepareSquare(tolerance: string, mode: "all-or-nothing" | "partial") {
    return prepareOrThrow({
      domain: [0, 1],
      target: { kind: "polynomial", coefficients: [0, 0, 1], tolerance },
      scoring: { mode },
      reference: nativeOf(yarotskySquareNetwork(3)),
    });
  }

  it("passes Yarotsky's m = 3 within 1/256", () => {
    const feedback = gradeNetwork(
      prepareSquare("1/256", "all-or-nothing"),
      yarotskySquareNetwork(3),
    );
    expect(feedback.verdict).toBe("correct");
    expect(feedback.score).toBe(1);
    expect(feedback.supNorm).toBe("1/256");
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Correct: your network meets the target on [0, 1].",
        "The largest error is 1/256, within the tolerance 1/256.",
      ]
    `);
  });

  it("gives m = 2 partial credit", () => {
    const feedback = gradeNetwork(prepareSquare("1/100", "partial"), yarotskySquareNetwork(2));
    expect(feedback.verdict).toBe("incorrect");
    expect(feedback.score).toBeCloseTo(64 / 100, 12);
    expect(feedback.supNorm).toBe("1/64");
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Incorrect: your network does not meet the target on [0, 1].",
        "At x = 1/8 the error is 1/64, more than the tolerance 1/100.",
      ]
    `);
  });

  it("gives m = 2 no credit by default", () => {
    const feedback = gradeNetwork(
      prepareSquare("1/256", "all-or-nothing"),
      yarotskySquareNetwork(2),
    );
    expect(feedback.score).toBe(0);
  });

  it("passes a cubic with a proven bound", () => {
    const prepared = prepareOrThrow({
      domain: [0, 1],
      target: { kind: "polynomial", coefficients: [0, 0, 0, 1], tolerance: "1/20" },
      reference: nativeOf(CUBE_INTERPOLANT),
    });
    const feedback = gradeNetwork(prepared, CUBE_INTERPOLANT);
    expect(feedback.verdict).toBe("correct");
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Correct: your network meets the target on [0, 1].",
        "The largest error is at most 85/2048 (a proven bound), within the tolerance 1/20.",
      ]
    `);
  });

  it("never passes a cubic it cannot prove", () => {
    const prepared = prepareOrThrow({
      domain: [0, 1],
      target: { kind: "polynomial", coefficients: [0, 0, 0, 1], tolerance: SUP_ABOVE },
      reference: nativeOf(CUBE_INTERPOLANT),
    });
    const feedback = gradeNetwork(prepared, CUBE_INTERPOLANT);
    // Undecided is not graded, so it neither passes nor costs the student an attempt.
    expect(feedback.verdict).toBe("invalid");
    expect(feedback.score).toBe(0);
    expect(feedback.messages).toMatchInlineSnapshot(`
      [
        "Not graded: fix the problems below; this submission does not count as an attempt.",
        "The largest error lies between 180490767471/4398046511104 and 721963097567/17592186044416, so the grader can prove neither that it is within the tolerance 4103885019289/100000000000000 nor that it is not. Leave a wider margin below the tolerance.",
      ]
    `);
  });
});
