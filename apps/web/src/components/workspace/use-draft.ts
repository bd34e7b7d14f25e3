import { useCallback, useEffect, useState, useSyncExternalStore } from "react";

import { loadDraft, openingText, saveDraft } from "./draft-storage";

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

/**
 * Keeps the submission text of one exercise in localStorage as it is typed. It opens with the
 * past attempt being loaded, else the saved draft, else the template. Call it only in the
 * browser (see `useIsClient`).
 */
export function useDraft(
  owner: string,
  courseSlug: string,
  exerciseId: string,
  initialSubmission: string | null,
  template: () => string,
): [text: string, setText: (text: string) => void, saved: boolean] {
  const [text, setText] = useState(() =>
    openingText(
      initialSubmission,
      loadDraft(localStorage, owner, courseSlug, exerciseId),
      template(),
    ),
  );
  const [saved, setSaved] = useState(true);

  // The opening text becomes the draft at once, so a loaded past attempt replaces the old one.
  // The address then drops `?load=`, so a reload reopens the draft with every later edit
  // instead of loading the attempt again.
  const [opening] = useState(text);
  const loading = initialSubmission !== null;
  useEffect(() => {
    saveDraft(localStorage, owner, courseSlug, exerciseId, opening);
    if (loading) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [owner, courseSlug, exerciseId, opening, loading]);

  const update = useCallback(
    (next: string) => {
      setText(next);
      setSaved(saveDraft(localStorage, owner, courseSlug, exerciseId, next));
    },
    [owner, courseSlug, exerciseId],
  );
  return [text, update, saved];
}
