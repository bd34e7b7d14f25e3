import "server-only";

import {
  describeSelfTestFailure,
  selfTest,
  type FindingCode,
  type PreparedExercise,
} from "@sawtooth/theory";

/** One self-test case as the admin sees it. */
export interface SelfTestCaseView {
  /** `reference` or `knownWrong.2`. */
  path: string;
  name: string;
  /** "correct" for the reference, else the finding the submission must produce. */
  expected: string;
  verdict: "correct" | "incorrect" | "invalid";
  score: number;
  findings: FindingCode[];
  passed: boolean;
  /** Why the case failed, or null when it passed. */
  failure: string | null;
}

/** The self-test of an exercise: the reference and every known-wrong submission, graded. */
export interface SelfTestView {
  passed: boolean;
  cases: SelfTestCaseView[];
}

/** Runs the engine's self-test and keeps what the admin's page shows of each case. */
export function runSelfTest(prepared: PreparedExercise): SelfTestView {
  const report = selfTest(prepared);
  return {
    passed: report.passed,
    cases: report.cases.map((testCase) => ({
      path: testCase.path,
      name: testCase.name,
      expected: testCase.expected,
      verdict: testCase.verdict,
      score: testCase.score,
      findings: testCase.findings,
      passed: testCase.passed,
      failure: testCase.passed ? null : describeSelfTestFailure(testCase),
    })),
  };
}
