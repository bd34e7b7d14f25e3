import {
  analyzeNetwork,
  BudgetExceeded,
  DEFAULT_BUDGET,
  type Analysis,
  type AnalysisBudget,
} from "../analysis/analyze";
import type { Piecewise } from "../analysis/piecewise";
import type { PreparedExercise } from "../exercise/prepare";
import { networkToJson } from "../network/canonical";
import { pieceBound, architectureOf, type Network } from "../network/network";
import { formatRational, type Rational } from "../rational";
import { readSubmission } from "../submission/index";
import { checkApproximation } from "./approximation";
import { checkArchitecture } from "./architecture";
import { classify } from "./classification";
import { compareFunctions } from "./compare";
import { diagnose } from "./diagnosis";
import type { Check, Feedback, Finding } from "./feedback";
import { renderMessages } from "./messages";
import { neuronPlots, plotOf } from "./plots";
import { isFunctionTarget, targetFunction } from "./targets";

export interface GradeOptions {
  budget?: AnalysisBudget;
}

/** Grades one submission (JSON text or a parsed value) against a prepared exercise. */
export function grade(
  prepared: PreparedExercise,
  submission: unknown,
  options: GradeOptions = {},
): Feedback {
  const read = readSubmission(submission);
  if (!read.ok) {
    const findings: Finding[] = [{ code: "submission.invalid", problems: read.problems }];
    return finish(
      prepared,
      emptyFeedback("invalid", [{ id: "submission", outcome: "fail", findings }]),
    );
  }
  return gradeNetwork(prepared, read.network, options);
}

/** A graded submission text: its feedback and its network as canonical JSON. */
export interface GradedText {
  feedback: Feedback;
  /** The network as {@link networkToJson} writes it, or null when the submission did not parse. */
  network: string | null;
}

/**
 * Grades a submission as {@link grade} does and also returns its network as canonical JSON,
 * which is what an attempt store hashes to recognise a resubmitted network.
 */
export function gradeText(
  prepared: PreparedExercise,
  submission: unknown,
  options: GradeOptions = {},
): GradedText {
  const read = readSubmission(submission);
  if (!read.ok) {
    return { feedback: grade(prepared, submission, options), network: null };
  }
  const feedback = gradeNetwork(prepared, read.network, options);
  return { feedback, network: networkToJson(read.network) };
}

/** Grades a network that has already been read. */
export function gradeNetwork(
  prepared: PreparedExercise,
  network: Network,
  options: GradeOptions = {},
): Feedback {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const checks: Check[] = [{ id: "submission", outcome: "pass", findings: [] }];
  const violations = checkArchitecture(network, prepared.exercise.constraints);
  checks.push({
    id: "architecture",
    outcome: violations.length ? "fail" : "pass",
    findings: violations,
  });
  const feedback = emptyFeedback("invalid", checks);
  feedback.architecture = describeArchitecture(network);
  feedback.pieces.bound = pieceBound(network).toString();
  if (violations.length > 0) return finish(prepared, feedback);

  let analysis: Analysis;
  try {
    analysis = analyzeNetwork(network, prepared.domain, { budget, neurons: true });
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    const finding = budgetFinding(error);
    checks.push({ id: "budget", outcome: "fail", findings: [finding] });
    return finish(prepared, feedback);
  }
  const submitted = analysis.outputs[0]!;
  feedback.pieces.submitted = submitted.pieceCount();
  feedback.plots.submitted = plotOf(submitted);
  feedback.plots.neurons = analysis.neurons ? neuronPlots(analysis.neurons) : [];

  try {
    checkTarget(prepared, network, submitted, feedback, budget);
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    const finding = budgetFinding(error);
    checks.push({ id: "budget", outcome: "fail", findings: [finding] });
    feedback.verdict = "invalid";
  }
  const dead = feedback.plots.neurons.filter((n) => n.dead);
  if (dead.length > 0 && feedback.verdict !== "correct") {
    const neurons = dead.map(({ layer, neuron }) => ({ layer, neuron }));
    checks[checks.length - 1]!.findings.push({ code: "neurons.dead", neurons });
  }
  return finish(prepared, feedback);
}

/** Runs the check that the target kind calls for and records its result in `feedback`. */
function checkTarget(
  prepared: PreparedExercise,
  network: Network,
  submitted: Piecewise,
  feedback: Feedback,
  budget: AnalysisBudget,
): void {
  const { exercise, domain } = prepared;
  const { target } = exercise;
  const partial = exercise.scoring.mode === "partial";
  const record = (passed: boolean, findings: Finding[], score = passed ? 1 : 0) => {
    feedback.checks.push({ id: "target", outcome: passed ? "pass" : "fail", findings });
    feedback.verdict = passed ? "correct" : "incorrect";
    feedback.score = passed ? 1 : score;
  };

  if (isFunctionTarget(target)) {
    const expected = targetFunction(target, domain, budget, prepared.targetNetwork);
    feedback.pieces.target = expected.pieceCount();
    feedback.plots.target = plotOf(expected);
    const difference = compareFunctions(expected, submitted);
    if (difference.equal) return record(true, [{ code: "function.equal" }]);
    const example = difference.counterexample!;
    feedback.counterexample = {
      x: formatRational(example.x),
      expected: formatRational(example.expected),
      actual: formatRational(example.actual),
    };
    const supNorm = difference.supNorm;
    feedback.supNorm = supNorm === "unbounded" ? supNorm : formatRational(supNorm);
    feedback.differences = {
      intervals: difference.intervals.map(({ lo, hi }) => [format(lo), format(hi)]),
      closed: difference.intervals.map(({ loClosed, hiClosed }) => [loClosed, hiClosed]),
      count: difference.intervalCount,
    };
    const findings: Finding[] = [
      {
        code: "function.differs",
        counterexample: feedback.counterexample,
        intervalCount: difference.intervalCount,
      },
      ...diagnose(expected, submitted, network, domain, difference, budget),
    ];
    return record(false, findings);
  }

  switch (target.kind) {
    case "polynomial": {
      const result = checkApproximation(submitted, target.coefficients, target.tolerance);
      if (result.error !== null) feedback.supNorm = formatRational(result.error);
      if (result.finding.code === "approximation.undecided") {
        // Neither a pass nor a fail is proven, so the submission is not graded and costs no
        // attempt; a network with a wider margin below the tolerance is decided.
        feedback.checks.push({ id: "target", outcome: "fail", findings: [result.finding] });
        feedback.verdict = "invalid";
        return;
      }
      const passed = result.finding.code === "approximation.within";
      const score =
        partial && result.error !== null ? ratioScore(target.tolerance, result.error) : 0;
      return record(passed, [result.finding], score);
    }
    case "classification": {
      const result = classify(submitted, target.points, target.threshold, target.maxError);
      const passed = result.error.compare(target.maxError) <= 0;
      const score = partial ? 1 - Number(result.error.valueOf()) : 0;
      return record(passed, [result.finding], score);
    }
    case "pieces": {
      const count = submitted.pieceCount();
      const passed = target.relation === "exactly" ? count === target.count : count >= target.count;
      const finding: Finding = {
        code: "pieces.count",
        count,
        relation: target.relation,
        required: target.count,
      };
      // Partial credit is the ratio of the smaller count to the larger, or to the required
      // count for "at least", so it reaches 1 only when the count passes.
      const ratio =
        target.relation === "exactly"
          ? Math.min(count, target.count) / Math.max(count, target.count)
          : Math.min(1, count / target.count);
      return record(passed, [finding], partial ? ratio : 0);
    }
  }
}

function budgetFinding(error: BudgetExceeded): Finding {
  return { code: "budget.exceeded", layer: error.layer, limit: error.limit, unit: error.unit };
}

/** Partial credit for an approximation: tolerance / error, at most 1. */
function ratioScore(tolerance: Rational, error: Rational): number {
  if (error.n === 0n) return 1;
  return Math.min(1, Number(tolerance.div(error).valueOf()));
}

function format(value: Rational | null): string | null {
  return value === null ? null : formatRational(value);
}

function describeArchitecture(network: Network): Feedback["architecture"] {
  const { depth, width, widths, parameters } = architectureOf(network);
  return { depth, width, widths, parameters };
}

function emptyFeedback(verdict: Feedback["verdict"], checks: Check[]): Feedback {
  return {
    verdict,
    score: 0,
    checks,
    counterexample: null,
    supNorm: null,
    differences: null,
    pieces: { submitted: null, target: null, bound: null },
    architecture: null,
    plots: { submitted: null, target: null, neurons: [] },
    messages: [],
  };
}

/**
 * Removes what the exercise does not let a student see and renders the sentences. This is the
 * one place where feedback is cut to what the exercise reveals.
 */
function finish(prepared: PreparedExercise, feedback: Feedback): Feedback {
  const { reveal } = prepared.exercise;
  if (!reveal.targetPlot) {
    feedback.plots.target = null;
    feedback.pieces.target = null;
  }
  if (!reveal.expectedValues) {
    if (feedback.counterexample) delete feedback.counterexample.expected;
    for (const check of feedback.checks) {
      check.findings = check.findings.flatMap((finding) => hideExpected(finding) ?? []);
    }
  }
  feedback.messages = renderMessages(feedback, prepared.exercise);
  return feedback;
}

/** Findings that state the target in terms of the student's own function. */
const REVEALING_CODES = new Set<Finding["code"]>([
  "function.negated",
  "function.offset",
  "function.missing-output-relu",
  "function.extra-output-relu",
]);

function hideExpected(finding: Finding): Finding | null {
  if (REVEALING_CODES.has(finding.code)) return null;
  if (finding.code === "function.differs") {
    const { expected: _hidden, ...counterexample } = finding.counterexample;
    return { ...finding, counterexample };
  }
  if (finding.code === "function.slope") {
    const { expected: _hidden, ...rest } = finding;
    return rest;
  }
  return finding;
}
