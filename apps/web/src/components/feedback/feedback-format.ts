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

/**
 * Writes a score in [0, 1] as a percentage with at most two decimals, as tutors enter overrides,
 * rounded down so only a full score is 100%. The small addend keeps 0.57, stored as
 * 0.56999…, at 57%.
 */
export function formatScore(score: number): string {
  const hundredths = Math.floor(score * 10_000 + 1e-6);
  return `${hundredths / 100}%`;
}

/**
 * Writes an interval with a square bracket at an end it contains and a round one at an end it
 * does not, such as an unbounded end: `(−∞, 0)`, `[0, 1/2)`.
 */
export function formatInterval([lo, hi]: ExactInterval, [loClosed, hiClosed]: EndsClosed): string {
  const left = lo === null ? "(−∞" : `${loClosed ? "[" : "("}${lo}`;
  const right = hi === null ? "∞)" : `${hi}${hiClosed ? "]" : ")"}`;
  return `${left}, ${right}`;
}

/** Whether an interval contains its lower and its upper end. */
export type EndsClosed = [boolean, boolean];

/**
 * Returns which ends of the `index`th difference interval are closed. Feedback graded before
 * the engine recorded this lacks it. Then an end inside the domain is open, because the engine
 * ends an interval inside the domain only where the functions agree. An end of the domain stays
 * closed, as such feedback was shown, although the functions may agree there too.
 */
export function differenceEnds(
  differences: NonNullable<Feedback["differences"]>,
  index: number,
  domain: ExactInterval,
): EndsClosed {
  const recorded = differences.closed?.[index];
  if (recorded !== undefined) return recorded;
  const [lo, hi] = differences.intervals[index] ?? [null, null];
  return [lo !== null && lo === domain[0], hi !== null && hi === domain[1]];
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
