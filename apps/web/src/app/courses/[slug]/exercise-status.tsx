import type { ExerciseProgress } from "@sawtooth/db";

import { formatScore } from "@/components/feedback/feedback-format";

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
