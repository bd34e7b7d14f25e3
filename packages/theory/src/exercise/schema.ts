import { z } from "zod";

import type { FindingCode } from "../grading/feedback";
import { parseRational } from "../rational";

/** An exact number in an exercise file: a JSON number or any text `parseRational` reads. */
export const exactNumber = z.union([z.string(), z.number()]).transform((input, context) => {
  const result = parseRational(input);
  if (result.ok) return result.value;
  context.addIssue({
    code: "custom",
    message: `invalid number ${JSON.stringify(input)}: ${result.error.code}`,
  });
  return z.NEVER;
});

/** A closed interval `[lo, hi]` with null for an unbounded end; "R" or "ℝ" for the line. */
export const domainSchema = z
  .union([
    z.enum(["R", "ℝ"]).transform(() => ({ lo: null, hi: null })),
    z.tuple([exactNumber.nullable(), exactNumber.nullable()]).transform(([lo, hi]) => ({ lo, hi })),
  ])
  .refine((d) => d.lo === null || d.hi === null || d.lo.compare(d.hi) <= 0, {
    message: "the domain's lower end is above its upper end",
  });

const pointSchema = z.tuple([exactNumber, exactNumber]);

/** What the submitted network must compute or satisfy. */
export const targetSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("tent"),
    /** h2 = 2φ(x) − 4φ(x − 1/2); h3 = φ(h2). */
    variant: z.enum(["h2", "h3"]),
  }),
  z.object({
    kind: z.literal("sawtooth"),
    /** f^k, the k-fold composition of h3. */
    k: z.number().int().min(1).max(64),
  }),
  z.object({
    kind: z.literal("points"),
    /** Breakpoints (x, y) in increasing x. */
    points: z.array(pointSchema).min(1),
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
    coefficients: z.array(exactNumber).min(1).max(12),
    /** Largest accepted sup-norm error on the domain. */
    tolerance: exactNumber,
  }),
  z.object({
    kind: z.literal("classification"),
    /** Labelled points (x, label) with labels 0 or 1. */
    points: z.array(z.tuple([exactNumber, z.union([z.literal(0), z.literal(1)])])).min(1),
    /** f̃(x) = 1 when f(x) ≥ threshold; Telgarsky's threshold is 1/2. */
    threshold: exactNumber.prefault("1/2"),
    /** Largest accepted classification error R(f) = (1/n)·#mistakes; default 0. */
    maxError: exactNumber.prefault(0),
  }),
  z.object({
    kind: z.literal("pieces"),
    /** How the count must compare: at least or exactly `count`. */
    relation: z.enum(["at-least", "exactly"]),
    count: z.number().int().min(1),
  }),
]);

export type TargetSpec = z.output<typeof targetSchema>;

const activationName = z.enum(["relu", "identity", "leaky-relu", "abs", "hard-tanh"]);

/** Limits on the submitted architecture; every field is optional. */
export const constraintsSchema = z
  .object({
    inputs: z.number().int().min(1).default(1),
    outputs: z.number().int().min(1).default(1),
    /** Number of affine layers, as the lecture counts depth. */
    minDepth: z.number().int().min(1).optional(),
    maxDepth: z.number().int().min(1).optional(),
    /** Largest number of neurons in any layer. */
    maxWidth: z.number().int().min(1).optional(),
    maxParameters: z.number().int().min(1).optional(),
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
    name: z.string().min(1),
    submission: z.unknown(),
    finding: z.enum(FINDING_CODES),
  })
  .strict();

/** One exercise as a file of a course folder. */
export const exerciseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case words joined by hyphens"),
    title: z.string().min(1),
    /** Markdown with $…$ and $$…$$ math. */
    statement: z.string().min(1),
    domain: domainSchema,
    target: targetSchema,
    constraints: constraintsSchema.default({ inputs: 1, outputs: 1, numbers: "any" }),
    scoring: scoringSchema.default({ mode: "all-or-nothing" }),
    reveal: revealSchema.default({ targetPlot: true, expectedValues: true }),
    reference: z.unknown(),
    knownWrong: z.array(knownWrongSchema).default([]),
    attemptLimit: z.number().int().min(1).optional(),
    tags: z.array(z.string()).default([]),
  })
  .strict();

export type Exercise = z.output<typeof exerciseSchema>;
export type ExerciseInput = z.input<typeof exerciseSchema>;
