"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

import type { SaveExerciseResult } from "@/server/admin/exercise-editor";

type SavedResult = Extract<SaveExerciseResult, { status: "saved" }>;

/** Keeps the result of creating an exercise while the editor moves to the new exercise's page. */
interface SavedExerciseStore {
  /** Stores the result of a save that navigates to the exercise's own page. */
  keep: (result: SavedResult) => void;
  /** Returns the kept result for `slug`, or null, without removing it. */
  find: (slug: string | null) => SavedResult | null;
  /** Removes the kept result, once the editor of its exercise shows it. */
  clear: () => void;
}

const SavedExerciseContext = createContext<SavedExerciseStore | null>(null);

/**
 * Holds the result of creating an exercise across the move from the new-exercise page to the
 * exercise's page. The editor remounts on that move, but this provider sits in the layout that
 * both pages share, so it keeps its state and the new editor shows the first self-test.
 */
export function SavedExerciseProvider({ children }: { children: ReactNode }) {
  const [store] = useState<SavedExerciseStore>(() => {
    let kept: SavedResult | null = null;
    return {
      keep: (result) => {
        kept = result;
      },
      find: (slug) => (kept !== null && kept.slug === slug ? kept : null),
      clear: () => {
        kept = null;
      },
    };
  });
  return <SavedExerciseContext value={store}>{children}</SavedExerciseContext>;
}

/** Returns the store of the layout's {@link SavedExerciseProvider}, or null outside it. */
export function useSavedExercise(): SavedExerciseStore | null {
  return useContext(SavedExerciseContext);
}
