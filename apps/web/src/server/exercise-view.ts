import "server-only";

import type { ExerciseWithDefinition } from "@sawtooth/db";
import {
  BudgetExceeded,
  DEFAULT_BUDGET,
  formatRational,
  isFunctionTarget,
  plotOf,
  targetFunction,
  type Domain,
  type Plot,
  type PreparedExercise,
  type Rational,
} from "@sawtooth/theory";

import type { ConstraintsView } from "@/lib/submission-contract";

import { BoundedCache } from "./bounded-cache";
import { prepareVersion } from "./grading";
import { attemptsLeft } from "./submissions";

/**
 * Exercise fields that a page may send to a student's browser. The view is built field by field
 * from the stored definition, so the target's specification, the reference solution and the
 * known-wrong submissions stay on the server. The target's plot is included only when the
 * exercise reveals it.
 */
export interface ExerciseView {
  slug: string;
  title: string;
  /** Markdown with `$…$` and `$$…$$` math. */
  statement: string;
  dueDate: Date | null;
  attemptLimit: number | null;
  /** Attempts the user has left, or null without a limit. */
  attemptsLeft: number | null;
  /** The domain as exact strings, null for an unbounded end. */
  domain: [string | null, string | null];
  constraints: ConstraintsView;
  /** The target's plot data when the exercise reveals it and names one function; else null. */
  targetPlot: Plot | null;
}

/**
 * Target plots by exercise version id, or null for a version that shows none. A plot depends on
 * the target, domain and reveal options only, which never change in place, so an in-place edit
 * of a version's wording leaves it valid.
 */
const targetPlots = new BoundedCache<string, Plot | null>(64);

/**
 * Builds the student-safe view of an exercise from its newest stored definition, given how many
 * attempts the user has stored.
 */
export function toExerciseView(
  exercise: ExerciseWithDefinition,
  attemptCount: number,
): ExerciseView {
  const prepared = prepareVersion(exercise.version);
  const { domain } = prepared;

  return {
    slug: exercise.slug,
    title: exercise.title,
    statement: prepared.exercise.statement,
    dueDate: exercise.dueDate,
    attemptLimit: exercise.attemptLimit,
    attemptsLeft: attemptsLeft(exercise.attemptLimit, attemptCount),
    domain: toDomainView(domain),
    constraints: toConstraintsView(prepared),
    targetPlot: targetPlots.getOrCreate(exercise.version.id, () => revealedTargetPlot(prepared)),
  };
}

function toConstraintsView({ exercise }: PreparedExercise): ConstraintsView {
  const { constraints } = exercise;
  return {
    inputs: constraints.inputs,
    outputs: constraints.outputs,
    minDepth: constraints.minDepth ?? null,
    maxDepth: constraints.maxDepth ?? null,
    maxWidth: constraints.maxWidth ?? null,
    maxParameters: constraints.maxParameters ?? null,
    activations: constraints.activations ?? null,
    outputActivations: constraints.outputActivations ?? null,
    numbers: constraints.numbers,
  };
}

/**
 * Plots the target when the exercise reveals it. Only targets that name one function have a
 * plot: approximation, classification and piece-count targets return null, as does a target
 * too large for the analysis budget.
 */
function revealedTargetPlot(prepared: PreparedExercise): Plot | null {
  const { exercise, domain, targetNetwork } = prepared;
  if (!exercise.reveal.targetPlot || !isFunctionTarget(exercise.target)) {
    return null;
  }
  try {
    return plotOf(targetFunction(exercise.target, domain, DEFAULT_BUDGET, targetNetwork));
  } catch (error) {
    if (error instanceof BudgetExceeded) {
      return null;
    }
    throw error;
  }
}

/** Writes a domain's ends as exact strings, null for an unbounded end. */
export function toDomainView(domain: Domain): [string | null, string | null] {
  const format = (end: Rational | null) => (end === null ? null : formatRational(end));
  return [format(domain.lo), format(domain.hi)];
}
