import type { Piecewise } from "../analysis/piecewise";
import { formatRational, rational, type Rational } from "../rational";
import type { Finding } from "./feedback";

/** The classification error of f on labelled points, exactly. */
export interface ClassificationResult {
  finding: Extract<Finding, { code: "classification.errors" }>;
  error: Rational;
}

/**
 * Computes R(f) = (1/n)·#{i : f̃(x_i) ≠ y_i} with f̃(x) = 1 when f(x) ≥ threshold, as in
 * Telgarsky's theorems.
 */
export function classify(
  f: Piecewise,
  points: [Rational, 0 | 1][],
  threshold: Rational,
  maxError: Rational,
): ClassificationResult {
  let errors = 0;
  let first: ClassificationResult["finding"]["first"] = null;
  for (const [x, label] of points) {
    const value = f.valueAt(x);
    const predicted = value.compare(threshold) >= 0 ? 1 : 0;
    if (predicted === label) continue;
    errors += 1;
    first ??= {
      x: formatRational(x),
      label,
      value: formatRational(value),
      threshold: formatRational(threshold),
    };
  }
  const error = rational(BigInt(errors), BigInt(points.length));
  return {
    finding: {
      code: "classification.errors",
      errors,
      points: points.length,
      error: formatRational(error),
      maxError: formatRational(maxError),
      first,
    },
    error,
  };
}
