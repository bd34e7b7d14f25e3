import { formatScore } from "@/components/feedback/feedback-format";
import { plural } from "@/lib/plural";
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

/** Describes an attempt's manual score as a percentage and whether the regrade clears it. */
export function describeOverride(row: RegradeRow, keepOverrides = true): string {
  if (row.overrideScore === null) return "none";
  const score = formatScore(row.overrideScore);
  return clearsOverride(row, keepOverrides) ? `${score}, cleared` : score;
}

/** Returns the score that counts for an attempt now: its manual score while it has one. */
export function countedScoreBefore(row: RegradeRow): number {
  return row.overrideScore ?? row.oldScore;
}

/**
 * Returns whether applying the regrade clears the attempt's manual score. Attempts too complex
 * to grade keep theirs.
 */
export function clearsOverride(row: RegradeRow, keepOverrides: boolean): boolean {
  return !keepOverrides && row.status === "graded" && row.overrideScore !== null;
}

/** Returns the score that counts for an attempt after the regrade is applied. */
export function countedScoreAfter(row: RegradeRow, keepOverrides: boolean): number {
  if (row.status === "too-complex") return countedScoreBefore(row);
  if (keepOverrides && row.overrideScore !== null) return row.overrideScore;
  return row.newScore;
}

/**
 * Returns the rows a regrade table lists: a new grade, an attempt too complex to grade, or a
 * manual score the regrade clears.
 */
export function listedRegradeRows(rows: RegradeRow[], keepOverrides: boolean): RegradeRow[] {
  return rows.filter(
    (row) => row.changed || row.status === "too-complex" || clearsOverride(row, keepOverrides),
  );
}

/**
 * Describes what a regrade does to the scores that count under the overrides choice, before
 * applying it ("preview") or after ("applied").
 */
export function describeCountedChanges(
  rows: RegradeRow[],
  keepOverrides: boolean,
  moment: "preview" | "applied",
): string {
  const countedChanges = rows.filter(
    (row) => countedScoreBefore(row) !== countedScoreAfter(row, keepOverrides),
  ).length;
  const cleared = rows.filter((row) => clearsOverride(row, keepOverrides)).length;
  const lead = moment === "preview" ? "Applying changes" : "The regrade changed";
  let overrides = "";
  if (cleared > 0) {
    const clears = moment === "preview" ? "clears" : "cleared";
    overrides = ` and ${clears} ${plural(cleared, "manual score")}`;
  } else if (keepOverrides && rows.some((row) => row.overrideScore !== null)) {
    overrides = ", and the manual scores still count";
  }
  return `${lead} the score that counts of ${plural(countedChanges, "attempt")}${overrides}.`;
}

/** Describes an attempt's score that counts before and after the regrade. */
export function describeCountedScore(row: RegradeRow, keepOverrides: boolean): string {
  const before = formatScore(countedScoreBefore(row));
  const after = formatScore(countedScoreAfter(row, keepOverrides));
  return before === after ? `${before}, unchanged` : `${before} → ${after}`;
}
