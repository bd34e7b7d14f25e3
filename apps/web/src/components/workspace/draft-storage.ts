/** The part of the Web Storage API the drafts use, so tests can pass an in-memory store. */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Returns the localStorage key of one exercise's draft in one course. */
export function draftKey(courseSlug: string, exerciseId: string): string {
  return `sawtooth:draft:${encodeURIComponent(courseSlug)}:${encodeURIComponent(exerciseId)}`;
}

/** Returns the saved draft, or null when there is none or the store cannot be read. */
export function loadDraft(
  store: DraftStore,
  courseSlug: string,
  exerciseId: string,
): string | null {
  try {
    return store.getItem(draftKey(courseSlug, exerciseId));
  } catch {
    // Browsers throw on localStorage when storage is disabled; the editor then starts empty.
    return null;
  }
}

/** Saves a draft; returns false when the store rejects it (storage full or disabled). */
export function saveDraft(
  store: DraftStore,
  courseSlug: string,
  exerciseId: string,
  text: string,
): boolean {
  try {
    store.setItem(draftKey(courseSlug, exerciseId), text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the text the editor opens with: a past attempt being loaded, else the saved draft, else
 * the starting template.
 */
export function openingText(
  initialSubmission: string | null,
  draft: string | null,
  template: string,
): string {
  return initialSubmission ?? draft ?? template;
}
