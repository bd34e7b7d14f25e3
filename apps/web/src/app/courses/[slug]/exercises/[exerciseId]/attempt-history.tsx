"use client";

import Link from "next/link";

import { formatScore, verdictLabel } from "@/components/feedback/feedback-format";
import { useAttemptLog } from "@/components/workspace/attempt-log";

interface AttemptHistoryProps {
  /** The exercise page's path; each attempt's page is below it. */
  exercisePath: string;
}

/**
 * Lists the user's attempts at an exercise from the page's attempt log, newest first, each
 * linking to its page. An attempt submitted on the page appears without a reload.
 */
export function AttemptHistory({ exercisePath }: AttemptHistoryProps) {
  const { attempts } = useAttemptLog();
  return (
    <section aria-label="Attempt history" className="mt-8">
      <h2 className="text-lg font-semibold">Your attempts</h2>
      {attempts.length === 0 ? (
        <p className="mt-2 text-slate-600">No attempts yet.</p>
      ) : (
        <table className="mt-3 w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Submitted
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Verdict
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Score
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Link</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((attempt) => (
              <tr key={attempt.id} className="border-t border-slate-200">
                <td className="px-4 py-2">
                  <time dateTime={attempt.submittedAt}>{attempt.submittedLabel}</time>
                </td>
                <td className="px-4 py-2">{verdictLabel(attempt.verdict)}</td>
                <td className="px-4 py-2">{formatScore(attempt.score)}</td>
                <td className="px-4 py-2">
                  <Link
                    href={`${exercisePath}/attempts/${attempt.id}`}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    Open attempt
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
