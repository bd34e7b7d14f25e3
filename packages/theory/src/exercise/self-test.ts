import type { Feedback, FindingCode } from "../grading/feedback";
import { grade } from "../grading/grade";
import type { PreparedExercise } from "./prepare";

/** The outcome of grading one submission stored in an exercise file. */
export interface SelfTestCase {
  /** Field path of the submission in the exercise file: `reference` or `knownWrong.2`. */
  path: string;
  /** The known-wrong submission's name, or "reference". */
  name: string;
  /** "correct" for the reference, else the finding code the submission must produce. */
  expected: "correct" | FindingCode;
  verdict: Feedback["verdict"];
  score: number;
  /** Every finding code the grader produced, in check order. */
  findings: FindingCode[];
  passed: boolean;
  feedback: Feedback;
}

/** Every stored submission of an exercise, graded. */
export interface SelfTestReport {
  passed: boolean;
  cases: SelfTestCase[];
}

/**
 * Grades an exercise's reference and each known-wrong submission. The reference passes when it
 * is graded correct with score 1; a known-wrong submission passes when it is not graded correct
 * and its feedback contains the finding code the file names.
 */
export function selfTest(prepared: PreparedExercise): SelfTestReport {
  const { exercise } = prepared;
  const cases: SelfTestCase[] = [runCase(prepared, "reference", "reference", exercise.reference)];
  exercise.knownWrong.forEach((wrong, index) => {
    cases.push(
      runCase(prepared, `knownWrong.${index}`, wrong.name, wrong.submission, wrong.finding),
    );
  });
  return { passed: cases.every((c) => c.passed), cases };
}

function runCase(
  prepared: PreparedExercise,
  path: string,
  name: string,
  submission: unknown,
  finding?: FindingCode,
): SelfTestCase {
  const feedback = grade(prepared, submission);
  const findings = feedback.checks.flatMap((check) => check.findings.map((f) => f.code));
  const passed =
    finding === undefined
      ? feedback.verdict === "correct" && feedback.score === 1
      : feedback.verdict !== "correct" && findings.includes(finding);
  return {
    path,
    name,
    expected: finding ?? "correct",
    verdict: feedback.verdict,
    score: feedback.score,
    findings,
    passed,
    feedback,
  };
}

/** Describes a failed case in one sentence for an exercise author. */
export function describeSelfTestFailure(failure: SelfTestCase): string {
  const produced = failure.findings.length > 0 ? failure.findings.join(", ") : "no findings";
  if (failure.expected === "correct") {
    const reason = failure.feedback.messages.slice(1).join(" ");
    return `the reference is graded ${failure.verdict} with score ${failure.score}, not correct: ${reason}`;
  }
  if (failure.verdict === "correct") {
    return `"${failure.name}" is graded correct, but it must fail with ${failure.expected}`;
  }
  return `"${failure.name}" must produce ${failure.expected}, but the grader produced ${produced}`;
}
