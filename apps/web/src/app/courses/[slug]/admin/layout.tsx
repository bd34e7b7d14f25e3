import type { ReactNode } from "react";

import { SavedExerciseProvider } from "./exercises/saved-exercise";

/**
 * Wraps the course admin pages, which check access themselves, in the exercise editor's
 * saved-result store. The store sits this high because the new-exercise form and the
 * exercises' own pages are siblings, and only a layout they share keeps it across the move.
 */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <SavedExerciseProvider>{children}</SavedExerciseProvider>;
}
