"use client";

import Link from "next/link";

import { DataTable } from "@/components/data-table";
import { formatScore, verdictLabel } from "@/components/feedback/feedback-format";
import { useAttemptLog } from "@/components/workspace/attempt-log";
import type { AttemptHistoryRow } from "@/lib/submission-contract";

/** Describes what tutors did to an attempt: a comment, a score set by hand, both, or nothing. */
function describeTutorActivity(attempt: AttemptHistoryRow): string {
  const marks = [];
  if (attempt.commented) marks.push("commented");
  if (attempt.scoreChangedByTutor) marks.push("score changed by a tutor");
  return marks.length === 0 ? "—" : marks.join(", ");
}

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
        <DataTable
          columns={["Attempt", "Submitted", "Verdict", "Score", "From a tutor", { hidden: "Link" }]}
          className="mt-3"
        >
          {attempts.map((attempt) => (
            <tr key={attempt.id}>
              <td>#{attempt.attemptNumber}</td>
              <td>
                <time dateTime={attempt.submittedAt}>{attempt.submittedLabel}</time>
              </td>
              <td>{verdictLabel(attempt.verdict)}</td>
              <td>{formatScore(attempt.score)}</td>
              <td>{describeTutorActivity(attempt)}</td>
              <td>
                <Link
                  href={`${exercisePath}/attempts/${attempt.id}`}
                  aria-label={`Open attempt #${attempt.attemptNumber}`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  Open attempt
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
