import { z } from "zod";

import { ROLES } from "@sawtooth/db/roles";

import { API_ERROR_STATUS, type ApiErrorCode } from "./errors";

// The schemas of the API's requests and responses. The handlers parse requests with them, the
// tests parse responses with them, and the OpenAPI document is generated from them.

const slug = z.string().min(1).max(200);
const timestamp = z.iso.datetime().describe("ISO 8601 timestamp in UTC");

/** The body of every error response. */
export const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(API_ERROR_STATUS) as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string().describe("What failed and what to do next, as a sentence"),
  }),
});

/** Path parameters that name a course. */
export const courseParamsSchema = z.object({ course: slug.describe("Course slug") });

/** Path parameters that name an exercise of a course. */
export const exerciseParamsSchema = courseParamsSchema.extend({
  exercise: slug.describe("Exercise id, such as tent-h2"),
});

/** Path parameters that name an attempt. */
export const attemptParamsSchema = z.object({ attempt: slug.describe("Attempt id") });

/** A course the caller is a member of. */
export const courseSchema = z.object({
  slug,
  title: z.string(),
  description: z.string().describe("Markdown"),
  acceptLate: z.boolean().describe("Whether attempts after a due date are still graded"),
  role: z.enum(ROLES).describe("The caller's role in the course"),
});

/** Response of GET /courses. */
export const courseListSchema = z.object({ courses: z.array(courseSchema) });

const constraintsSchema = z.object({
  inputs: z.int(),
  outputs: z.int(),
  minDepth: z.int().nullable(),
  maxDepth: z.int().nullable(),
  maxWidth: z.int().nullable(),
  maxParameters: z.int().nullable(),
  activations: z.array(z.string()).nullable(),
  outputActivations: z.array(z.string()).nullable(),
  numbers: z.enum(["any", "integer", "dyadic"]),
});

/** An exercise as a member of its course may see it: never the target or the reference. */
export const exerciseSchema = z.object({
  slug,
  title: z.string(),
  statement: z.string().describe("Markdown with $…$ and $$…$$ math"),
  visibility: z.enum(["visible", "hidden"]).describe("Students only ever see visible ones"),
  dueDate: timestamp.nullable(),
  attemptLimit: z.int().nullable(),
  attemptsLeft: z.int().nullable().describe("The caller's attempts left; null without a limit"),
  domain: z
    .tuple([z.string().nullable(), z.string().nullable()])
    .describe("Ends as exact rationals; null for an unbounded end"),
  constraints: constraintsSchema,
  progress: z.object({
    attempts: z.int(),
    bestScore: z.number().nullable().describe("Best score that counts, in [0, 1]"),
    solved: z.boolean(),
  }),
});

/** Response of GET /courses/{course}/exercises. */
export const exerciseListSchema = z.object({ exercises: z.array(exerciseSchema) });

/** Request body of POST /courses/{course}/exercises/{exercise}/attempts. */
export const submitRequestSchema = z.strictObject({
  submission: z
    .union([z.string(), z.record(z.string(), z.unknown())])
    .describe(
      "The network in the native format or as a PyTorch state_dict: JSON text, or the JSON " +
        "object itself, which is submitted as its JSON text",
    ),
});

/** The engine's feedback; only the fields most scripts read are listed. */
export const feedbackSchema = z
  .looseObject({
    verdict: z.enum(["correct", "incorrect", "invalid"]),
    score: z.number().describe("In [0, 1]; a tutor's override replaces the graded score"),
    messages: z.array(z.string()).describe("The sentences a student reads"),
    counterexample: z
      .looseObject({ x: z.string(), expected: z.string(), actual: z.string() })
      .nullable()
      .describe("The first input where the network and the target differ, as exact rationals"),
  })
  .describe("The grader's feedback, as the web page shows it");

const attemptSummarySchema = z.object({
  id: z.string(),
  submittedAt: timestamp,
  verdict: z.enum(["correct", "incorrect"]),
  score: z.number().describe("The score that counts, in [0, 1]"),
});

/** Response of a graded submission (201 new, 200 for a resubmitted network). */
export const submitResponseSchema = z.object({
  attempt: attemptSummarySchema,
  duplicate: z.boolean().describe("True when the same network was stored before: no attempt used"),
  attemptsLeft: z.int().nullable(),
  feedback: feedbackSchema,
});

/** Response of a submission that could not be graded: 422, nothing stored, no attempt used. */
export const invalidSubmissionSchema = errorSchema.extend({ feedback: feedbackSchema });

/** Response of GET /attempts/{attempt}. */
export const attemptSchema = attemptSummarySchema.extend({
  course: slug,
  exercise: slug,
  userId: z.string().describe("The student who submitted"),
  gradedScore: z.number().describe("The score the grader gave"),
  overrideScore: z.number().nullable().describe("The score a tutor set, or null"),
  gradingMs: z.int(),
  exerciseVersion: z.int().describe("The exercise version it was graded against"),
  submission: z.string().describe("The submission exactly as sent"),
  feedback: feedbackSchema,
  comments: z.array(
    z.object({
      author: z.string(),
      body: z.string().describe("Markdown, as last edited"),
      createdAt: timestamp,
      editedAt: timestamp.nullable().describe("When the author last edited it; null if never"),
    }),
  ),
});

/** Query of GET /courses/{course}/gradebook. */
export const gradebookQuerySchema = z.object({
  format: z.enum(["json", "csv"]).default("json").describe("json (default) or csv"),
});

/** Response of GET /courses/{course}/gradebook?format=json. */
export const gradebookSchema = z.object({
  course: slug,
  exercises: z.array(
    z.object({ slug, title: z.string(), visibility: z.enum(["visible", "hidden"]) }),
  ),
  students: z.array(
    z.object({
      name: z.string(),
      email: z.string(),
      cells: z
        .array(z.object({ attempts: z.int(), bestScore: z.number(), solved: z.boolean() }))
        .describe("One cell per exercise, in the order of `exercises`"),
      total: z
        .number()
        .describe("Points earned: the sum of the best scores at visible exercises, one point each"),
      possible: z.int().describe("Points possible: the number of visible exercises"),
      percent: z
        .number()
        .nullable()
        .describe("total / possible in percent, two decimals; null without visible exercises"),
      solved: z.int(),
    }),
  ),
});
