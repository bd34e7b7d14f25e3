import type { SubmissionCheck } from "./submission-check";

/**
 * Returns what the student can do when the live plot gives up on a network that the server can
 * still analyse: submit it, or first fix what disables Submit. Sending a student to Submit
 * while it is disabled would leave them at a greyed-out button.
 */
export function serverAnalysisHint(check: SubmissionCheck, attemptsLeft: number | null): string {
  if (!check.ok) {
    return `To have the server analyse it, first fix what disables Submit: ${check.reasons.join(" ")}`;
  }
  if (attemptsLeft === 0) {
    return "You have no attempts left, so the server cannot analyse it either.";
  }
  return "Submit to have the server analyse it.";
}
