import { formatScore } from "@/components/feedback/feedback-format";
import type { RegradeRow } from "@/server/admin/regrade";

/** Describes an attempt's grade before the regrade, with the score as a percentage. */
export function describeBefore(row: RegradeRow): string {
  return `${row.oldVerdict}, ${formatScore(row.oldScore)}`;
}

/** Describes an attempt's grade after the regrade, or why it was not graded. */
export function describeAfter(row: RegradeRow): string {
  if (row.status === "too-complex") {
    const budget = row.reason === "time" ? "time limit" : "memory limit";
    return `not graded: too complex (over the ${budget})`;
  }
  return `${row.newVerdict}, ${formatScore(row.newScore)}`;
}

/** Describes an attempt's manual score as a percentage, or "none". */
export function describeOverride(row: RegradeRow): string {
  return row.overrideScore === null ? "none" : formatScore(row.overrideScore);
}
