import { FeedbackView } from "@/components/feedback/feedback-view";
import { SignInAgainLink } from "@/components/sign-in-again-link";
import type { PreviewResult, SubmitResult } from "@/lib/submission-contract";

/** The outcome of the last submission, or the reason it failed to reach the server. */
export type SubmitOutcome = SubmitResult | PreviewResult | { status: "failed"; message: string };

/** The notice the admin's student preview shows next to Submit and above each of its gradings. */
export const PREVIEW_NOTICE = "Preview: this grading is not stored.";

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
    case "previewed":
      return (
        <div className="space-y-2">
          <p className="rounded bg-amber-100 px-3 py-2 text-sm">
            {PREVIEW_NOTICE} A student gets this feedback, but no attempt was recorded and no
            attempt limit was used.
          </p>
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
      if ("reason" in outcome && outcome.reason === "signed-out") {
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
