import { formatDomain, inDomain, type Domain } from "../analysis/domain";
import type { Network } from "../network/network";
import { describeProblem, readSubmission } from "../submission/index";
import { exerciseSchema, type Exercise } from "./schema";

/** An exercise whose file is valid and whose networks are read, ready for grading. */
export interface PreparedExercise {
  exercise: Exercise;
  domain: Domain;
  /** The reference solution, read from the file. */
  reference: Network;
  /** The network a `network` target names, read from the file. */
  targetNetwork?: Network;
}

/** One problem of an exercise file, with the field it sits in. */
export interface ExerciseProblem {
  path: string;
  message: string;
}

export type PrepareResult =
  { ok: true; prepared: PreparedExercise } | { ok: false; problems: ExerciseProblem[] };

/** Validates an exercise file's parsed JSON and reads its reference and target networks. */
export function prepareExercise(input: unknown): PrepareResult {
  const parsed = exerciseSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    }));
    return { ok: false, problems };
  }
  const exercise = parsed.data;
  const problems: ExerciseProblem[] = [];
  const readNetwork = (value: unknown, path: string): Network | undefined => {
    const result = readSubmission(value);
    if (result.ok) return result.network;
    for (const problem of result.problems)
      problems.push({ path, message: describeProblem(problem) });
    return undefined;
  };

  const reference = readNetwork(exercise.reference, "reference");
  const target = exercise.target;
  const targetNetwork =
    target.kind === "network" ? readNetwork(target.network, "target.network") : undefined;
  problems.push(...checkTargetDomain(exercise));
  // A known-wrong submission that must be rejected as unreadable is the one kind not read here.
  exercise.knownWrong.forEach((wrong, index) => {
    if (wrong.finding !== "submission.invalid") {
      readNetwork(wrong.submission, `knownWrong.${index}.submission`);
    }
  });

  if (problems.length > 0 || reference === undefined) return { ok: false, problems };
  const prepared: PreparedExercise = { exercise, domain: exercise.domain, reference };
  if (targetNetwork !== undefined) prepared.targetNetwork = targetNetwork;
  return { ok: true, prepared };
}

function checkTargetDomain(exercise: Exercise): ExerciseProblem[] {
  const { domain, target } = exercise;
  const bounded = domain.lo !== null && domain.hi !== null;
  if (target.kind === "polynomial" && !bounded) {
    return [{ path: "domain", message: "a polynomial target needs a closed domain [lo, hi]" }];
  }
  if (target.kind === "pieces" && !bounded) {
    return [{ path: "domain", message: "a piece-count target needs a closed domain [lo, hi]" }];
  }
  if (target.kind === "classification") {
    const outside = target.points.findIndex(([x]) => !inDomain(domain, x));
    if (outside >= 0) {
      const message = `point ${outside + 1} lies outside the domain ${formatDomain(domain)}`;
      return [{ path: `target.points.${outside}`, message }];
    }
  }
  if (target.kind === "points") {
    const xs = target.points.map(([x]) => x);
    const sorted = xs.every((x, i) => i === 0 || x.compare(xs[i - 1]!) > 0);
    if (!sorted)
      return [{ path: "target.points", message: "the points' x must strictly increase" }];
  }
  return [];
}
