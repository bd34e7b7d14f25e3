"use client";

import { useEffect, useId, useRef } from "react";

interface LoadAttemptDialogProps {
  /** Replaces the draft with the attempt. */
  onLoad: () => void;
  /** Keeps the draft, as Escape does too. */
  onKeep: () => void;
}

/**
 * Asks in a modal dialog whether a past attempt may replace a different draft, because the
 * draft cannot be restored afterwards. Keeping the draft has the focus, so Enter and Escape
 * both keep it.
 */
export function LoadAttemptDialog({ onLoad, onKeep }: LoadAttemptDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        onKeep();
      }}
      className="m-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-lg backdrop:bg-slate-900/40"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Replace your draft with this attempt?
      </h2>
      <p id={`${id}-text`} className="mt-2 text-sm text-slate-700">
        Your draft of this exercise differs from the attempt you chose to load. Loading the attempt
        overwrites the draft, which cannot be restored.
      </p>
      <div className="mt-5 flex flex-wrap justify-end gap-3">
        <button
          type="button"
          onClick={onKeep}
          autoFocus
          className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          Keep my draft
        </button>
        <button
          type="button"
          onClick={onLoad}
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Load the attempt
        </button>
      </div>
    </dialog>
  );
}
