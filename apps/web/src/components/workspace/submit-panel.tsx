"use client";

import { useId, useRef, useState } from "react";

import { SentenceWithNumbers } from "@/components/exact-number";
import type { PreviewResult, SubmitResult } from "@/lib/submission-contract";

import type { SubmissionCheck } from "./submission-check";
import { PREVIEW_NOTICE, SubmitResultView, type SubmitOutcome } from "./submit-result";

interface SubmitPanelProps {
  text: string;
  check: SubmissionCheck;
  attemptsLeft: number | null;
  /** The exercise's domain, which the feedback's plots span. */
  domain: [string | null, string | null];
  submit: (submission: string) => Promise<SubmitResult | PreviewResult>;
  onResult: (result: SubmitResult | PreviewResult) => void;
  /** The reason the exercise takes no attempts, or null while it takes them. */
  closedMessage: string | null;
  /** True on the admin's student preview, whose gradings are not stored. */
  preview: boolean;
}

/**
 * Renders the pre-submit problems, the "Submit" button and the server's response. The button is disabled
 * while a submission is pending, while the browser's check fails and while the exercise takes no
 * attempts, and a ref keeps a double
 * click from sending twice before React re-renders.
 */
export function SubmitPanel(props: SubmitPanelProps) {
  const { text, check, attemptsLeft, submit, onResult, closedMessage } = props;
  const id = useId();
  const sending = useRef(false);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);

  async function handleSubmit() {
    if (sending.current || !check.ok || closedMessage !== null) return;
    sending.current = true;
    setPending(true);
    try {
      const result = await submit(text);
      setOutcome(result);
      onResult(result);
    } catch (error) {
      setOutcome({
        status: "failed",
        message: error instanceof Error ? error.message : "the server sent no response",
      });
    } finally {
      sending.current = false;
      setPending(false);
    }
  }

  const noAttempts = attemptsLeft === 0;
  return (
    <section aria-label="Submit" className="space-y-3">
      {!check.ok && (
        <div
          id={`${id}-reasons`}
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm"
        >
          <p className="font-medium text-red-800">Submit is disabled until these are fixed:</p>
          <ul className="list-disc pl-5 text-red-800">
            {check.reasons.map((reason, i) => (
              <li key={i}>
                <SentenceWithNumbers text={reason} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex items-center gap-4">
        <button
          type="button"
          onClick={handleSubmit}
          disabled={pending || !check.ok || noAttempts || closedMessage !== null}
          aria-describedby={check.ok ? undefined : `${id}-reasons`}
          className="rounded-md bg-indigo-600 px-5 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Submit
        </button>
        <p className="text-sm text-slate-600">
          {pending && "Grading… "}
          {props.preview ? PREVIEW_NOTICE : (closedMessage ?? attemptsLeftText(attemptsLeft))}
        </p>
      </div>
      <div aria-live="polite">
        {outcome && <SubmitResultView outcome={outcome} domain={props.domain} />}
      </div>
    </section>
  );
}

function attemptsLeftText(attemptsLeft: number | null): string {
  if (attemptsLeft === null) return "Unlimited attempts.";
  return `${attemptsLeft} ${attemptsLeft === 1 ? "attempt" : "attempts"} left.`;
}
