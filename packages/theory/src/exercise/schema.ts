import { z } from "zod";

import type { FindingCode } from "../grading/feedback";
import { formatRational, parseRational, signOf, type NumberError } from "../rational";
import { exerciseSettingsShape } from "./settings";

/** The examples every message about a number in an exercise file ends with. */
const NUMBER_EXAMPLES = "enter a number such as -1/2 or 0.5";

function describeNumberError(error: NumberError): string {
  const quoted = JSON.stringify(
    error.input.length > 40 ? `${error.input.slice(0, 40)}…` : error.input,
  );
  switch (error.code) {
    case "empty":
      return `is empty: ${NUMBER_EXAMPLES}`;
    case "zero-denominator":
      return `${quoted} divides by zero: ${NUMBER_EXAMPLES}`;
    case "too-long":
      return `${quoted} is longer than ${error.bound ?? "the limit"}: shorten it`;
    case "too-large":
      return `${quoted} is out of range: enter a smaller number`;
    case "infinite":
      return `${quoted} is infinite: ${NUMBER_EXAMPLES}`;
    case "nan":
    case "syntax":
      return `${quoted} is not a number: ${NUMBER_EXAMPLES}`;
  }
}

/** An exact number in an exercise file: a JSON number or any text `parseRational` reads. */
export const exactNumber = z
  .union([z.string(), z.number()], { error: `must be a number: ${NUMBER_EXAMPLES}` })
  .transform((input, context) => {
    const result = parseRational(input);
    if (result.ok) return result.value;
    context.addIssue({ code: "custom", message: describeNumberError(result.error) });
    return z.NEVER;
  });

/**
 * Largest attempt limit and network bound an exercise may set. Larger values mean no limit in
 * practice, and the database stores these numbers as 32-bit integers.
 */
export const MAX_EXERCISE_COUNT = 1_000_000;

/** Builds the schema of a whole number from `min` up (to `max`), with one message for any failure. */
function wholeNumber(min: number, max?: number) {
  const range =
    max === undefined ? `, ${min} or more` : ` from ${min} to ${max.toLocaleString("en-US")}`;
  const schema = z
    .number({ error: `must be a whole number${range}` })
    .int()
    .min(min);
  return max === undefined ? schema : schema.max(max);
}

/**
 * A closed interval `[lo, hi]` with null for an unbounded end; "R" or "ℝ" for the line. "R" is
 * rewritten to `[null, null]` before parsing, instead of being a branch of a union, so that a
 * mistake in one end is reported at that end (`domain.0`) rather than as the whole union failing.
 */
export const domainSchema = z
  .preprocess(
    (input) => (input === "R" || input === "ℝ" ? [null, null] : input),
    z.tuple([exactNumber.nullable(), exactNumber.nullable()], {
      error: 'must be "R" or [lo, hi], with null for an unbounded end',
    }),
  )
  .transform(([lo, hi]) => ({ lo, hi }))
  .refine((d) => d.lo === null || d.hi === null || d.lo.compare(d.hi) <= 0, {
    message: "the lower end is above the upper end: swap them",
  });

const pointSchema = z.tuple([exactNumber, exactNumber], {
  error: "needs two numbers, x and y",
});

const labelledPointSchema = z.tuple(
  [exactNumber, z.union([z.literal(0), z.literal(1)], { error: "a label is 0 or 1" })],
  { error: "needs a number x and a label 0 or 1" },
);

/** What the submitted network must compute or satisfy. */
export const targetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("tent"),
      /** h2 = 2φ(x) − 4φ(x − 1/2); h3 = φ(h2). */
      variant: z.enum(["h2", "h3"]),
    }),
    z.object({
      kind: z.literal("sawtooth"),
      /** f^k, the k-fold composition of h3. */
      k: wholeNumber(1, 64),
    }),
    z.object({
      kind: z.literal("points"),
      /** Breakpoints (x, y) in increasing x. */
      points: z.array(pointSchema).min(1, "needs at least one point"),
      /** Slopes of the rays left of the first and right of the last point; default 0. */
      leftSlope: exactNumber.optional(),
      rightSlope: exactNumber.optional(),
    }),
    z.object({
      kind: z.literal("network"),
      /** A reference network in the native submission format. */
      network: z.unknown(),
    }),
    z.object({
      kind: z.literal("polynomial"),
      /** Coefficients from the constant term up: [0, 0, 1] is x². */
      coefficients: z
        .array(exactNumber)
        .min(1, "needs at least one coefficient")
        .max(12, "has more than 12 coefficients: the degree may be at most 11"),
      /**
       * Largest accepted sup-norm error on the domain; positive, because no ReLU network equals a
       * polynomial of degree 2 or more exactly.
       */
      tolerance: exactNumber.refine((value) => signOf(value) > 0, {
        message: "must be more than 0, such as 1/256",
      }),
    }),
    z.object({
      kind: z.literal("classification"),
      /** Labelled points (x, label) with labels 0 or 1. */
      points: z
        .array(labelledPointSchema)
        .min(1, "needs at least one point")
        .superRefine((points, context) => {
          // No function gives one x two labels, so the target could never be met in full.
          points.forEach(([x, label], index) => {
            const earlier = points.findIndex(([other]) => other.compare(x) === 0);
            if (earlier === index || points[earlier]?.[1] === label) return;
            context.addIssue({
              code: "custom",
              path: [index],
              // The point is named by its x, because the editor counts lines from 1 while
              // the path counts points from 0.
              message:
                `has the same x, ${formatRational(x)}, as an earlier point with the other ` +
                "label: no function gives one x two labels, so remove one of the points or fix " +
                "its label",
            });
          });
        }),
      /** f̃(x) = 1 when f(x) ≥ threshold; Telgarsky's threshold is 1/2. */
      threshold: exactNumber.prefault("1/2"),
      /** Largest accepted classification error R(f) = (1/n)·#mistakes; default 0. */
      maxError: exactNumber
        .refine((value) => signOf(value) >= 0 && value.compare(1) <= 0, {
          message: "must be from 0 to 1, such as 0 or 1/10",
        })
        .prefault(0),
    }),
    z.object({
      kind: z.literal("pieces"),
      /** How the count must compare: at least or exactly `count`. */
      relation: z.enum(["at-least", "exactly"]),
      count: wholeNumber(1),
    }),
  ],
  { error: "must be one of tent, sawtooth, points, network, polynomial, classification, pieces" },
);

export type TargetSpec = z.output<typeof targetSchema>;

const activationName = z.enum(["relu", "identity", "leaky-relu", "abs", "hard-tanh"]);

/** Limits on the submitted architecture; every field is optional. */
export const constraintsSchema = z
  .object({
    inputs: wholeNumber(1).default(1),
    outputs: wholeNumber(1).default(1),
    /** Number of affine layers, as the lecture counts depth. */
    minDepth: wholeNumber(1, MAX_EXERCISE_COUNT).optional(),
    maxDepth: wholeNumber(1, MAX_EXERCISE_COUNT).optional(),
    /** Largest number of neurons in any layer. */
    maxWidth: wholeNumber(1, MAX_EXERCISE_COUNT).optional(),
    maxParameters: wholeNumber(1, MAX_EXERCISE_COUNT).optional(),
    /** Hidden activations allowed; default any. */
    activations: z.array(activationName).min(1).optional(),
    outputActivations: z.array(activationName).min(1).optional(),
    /** "integer" or "dyadic" (k/2^j) weights and biases only. */
    numbers: z.enum(["any", "integer", "dyadic"]).default("any"),
  })
  .strict();

export type Constraints = z.output<typeof constraintsSchema>;

/** What feedback may show a student about the target. */
export const revealSchema = z
  .object({
    /** Draw the target next to the student's function. */
    targetPlot: z.boolean().default(true),
    /** Give the target's value at the counterexample. */
    expectedValues: z.boolean().default(true),
  })
  .strict();

/** How a verdict becomes a score. */
export const scoringSchema = z
  .object({
    /**
     * "all-or-nothing": 1 when correct, else 0. "partial": an incorrect submission still earns 1 − R for
     * classification, tolerance / error for approximation, and the ratio of piece counts.
     */
    mode: z.enum(["all-or-nothing", "partial"]).default("all-or-nothing"),
  })
  .strict();

/** Every finding code the grader can produce, so an exercise file cannot name a misspelt one. */
export const FINDING_CODES = [
  "submission.invalid",
  "architecture.inputs",
  "architecture.outputs",
  "architecture.too-deep",
  "architecture.too-shallow",
  "architecture.too-wide",
  "architecture.too-many-parameters",
  "architecture.activation",
  "architecture.numbers",
  "budget.exceeded",
  "function.equal",
  "function.differs",
  "function.slope",
  "function.negated",
  "function.offset",
  "function.missing-output-relu",
  "function.extra-output-relu",
  "neurons.dead",
  "approximation.within",
  "approximation.exceeds",
  "approximation.undecided",
  "classification.errors",
  "pieces.count",
] as const satisfies readonly FindingCode[];

// Fails to compile when `Finding` gains a code that the list above lacks.
const listsEveryCode: Exclude<FindingCode, (typeof FINDING_CODES)[number]> extends never
  ? true
  : false = true;
void listsEveryCode;

/** A submission that must fail, with the finding code it must produce. */
export const knownWrongSchema = z
  .object({
    name: z.string().min(1, "is empty: enter a name"),
    submission: z.unknown(),
    finding: z.enum(FINDING_CODES),
  })
  .strict();

/**
 * Maximum length of an exercise id, in characters, so that `exercises/<id>.json` fits the
 * 100-byte name field of the tar header that a course export writes.
 */
export const MAX_EXERCISE_ID_LENGTH = 80;

/** Maximum length of an exercise title, in UTF-16 code units, as for a course title. */
export const MAX_EXERCISE_TITLE_LENGTH = 200;

/**
 * Returns `tags` without repeats. Tags that differ only in letter case count as one, because a
 * reader takes "ReLU" and "relu" for the same tag, and the first spelling is kept.
 */
export function distinctTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One exercise as a file of a course folder. */
export const exerciseSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case words joined by hyphens, such as tent-h2")
      .max(
        MAX_EXERCISE_ID_LENGTH,
        `is longer than ${MAX_EXERCISE_ID_LENGTH} characters: shorten it`,
      ),
    title: z
      .string()
      .min(1, "is empty: enter a title")
      .max(
        MAX_EXERCISE_TITLE_LENGTH,
        `is longer than ${MAX_EXERCISE_TITLE_LENGTH} characters: shorten it`,
      ),
    /** Markdown with $…$ and $$…$$ math. */
    statement: z.string().min(1, "is empty: enter the statement"),
    domain: domainSchema,
    target: targetSchema,
    constraints: constraintsSchema.default({ inputs: 1, outputs: 1, numbers: "any" }),
    scoring: scoringSchema.default({ mode: "all-or-nothing" }),
    reveal: revealSchema.default({ targetPlot: true, expectedValues: true }),
    reference: z.unknown(),
    knownWrong: z.array(knownWrongSchema).default([]),
    attemptLimit: wholeNumber(1, MAX_EXERCISE_COUNT).optional(),
    tags: z.array(z.string()).default([]).transform(distinctTags),
    ...exerciseSettingsShape,
  })
  .strict();

export type Exercise = z.output<typeof exerciseSchema>;
export type ExerciseInput = z.input<typeof exerciseSchema>;
