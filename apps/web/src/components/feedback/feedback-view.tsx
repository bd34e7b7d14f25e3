import type { Feedback } from "@sawtooth/theory";

import { SentenceWithNumbers } from "@/components/exact-number";

import { FunctionFeedback } from "./function-feedback";
import {
  checkName,
  formatScore,
  outcomeLabel,
  outcomeMark,
  verdictLabel,
  type ExactInterval,
} from "./feedback-format";

export interface FeedbackViewProps {
  feedback: Feedback;
  /** The exercise's domain, which the plots span; null is an unbounded end. */
  domain: ExactInterval;
  /** The score a tutor set in place of the grader's, or null when none was set. */
  overrideScore?: number | null;
}

const VERDICT_CLASS: Record<Feedback["verdict"], string> = {
  correct: "border-emerald-300 bg-emerald-50 text-emerald-900",
  incorrect: "border-rose-300 bg-rose-50 text-rose-900",
  invalid: "border-amber-300 bg-amber-50 text-amber-900",
};

/**
 * Shows a grader's feedback: the verdict, the score, the sentences, each check, and for a
 * function target the counterexample, the differences, the piece counts and the plots. It has no
 * server imports, because the exercise workspace renders it in the browser after a submit.
 */
export function FeedbackView({ feedback, domain, overrideScore = null }: FeedbackViewProps) {
  const { verdict } = feedback;

  return (
    // Exact numbers can run to hundreds of digits, so they wrap wherever needed to keep the
    // page from scrolling sideways.
    <section aria-label="Feedback" className="space-y-5 wrap-anywhere">
      <div className={`rounded-lg border p-4 ${VERDICT_CLASS[verdict]}`}>
        <p className="text-xl font-semibold" role="status">
          {verdictLabel(verdict)}
        </p>
        {verdict !== "invalid" && (
          <p className="mt-1 text-sm">
            Score:{" "}
            {overrideScore === null
              ? formatScore(feedback.score)
              : `${formatScore(overrideScore)}, set by a tutor (the grader gave ${formatScore(feedback.score)})`}
          </p>
        )}
        {verdict === "invalid" && (
          <p className="mt-1 text-sm">Fix the problems below: this submission used no attempt.</p>
        )}
      </div>

      {feedback.messages.length > 0 && (
        <ul className="list-disc space-y-1 pl-6">
          {feedback.messages.map((message, index) => (
            <li key={index}>
              <SentenceWithNumbers text={message} />
            </li>
          ))}
        </ul>
      )}

      <div>
        <h3 className="font-semibold">Checks</h3>
        <ul className="mt-2 space-y-1 text-sm">
          {feedback.checks.map((check) => (
            <li key={check.id} className="flex gap-2">
              <span
                aria-hidden
                className={check.outcome === "fail" ? "text-rose-700" : "text-emerald-700"}
              >
                {outcomeMark(check.outcome)}
              </span>
              <span>
                {checkName(check.id)}: {outcomeLabel(check.outcome)}
              </span>
            </li>
          ))}
        </ul>
      </div>

      <FunctionFeedback feedback={feedback} domain={domain} />
    </section>
  );
}
