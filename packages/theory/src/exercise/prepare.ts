import type { z } from "zod";

import { formatDomain, inDomain, type Domain } from "../analysis/domain";
import type { Network } from "../network/network";
import { formatRational } from "../rational";
import { describeProblem, readSubmission } from "../submission/index";
import { describeIssue } from "./issues";
import {
  constraintsSchema,
  domainSchema,
  exerciseSchema,
  targetSchema,
  type Exercise,
  type TargetSpec,
} from "./schema";

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

/** Options of {@link prepareExercise}. */
export interface PrepareOptions {
  /**
   * Whether the file is a version that is already stored and graded against. Such a version
   * skips the rules that an exercise is checked against only when it is written: a domain with
   * equal ends and a minimum depth above the maximum depth. Grading works with both, and
   * versions stored before these rules existed may have them.
   */
  stored?: boolean;
}

/**
 * Validates an exercise file's parsed JSON and reads its reference and target networks. Every
 * problem is found in one pass: the schema's, the networks' (each read even when another field
 * is invalid), those of the target against the domain (checked when both parse), and those of
 * the domain's ends and the depth bounds (checked when each parses).
 */
export function prepareExercise(input: unknown, options: PrepareOptions = {}): PrepareResult {
  const parsed = exerciseSchema.safeParse(input, { error: describeIssue });
  const problems: ExerciseProblem[] = parsed.success ? [] : distinctIssues(parsed.error.issues);
  const networks = readNetworks(input, problems);

  const parts = parsed.success ? parsed.data : parseParts(input);
  if (parts !== null) problems.push(...checkTargetDomain(parts.domain, parts.target));
  if (options.stored !== true) problems.push(...checkBounds(input));

  if (!parsed.success || problems.length > 0 || networks.reference === undefined) {
    return { ok: false, problems };
  }
  const exercise = parsed.data;
  const prepared: PreparedExercise = {
    exercise,
    domain: exercise.domain,
    reference: networks.reference,
  };
  if (networks.target !== undefined) prepared.targetNetwork = networks.target;
  return { ok: true, prepared };
}

/**
 * Converts zod's issues into problems, each path and message once: a whole number such as 10^20
 * fails both the integer and the maximum check, which share one message.
 */
function distinctIssues(issues: z.core.$ZodIssue[]): ExerciseProblem[] {
  const seen = new Set<string>();
  const problems: ExerciseProblem[] = [];
  for (const issue of issues) {
    const problem = { path: issue.path.map(String).join("."), message: issue.message };
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/**
 * Reads the reference, a `network` target's network and the known-wrong submissions from the
 * file as given, appending their problems, except at a path the schema has already reported.
 */
function readNetworks(
  input: unknown,
  problems: ExerciseProblem[],
): { reference?: Network; target?: Network } {
  const schemaPaths = problems.map((problem) => problem.path);
  const reported = (path: string) =>
    schemaPaths.some((other) => other === path || other.startsWith(`${path}.`));
  const readNetwork = (value: unknown, path: string): Network | undefined => {
    if (reported(path)) return undefined;
    const result = readSubmission(value);
    if (result.ok) return result.network;
    for (const problem of result.problems)
      problems.push({ path, message: describeProblem(problem) });
    return undefined;
  };

  const file = asRecord(input);
  const networks: { reference?: Network; target?: Network } = {};
  const reference = readNetwork(file["reference"], "reference");
  if (reference !== undefined) networks.reference = reference;
  const target = asRecord(file["target"]);
  if (target["kind"] === "network") {
    const network = readNetwork(target["network"], "target.network");
    if (network !== undefined) networks.target = network;
  }
  // A known-wrong submission that must be rejected as unreadable is the one kind not read here.
  const knownWrong = Array.isArray(file["knownWrong"]) ? file["knownWrong"] : [];
  knownWrong.forEach((entry: unknown, index) => {
    const wrong = asRecord(entry);
    if (wrong["finding"] !== "submission.invalid") {
      readNetwork(wrong["submission"], `knownWrong.${index}.submission`);
    }
  });
  return networks;
}

/** Parses the domain and the target on their own, for a file whose other fields are invalid. */
function parseParts(input: unknown): { domain: Domain; target: TargetSpec } | null {
  const file = asRecord(input);
  const domain = domainSchema.safeParse(file["domain"]);
  const target = targetSchema.safeParse(file["target"]);
  return domain.success && target.success ? { domain: domain.data, target: target.data } : null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Checks that the domain is an interval of positive length and that the depth bounds leave
 * room for a network. The schema already rejects a lower end above the upper end.
 */
function checkBounds(input: unknown): ExerciseProblem[] {
  const file = asRecord(input);
  const problems: ExerciseProblem[] = [];
  const domain = domainSchema.safeParse(file["domain"]);
  const { lo, hi } = domain.success ? domain.data : { lo: null, hi: null };
  if (lo !== null && hi !== null && lo.compare(hi) === 0) {
    const message =
      `has equal ends, ${formatRational(lo)}: the lower end must be less than the upper end, ` +
      "so widen the domain";
    problems.push({ path: "domain", message });
  }
  const constraints = constraintsSchema.safeParse(file["constraints"] ?? {});
  const { minDepth, maxDepth } = constraints.success ? constraints.data : {};
  if (minDepth !== undefined && maxDepth !== undefined && minDepth > maxDepth) {
    const message = `is larger than the maximum depth ${maxDepth}: lower it or raise the maximum depth`;
    problems.push({ path: "constraints.minDepth", message });
  }
  return problems;
}

/** Checks the target against the domain, reporting every point in the wrong place. */
function checkTargetDomain(domain: Domain, target: TargetSpec): ExerciseProblem[] {
  const bounded = domain.lo !== null && domain.hi !== null;
  if (target.kind === "polynomial" && !bounded) {
    const message = "a polynomial target needs a closed domain [lo, hi]: enter both ends";
    return [{ path: "domain", message }];
  }
  if (target.kind === "pieces" && !bounded) {
    const message = "a piece-count target needs a closed domain [lo, hi]: enter both ends";
    return [{ path: "domain", message }];
  }
  const problems: ExerciseProblem[] = [];
  if (target.kind === "classification") {
    target.points.forEach(([x], index) => {
      if (!inDomain(domain, x)) {
        const message = `x = ${formatRational(x)} lies outside the domain ${formatDomain(domain)}: move the point or widen the domain`;
        problems.push({ path: `target.points.${index}`, message });
      }
    });
  }
  if (target.kind === "points") {
    target.points.forEach(([x], index) => {
      const previous = target.points[index - 1]?.[0];
      if (previous !== undefined && x.compare(previous) <= 0) {
        const message = `x = ${formatRational(x)} is not greater than the previous point's x = ${formatRational(previous)}: list the points in increasing x`;
        problems.push({ path: `target.points.${index}`, message });
      }
    });
  }
  return problems;
}
