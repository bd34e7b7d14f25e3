/** The part of the Web Storage API the drafts use, so tests can pass an in-memory store. */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The prefix of every draft's localStorage key. */
export const DRAFT_PREFIX = "sawtooth:draft:";

/**
 * Returns the localStorage key of one user's draft of one exercise in one course. The user is
 * part of the key, so whoever signs in next on a shared browser never opens another's draft.
 */
export function draftKey(owner: string, courseSlug: string, exerciseId: string): string {
  const parts = [owner, courseSlug, exerciseId].map(encodeURIComponent);
  return `${DRAFT_PREFIX}${parts.join(":")}`;
}

/** Removes every draft from the store, as signing out does; failures are ignored. */
export function clearDrafts(store: Storage): void {
  try {
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i));
    for (const key of keys) if (key?.startsWith(DRAFT_PREFIX)) store.removeItem(key);
  } catch {
    // Storage may be disabled; then there is nothing stored to clear.
  }
}

/** Returns the saved draft, or null when there is none or the store cannot be read. */
export function loadDraft(
  store: DraftStore,
  owner: string,
  courseSlug: string,
  exerciseId: string,
): string | null {
  try {
    return store.getItem(draftKey(owner, courseSlug, exerciseId));
  } catch {
    // Browsers throw on localStorage when storage is disabled; the editor then starts empty.
    return null;
  }
}

/** Saves a draft; returns false when the store rejects it (storage full or disabled). */
export function saveDraft(
  store: DraftStore,
  owner: string,
  courseSlug: string,
  exerciseId: string,
  text: string,
): boolean {
  try {
    store.setItem(draftKey(owner, courseSlug, exerciseId), text);
    return true;
  } catch {
    return false;
  }
}

/** The text the editor opens with, and a past attempt that waits for the user's consent. */
export interface Opening {
  text: string;
  /** The attempt's text when loading it would replace a different draft; null otherwise. */
  pendingLoad: string | null;
}

/**
 * Picks the text the editor opens with: a past attempt being loaded, else the saved draft, else
 * the starting template. An attempt replaces the draft only when nothing would be lost, that is
 * when there is no draft, or it equals the attempt or the untouched template. Otherwise the
 * editor opens with the draft and the attempt waits in `pendingLoad` for the user to confirm.
 */
export function chooseOpening(
  initialSubmission: string | null,
  draft: string | null,
  template: string,
): Opening {
  if (initialSubmission === null) {
    return { text: draft ?? template, pendingLoad: null };
  }
  if (draft === null || draft === initialSubmission || draft === template) {
    return { text: initialSubmission, pendingLoad: null };
  }
  return { text: draft, pendingLoad: initialSubmission };
}
