import type { Database } from "../client";
import type { CourseExerciseFile } from "../course-files";

/** A validated exercise file to import. */
export type ImportedExercise = Omit<CourseExerciseFile, "position">;

/** What {@link importExercises} did to each exercise, by exercise id. */
export interface ImportReport {
  created: string[];
  /** Exercises that got a new version. */
  updated: string[];
  /** Exercises whose file equals their newest version. */
  unchanged: string[];
}

/**
 * Writes validated exercise files into a course in one transaction. An exercise id the course
 * has already gets a new version when its file differs from the newest one; a new id becomes
 * a hidden exercise at the end of the course, so the admin publishes it on purpose. Due dates
 * and visibility of existing exercises stay as they are, because exercise files carry neither.
 */
export async function importExercises(
  db: Database,
  courseId: string,
  exercises: ImportedExercise[],
): Promise<ImportReport> {
  return db.$transaction(async (tx) => {
    const report: ImportReport = { created: [], updated: [], unchanged: [] };
    const last = await tx.exercise.aggregate({ where: { courseId }, _max: { position: true } });
    let position = (last._max.position ?? -1) + 1;

    for (const file of exercises) {
      const columns = {
        title: file.title,
        attemptLimit: file.attemptLimit,
        showTarget: file.showTarget,
      };
      const existing = await tx.exercise.findUnique({
        where: { courseId_slug: { courseId, slug: file.slug } },
        select: {
          id: true,
          versions: { select: { version: true, definition: true }, orderBy: { version: "desc" } },
        },
      });
      if (!existing) {
        await tx.exercise.create({
          data: {
            courseId,
            slug: file.slug,
            position: position++,
            visibility: "hidden",
            ...columns,
            versions: { create: { version: 1, definition: file.definition } },
          },
        });
        report.created.push(file.slug);
        continue;
      }
      const newest = existing.versions[0];
      await tx.exercise.update({ where: { id: existing.id }, data: columns });
      if (newest?.definition === file.definition) {
        report.unchanged.push(file.slug);
        continue;
      }
      await tx.exerciseVersion.create({
        data: {
          exerciseId: existing.id,
          version: (newest?.version ?? 0) + 1,
          definition: file.definition,
        },
      });
      report.updated.push(file.slug);
    }
    return report;
  });
}
