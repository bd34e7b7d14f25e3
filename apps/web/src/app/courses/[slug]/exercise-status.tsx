import type { ExerciseProgress } from "@sawtooth/db";

import { formatScore } from "@/components/feedback/feedback-format";

/** The rule behind "Solved", the same on the student's course page and the tutors' dashboard. */
export const SOLVED_LEGEND =
  "Solved means an attempt scores 100%, where a tutor's override counts in place of the " +
  "grader's score. Tried means one or more attempts, none of them scoring 100%.";

/** Shows a user's status at an exercise: not tried, tried or solved, with the best score. */
export function ExerciseStatus({ progress }: { progress: ExerciseProgress | undefined }) {
  if (!progress || progress.attempts === 0) {
    return <span className="text-slate-500">Not tried</span>;
  }

  const label = progress.solved ? "Solved" : "Tried";
  const labelClass = progress.solved ? "text-emerald-700" : "text-amber-700";
  const attempts = progress.attempts === 1 ? "1 attempt" : `${progress.attempts} attempts`;
  const best = progress.bestScore === null ? "" : `, best score ${formatScore(progress.bestScore)}`;
  return (
    <span>
      <span className={`font-medium ${labelClass}`}>{label}</span>
      <span className="text-slate-600"> ({`${attempts}${best}`})</span>
    </span>
  );
}
