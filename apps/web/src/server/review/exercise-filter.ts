/** An exercise as the review filters match it. */
export interface FilterExercise {
  id: string;
  slug: string;
  title: string;
}

/**
 * Finds the exercise a review filter names by its slug, the id in the exercise's URL. The
 * internal id is accepted too, so that links written before the filters took slugs still work.
 */
export function findFilterExercise<T extends FilterExercise>(
  exercises: readonly T[],
  value: string,
): T | undefined {
  return (
    exercises.find((exercise) => exercise.slug === value) ??
    exercises.find((exercise) => exercise.id === value)
  );
}

/** Writes the message for an exercise filter that names no exercise of the course. */
export function unknownExerciseMessage(value: string, exercises: readonly FilterExercise[]) {
  const example = exercises[0] ? `, such as "${exercises[0].slug}"` : "";
  return `Exercise: no exercise "${value}" in this course. Use an exercise id as in its URL${example}, or choose one from the list.`;
}
