import { z } from "zod";

import { describeIssue } from "./issues";

/** The fields of a course folder's `course.json`. */
export const courseInfoSchema = z
  .object({
    slug: z
      .string()
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        "use lower-case words joined by hyphens, such as deep-learning-theory",
      ),
    title: z.string().min(1, "is empty: enter a title"),
    /** Markdown shown on the course page, possibly empty. */
    description: z.string(),
    /** Whether attempts after an exercise's due date are still graded (default false). */
    acceptLate: z.boolean().optional(),
    /** Exercise ids in course order, each once. Without it the course is in file-name order. */
    exercises: z
      .array(
        z
          .string({ error: 'must be an exercise id in quotes, such as "tent-h2"' })
          .min(1, "is empty: enter an exercise id"),
        { error: 'must be a list of exercise ids in course order, such as ["tent-h2", "tent-h3"]' },
      )
      .optional(),
  })
  .strict();

export type CourseInfo = z.output<typeof courseInfoSchema>;

/** A problem of course.json, at a field path such as `exercises.3`, or "" for the whole file. */
export interface CourseInfoProblem {
  path: string;
  message: string;
}

export type CourseInfoResult =
  { ok: true; info: CourseInfo } | { ok: false; problems: CourseInfoProblem[] };

/**
 * Validates course.json's parsed JSON. Each problem's message names what is wrong and how to
 * fix it, in the wording of the exercise files' problems.
 */
export function parseCourseInfo(input: unknown): CourseInfoResult {
  const parsed = courseInfoSchema.safeParse(input, { error: describeIssue });
  if (parsed.success) return { ok: true, info: parsed.data };
  const problems = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  return { ok: false, problems };
}

/**
 * Reads course.json's `exercises` list on its own, so that its problems can be reported in the
 * same round as those of other fields. Returns undefined when the file has no valid list, whose
 * problems {@link parseCourseInfo} reports.
 */
export function readCourseOrder(input: unknown): string[] | undefined {
  if (typeof input !== "object" || input === null || !("exercises" in input)) return undefined;
  const parsed = courseInfoSchema.shape.exercises.safeParse(input.exercises);
  return parsed.success ? parsed.data : undefined;
}

/** A problem of course.json's `exercises` list, at a field path such as `exercises.3`. */
export interface CourseOrderProblem {
  path: string;
  message: string;
}

/**
 * Checks that course.json's `exercises` lists each of `ids`, the ids of the course's exercise
 * files, once and nothing else, so no exercise drops out of the course or appears in it twice.
 */
export function checkCourseOrder(order: string[], ids: Iterable<string>): CourseOrderProblem[] {
  const problems: CourseOrderProblem[] = [];
  const known = new Set(ids);
  const seen = new Set<string>();
  order.forEach((id, index) => {
    const path = `exercises.${index}`;
    if (seen.has(id)) {
      problems.push({ path, message: `lists "${id}" twice: keep one of them` });
    } else if (!known.has(id)) {
      const fix = "add the file or remove the id";
      problems.push({
        path,
        message: `lists "${id}", which has no exercise file ${id}.json: ${fix}`,
      });
    }
    seen.add(id);
  });
  for (const id of known) {
    if (!seen.has(id)) {
      const message = `does not list "${id}": add it where it belongs in the course`;
      problems.push({ path: "exercises", message });
    }
  }
  return problems;
}
