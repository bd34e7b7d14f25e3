import type { AttemptHistoryRow } from "./submission-contract";

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** A stored attempt with the fields the history shows. */
export interface HistoryAttempt {
  id: string;
  attemptNumber: number;
  createdAt: Date;
  verdict: AttemptHistoryRow["verdict"];
  /** The graded score or the score that counts: the override replaces either one. */
  score: number;
  overrideScore: number | null;
  commentCount: number;
}

/**
 * Returns an attempt as the history lists it. The page and the submit action both call this on
 * the server, so a row added after a submit reads like the rows the page rendered.
 */
export function toHistoryRow(attempt: HistoryAttempt): AttemptHistoryRow {
  return {
    id: attempt.id,
    attemptNumber: attempt.attemptNumber,
    submittedAt: attempt.createdAt.toISOString(),
    submittedLabel: `${timeFormat.format(attempt.createdAt)} UTC`,
    verdict: attempt.verdict,
    score: attempt.overrideScore ?? attempt.score,
    scoreChangedByTutor: attempt.overrideScore !== null,
    commented: attempt.commentCount > 0,
  };
}
