"use client";

import { useEffect, useMemo, useState, type ReactNode } from "react";

import { Markdown } from "@/components/markdown";
import { checkStatementMath, describeMathProblem } from "@/lib/statement-math";

/**
 * Longest statement the preview renders, in characters. Rendering blocks the tab and grows with
 * the length: about 0.5 s for 20,000 characters and 75 s for 530,000, measured once in Chromium
 * on a 2-core machine, so longer statements are not previewed.
 */
export const MAX_PREVIEW_CHARACTERS = 20_000;

/** Time the statement must stay unchanged before the preview renders it, in milliseconds. */
const PREVIEW_DELAY_MS = 300;

/**
 * Renders the Statement field, `field`, with the formulas that KaTeX cannot render listed under
 * it, and beside it the statement as the student's exercise page shows it, with the same
 * renderer and box. Both render only after typing pauses, so keystrokes in a long statement are
 * not held up by rendering. A statement over {@link MAX_PREVIEW_CHARACTERS} gets neither: the
 * preview says so, and the save still checks its formulas.
 */
export function StatementWithPreview({
  statement,
  children: field,
}: {
  statement: string;
  children: ReactNode;
}) {
  const [shown, setShown] = useState(statement);

  useEffect(() => {
    const timer = setTimeout(() => setShown(statement), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [statement]);

  const tooLong = shown.length > MAX_PREVIEW_CHARACTERS;
  const mathProblems = useMemo(() => (tooLong ? [] : checkStatementMath(shown)), [shown, tooLong]);
  return (
    <div className="grid grid-cols-2 gap-3">
      <div>
        {field}
        {mathProblems.length > 0 && (
          <div aria-label="Math problems" role="region" className="mt-1 text-sm text-red-700">
            <p>These formulas show as red source until they are fixed, and saving rejects them:</p>
            <ul className="list-disc pl-5 wrap-anywhere">
              {mathProblems.map((problem) => (
                <li key={problem.formula}>Statement, {describeMathProblem(problem)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div aria-label="Statement preview" role="region">
        <span className="text-sm font-medium">Preview</span>
        <div className="mt-1 min-h-40 rounded-lg border border-slate-200 bg-white p-6">
          {tooLong ? (
            <p className="text-sm text-slate-600">
              No preview: the statement has {shown.length.toLocaleString("en-US")} characters, and
              the preview shows at most {MAX_PREVIEW_CHARACTERS.toLocaleString("en-US")}. Students
              see it rendered in full on the exercise page.
            </p>
          ) : (
            <Markdown>{shown}</Markdown>
          )}
        </div>
      </div>
    </div>
  );
}
