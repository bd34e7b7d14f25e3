"use client";

import { useState } from "react";

import { saveDraft } from "@/components/workspace/draft-storage";
import { ExerciseWorkspace } from "@/components/workspace/exercise-workspace";
import type { WorkspaceProps } from "@/lib/submission-contract";
import type { PreviewSample } from "@/server/admin/preview-samples";

interface PreviewWorkspaceProps extends WorkspaceProps {
  /** The reference and the known-wrong submissions, which the buttons load into the editor. */
  samples: PreviewSample[];
}

/** A sample loaded into the editor, numbered so that loading the same one again reopens it. */
interface Loaded {
  sample: PreviewSample;
  generation: number;
}

/**
 * Renders the student's workspace with a button per reference and known-wrong submission. A
 * button replaces the preview's draft with the submission and opens the workspace again, so the
 * editor, the live plot and the last feedback all start from it.
 */
export function PreviewWorkspace({ samples, ...workspace }: PreviewWorkspaceProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  function load(sample: PreviewSample) {
    // Saving first makes the draft equal the loaded text, so the workspace opens with it and
    // does not ask before replacing a draft. Without storage it opens with the text as well.
    const { draftOwner, courseSlug, exerciseId } = workspace;
    saveDraft(localStorage, draftOwner, courseSlug, exerciseId, sample.text);
    setLoaded({ sample, generation: (loaded?.generation ?? 0) + 1 });
  }

  return (
    <div className="space-y-6">
      <section
        aria-label="Load a submission of the exercise file"
        className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4"
      >
        <h2 className="text-base font-semibold">Submissions of the exercise file</h2>
        <p className="text-sm text-slate-700">
          Students never see these buttons. Load a submission, then press Submit to see the feedback
          a student would get for it.
        </p>
        <ul className="flex flex-wrap gap-2">
          {samples.map((sample, index) => (
            <li key={index}>
              <button
                type="button"
                onClick={() => load(sample)}
                className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                Load {describe(sample)} (expected: {sample.expected})
              </button>
            </li>
          ))}
        </ul>
        <p role="status" className="text-sm text-slate-700">
          {loaded !== null && `Loaded ${describe(loaded.sample)} into the editor.`}
        </p>
      </section>
      <ExerciseWorkspace
        key={loaded?.generation ?? 0}
        {...workspace}
        initialSubmission={loaded?.sample.text ?? workspace.initialSubmission}
      />
    </div>
  );
}

function describe(sample: PreviewSample): string {
  return sample.kind === "reference" ? sample.name : `“${sample.name}”`;
}
