"use client";

import { useEffect, useState } from "react";

import { Markdown } from "@/components/markdown";

/**
 * Longest statement the preview renders, in characters. Rendering blocks the tab and grows with
 * the length: about 0.5 s for 20,000 characters and 75 s for 530,000, measured once in Chromium
 * on a 2-core machine, so longer statements are not previewed.
 */
export const MAX_PREVIEW_CHARACTERS = 20_000;

/** Time the statement must stay unchanged before the preview renders it, in milliseconds. */
const PREVIEW_DELAY_MS = 300;

/**
 * Renders the statement as the student's exercise page does, with the same renderer and box.
 * It renders only after typing pauses, so keystrokes in a long statement are not held up by
 * rendering, and it says so instead of rendering a statement over
 * {@link MAX_PREVIEW_CHARACTERS}.
 */
export function StatementPreview({ statement }: { statement: string }) {
  const [shown, setShown] = useState(statement);

  useEffect(() => {
    const timer = setTimeout(() => setShown(statement), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [statement]);

  const tooLong = shown.length > MAX_PREVIEW_CHARACTERS;
  return (
    <div aria-label="Statement preview" role="region">
      <span className="text-sm font-medium">Preview</span>
      <div className="mt-1 min-h-40 rounded-lg border border-slate-200 bg-white p-6">
        {tooLong ? (
          <p className="text-sm text-slate-600">
            No preview: the statement has {shown.length.toLocaleString("en-US")} characters, and the
            preview shows at most {MAX_PREVIEW_CHARACTERS.toLocaleString("en-US")}. Students see it
            rendered in full on the exercise page.
          </p>
        ) : (
          <Markdown>{shown}</Markdown>
        )}
      </div>
    </div>
  );
}
