"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { deleteExerciseAction, moveExerciseAction } from "@/server/actions/admin-exercises";
import type { ExerciseListResponse } from "@/server/admin/exercise-list";

interface ExerciseRowActionsProps {
  courseSlug: string;
  exerciseSlug: string;
  isFirst: boolean;
  isLast: boolean;
  attemptCount: number;
}

const buttonClass =
  "rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50";

/**
 * Buttons of one row of the admin's exercise list: move the exercise up or down in the order
 * students see, and delete it while no one has attempted it, with the outcome below them.
 */
export function ExerciseRowActions({
  courseSlug,
  exerciseSlug,
  isFirst,
  isLast,
  attemptCount,
}: ExerciseRowActionsProps) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<ExerciseListResponse | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<ExerciseListResponse>) {
    startTransition(async () => {
      const response = await action();
      setOutcome(response);
      if (response.status === "done") router.refresh();
    });
  }

  function move(direction: "up" | "down") {
    run(() => moveExerciseAction({ courseSlug, exerciseSlug, direction }));
  }

  function remove() {
    const question =
      `Delete "${exerciseSlug}" with all its versions? This cannot be undone; ` +
      "export the exercise first to keep a copy.";
    if (!window.confirm(question)) return;
    run(() => deleteExerciseAction({ courseSlug, exerciseSlug }));
  }

  const deleteHint =
    attemptCount > 0 ? `${exerciseSlug} has attempts: hide it instead of deleting it` : undefined;
  return (
    <div>
      <div className="flex flex-wrap gap-1">
        <button
          type="button"
          className={buttonClass}
          disabled={pending || isFirst}
          onClick={() => move("up")}
          aria-label={`Move ${exerciseSlug} up`}
        >
          ↑
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={pending || isLast}
          onClick={() => move("down")}
          aria-label={`Move ${exerciseSlug} down`}
        >
          ↓
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={pending || attemptCount > 0}
          onClick={remove}
          aria-label={`Delete ${exerciseSlug}`}
          title={deleteHint}
        >
          Delete
        </button>
      </div>
      <p
        role="status"
        aria-label={`Change of ${exerciseSlug}`}
        className={`mt-1 text-xs ${outcome?.status === "done" ? "text-green-800" : "text-red-700"}`}
      >
        {outcome?.message}
      </p>
    </div>
  );
}
