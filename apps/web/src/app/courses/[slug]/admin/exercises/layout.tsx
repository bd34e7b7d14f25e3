import type { ReactNode } from "react";

import { SavedExerciseProvider } from "./saved-exercise";

/** Wraps the exercise editor's pages, which check access themselves, in the saved-result store. */
export default function ExercisesLayout({ children }: { children: ReactNode }) {
  return <SavedExerciseProvider>{children}</SavedExerciseProvider>;
}
