import type { Database } from "../client";

/** What a course admin may change about a course. */
export interface CourseSettings {
  title: string;
  /** Markdown shown on the course page. */
  description: string;
  /** Whether attempts after an exercise's due date are still graded. */
  acceptLate: boolean;
}

/** Stores a course's title, description and late-attempt rule. */
export async function updateCourseSettings(
  db: Database,
  courseId: string,
  settings: CourseSettings,
): Promise<void> {
  await db.course.update({ where: { id: courseId }, data: settings });
}
