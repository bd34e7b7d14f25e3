/** The fields of an exercise that its label is made of. */
interface LabelledExercise {
  slug: string;
  title: string;
}

/**
 * Returns the label of each exercise, by id, for filters and column headers: its title, and
 * where another exercise of the list has the same title, the title followed by the id, as
 * "Fuzz (fuzz-2)". Titles count as the same after trimming and regardless of letter case.
 */
export function labelExercises(exercises: readonly LabelledExercise[]): Map<string, string> {
  const counts = new Map<string, number>();
  const key = (title: string) => title.trim().toLowerCase();
  for (const { title } of exercises) counts.set(key(title), (counts.get(key(title)) ?? 0) + 1);
  return new Map(
    exercises.map(({ slug, title }) => [
      slug,
      (counts.get(key(title)) ?? 0) > 1 ? `${title.trim()} (${slug})` : title,
    ]),
  );
}
