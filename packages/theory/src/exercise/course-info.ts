import { z } from "zod";

/** The fields of a course folder's `course.json`. */
export const courseInfoSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case words joined by hyphens"),
    title: z.string().min(1),
    description: z.string().min(1),
    /** Exercise ids in course order, each once. Without it the course is in file-name order. */
    exercises: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type CourseInfo = z.output<typeof courseInfoSchema>;
