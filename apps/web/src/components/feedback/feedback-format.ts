import type { Check, Feedback } from "@sawtooth/theory";

/** An interval of exact numbers with null for an unbounded end, as feedback carries them. */
export type ExactInterval = [string | null, string | null];

/** Returns the verdict as the page shows it. */
export function verdictLabel(verdict: Feedback["verdict"]): string {
  switch (verdict) {
    case "correct":
      return "Correct";
    case "incorrect":
      return "Incorrect";
    case "invalid":
      return "Not graded";
  }
}

/** Writes a score in [0, 1] as a whole percentage, rounded down so only a full score is 100%. */
export function formatScore(score: number): string {
  return `${Math.floor(score * 100)}%`;
}

/** Writes an interval with ∞ for an unbounded end and open brackets there: `(−∞, 0]`. */
export function formatInterval([lo, hi]: ExactInterval): string {
  const left = lo === null ? "(−∞" : `[${lo}`;
  const right = hi === null ? "∞)" : `${hi}]`;
  return `${left}, ${right}`;
}

const CHECK_NAMES: Record<Check["id"], string> = {
  submission: "Reading the submission",
  architecture: "Architecture constraints",
  budget: "Analysis budget",
  target: "Target",
};

/** Returns the name of a grading step as the page shows it. */
export function checkName(id: Check["id"]): string {
  return CHECK_NAMES[id];
}

const OUTCOME_MARKS: Record<Check["outcome"], string> = { pass: "✓", fail: "✗", skipped: "–" };

/** Returns the sign before a grading step's outcome. */
export function outcomeMark(outcome: Check["outcome"]): string {
  return OUTCOME_MARKS[outcome];
}

const OUTCOME_LABELS: Record<Check["outcome"], string> = {
  pass: "passed",
  fail: "failed",
  skipped: "skipped",
};

/** Returns the outcome of a grading step as the page shows it. */
export function outcomeLabel(outcome: Check["outcome"]): string {
  return OUTCOME_LABELS[outcome];
}
