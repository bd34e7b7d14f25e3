import { FeedbackView } from "@/components/feedback/feedback-view";
import { SignInAgainLink } from "@/components/sign-in-again-link";
import type { SubmitResult } from "@/lib/submission-contract";

/** The outcome of the last submission, or the reason it failed to reach the server. */
export type SubmitOutcome = SubmitResult | { status: "failed"; message: string };

/** Renders the server's response to a submission: the feedback, or why nothing was graded. */
export function SubmitResultView({
  outcome,
  domain,
}: {
  outcome: SubmitOutcome;
  domain: [string | null, string | null];
}) {
  switch (outcome.status) {
    case "graded":
      return (
        <div className="space-y-2">
          {outcome.duplicate && (
            <p className="text-sm text-slate-700">
              This network was already submitted, so it did not use another attempt.
            </p>
          )}
          <FeedbackView feedback={outcome.feedback} domain={domain} />
        </div>
      );
    case "invalid":
      return <FeedbackView feedback={outcome.feedback} domain={domain} />;
    case "too-complex":
      return (
        <p role="status" className="text-red-700">
          Not graded: too complex. {outcome.message}
        </p>
      );
    case "rejected":
      if (outcome.reason === "signed-out") {
        return (
          <p className="text-red-700">
            You are signed out. <SignInAgainLink />, then submit again: your draft is kept in this
            browser.
          </p>
        );
      }
      return <p className="text-red-700">{outcome.message}</p>;
    case "failed":
      return (
        <p className="text-red-700">
          Submitting failed: {outcome.message.replace(/\.$/, "")}. Your draft is kept in this
          browser; try again.
        </p>
      );
  }
}
