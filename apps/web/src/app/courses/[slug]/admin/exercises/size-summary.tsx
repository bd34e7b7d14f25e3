"use client";

import { useDeferredValue, useMemo } from "react";

import { formToDefinition, type ExerciseForm } from "@/lib/exercise-form";
import { describeExerciseSize, type EditorCourseSize } from "@/lib/exercise-size";

/**
 * Shows the size of the exercise file that saving the form would store, the course's total with
 * it and the room left before a save is rejected. It updates as the admin types, in a deferred
 * render, because it builds the whole file to measure it and a keystroke must not wait for that.
 */
export function SizeSummary({
  form,
  courseSize,
  isNew,
}: {
  form: ExerciseForm;
  courseSize: EditorCourseSize;
  isNew: boolean;
}) {
  const measured = useDeferredValue(form);
  const sentence = useMemo(
    () => describeExerciseSize(courseSize, formToDefinition(measured).definition, isNew),
    [courseSize, measured, isNew],
  );
  return (
    <p id="exercise-size" className="text-sm text-slate-600">
      {sentence}
    </p>
  );
}
