import { useCallback, useEffect, useState, useSyncExternalStore } from "react";

import { chooseOpening, loadDraft, saveDraft } from "./draft-storage";

const subscribeToNothing = () => () => {};

/**
 * Returns true in the browser after hydration and false while rendering on the server, where
 * localStorage does not exist.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

/** The draft of one exercise as the workspace edits it. */
export interface Draft {
  text: string;
  /** Replaces the text and saves it in localStorage. */
  setText: (text: string) => void;
  /** False when localStorage rejected the last save (storage full or disabled). */
  saved: boolean;
  /** A past attempt that would replace a different draft, waiting for the user's choice. */
  pendingLoad: string | null;
  /** Forgets the pending attempt, after the user chose to keep the draft or loaded it. */
  dismissLoad: () => void;
}

/**
 * Keeps the submission text of one exercise in localStorage as it is typed. It opens with the
 * past attempt being loaded, else the saved draft, else the template, but an attempt that would
 * replace a different draft waits in `pendingLoad` instead (see `chooseOpening`). Call it only in
 * the browser (see `useIsClient`).
 */
export function useDraft(
  owner: string,
  courseSlug: string,
  exerciseId: string,
  initialSubmission: string | null,
  template: () => string,
): Draft {
  const [opening] = useState(() =>
    chooseOpening(
      initialSubmission,
      loadDraft(localStorage, owner, courseSlug, exerciseId),
      template(),
    ),
  );
  const [text, setText] = useState(opening.text);
  const [pendingLoad, setPendingLoad] = useState(opening.pendingLoad);
  const [saved, setSaved] = useState(true);

  // The opening text becomes the draft at once, so a loaded past attempt replaces the old one.
  // The address then drops `?load=`, so a reload reopens the draft with every later edit
  // instead of loading the attempt again.
  const loading = initialSubmission !== null;
  useEffect(() => {
    saveDraft(localStorage, owner, courseSlug, exerciseId, opening.text);
    if (loading) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [owner, courseSlug, exerciseId, opening, loading]);

  const update = useCallback(
    (next: string) => {
      setText(next);
      setSaved(saveDraft(localStorage, owner, courseSlug, exerciseId, next));
    },
    [owner, courseSlug, exerciseId],
  );
  const dismissLoad = useCallback(() => setPendingLoad(null), []);
  return { text, setText: update, saved, pendingLoad, dismissLoad };
}
