import { formatDomain } from "../analysis/domain";
import type { Exercise } from "../exercise/schema";
import { describeProblem } from "../submission/index";
import type { Feedback, Finding } from "./feedback";

/**
 * Renders the sentences a student reads, from the verdict and every finding. All student-facing
 * wording of grading lives in this file.
 */
export function renderMessages(feedback: Feedback, exercise: Exercise): string[] {
  const findings = feedback.checks.flatMap((check) => check.findings);
  return [verdictSentence(feedback, exercise), ...findings.flatMap(describeFinding)];
}

function verdictSentence(feedback: Feedback, exercise: Exercise): string {
  const domain = formatDomain(exercise.domain);
  switch (feedback.verdict) {
    case "correct":
      return `Correct: your network meets the target on ${domain}.`;
    case "incorrect":
      return `Incorrect: your network does not meet the target on ${domain}.`;
    case "invalid":
      return "Not graded: fix the problems below; this submission does not count as an attempt.";
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Writes an interval with a square bracket at an end it contains and a round one at an end it
 * does not, such as an unbounded end: `(1/2, ∞)`, `[0, 1)`.
 */
export function formatInterval(
  lo: string | null,
  hi: string | null,
  [loClosed, hiClosed]: [boolean, boolean],
): string {
  const left = lo === null ? "(-∞" : `${loClosed ? "[" : "("}${lo}`;
  const right = hi === null ? "∞)" : `${hi}${hiClosed ? "]" : ")"}`;
  return `${left}, ${right}`;
}

/** Renders one finding as zero or more sentences. */
export function describeFinding(finding: Finding): string[] {
  switch (finding.code) {
    case "submission.invalid":
      return finding.problems.map(describeProblem);
    case "architecture.inputs":
      return [
        `The network takes ${plural(finding.received, "input")}, but this exercise needs ${finding.required}: give the first layer's weights ${finding.required} column${finding.required === 1 ? "" : "s"}.`,
      ];
    case "architecture.outputs":
      return [
        `The network has ${plural(finding.received, "output")}, but this exercise needs ${finding.required}: give the last layer ${plural(finding.required, "neuron")}.`,
      ];
    case "architecture.too-deep":
      return [
        `The network has ${plural(finding.received, "layer")}, more than the ${finding.limit} allowed.`,
      ];
    case "architecture.too-shallow":
      return [
        `The network has ${plural(finding.received, "layer")}, fewer than the ${finding.limit} required.`,
      ];
    case "architecture.too-wide":
      return [
        `Layer ${finding.layer} has ${plural(finding.received, "neuron")}, more than the width ${finding.limit} allowed.`,
      ];
    case "architecture.too-many-parameters":
      return [
        `The network has ${plural(finding.received, "parameter")}, more than the ${finding.limit} allowed.`,
      ];
    case "architecture.activation":
      return [
        `The ${finding.field === "activation" ? "hidden activation" : "output activation"} ${finding.received} is not allowed here; use ${finding.allowed.join(" or ")}.`,
      ];
    case "architecture.numbers": {
      const place =
        finding.column === undefined
          ? `layer ${finding.layer}, bias ${finding.row}`
          : `layer ${finding.layer}, weights row ${finding.row}, column ${finding.column}`;
      const kind = finding.kind === "integer" ? "an integer" : "a dyadic number k/2^j";
      return [
        `At ${place} the value ${finding.value} is not ${kind}, which this exercise requires.`,
      ];
    }
    case "budget.exceeded": {
      const limit = finding.limit.toLocaleString("en");
      // Layer 0 stands for the target, whose size the exercise's author chose.
      if (finding.layer === 0) {
        return [
          `This exercise's target has more than ${limit} breakpoints, beyond what the grader analyses; please tell the course staff.`,
        ];
      }
      if (finding.unit === "values") {
        return [
          `The network is too large to grade: layer ${finding.layer} would carry more than ${limit} values (breakpoints times neurons).`,
        ];
      }
      return [
        `The network's function has too many pieces to grade: layer ${finding.layer} needs more than ${limit} breakpoints.`,
      ];
    }
    case "function.equal":
      return ["Your network computes exactly the target function."];
    case "function.differs": {
      const { x, expected, actual } = finding.counterexample;
      const target = expected === undefined ? "" : ` while the target is ${expected}`;
      return [
        `At x = ${x} your network gives ${actual}${target}. The functions differ on ${plural(finding.intervalCount, "interval")}.`,
      ];
    }
    case "function.slope": {
      const [lo, hi] = finding.interval;
      const where = formatInterval(lo, hi, finding.closed);
      const target = finding.expected === undefined ? "" : ` instead of ${finding.expected}`;
      return [`On ${where} the first wrong piece starts with slope ${finding.actual}${target}.`];
    }
    case "function.offset":
      return [
        `Your function is the target shifted by ${finding.by} everywhere: check the bias of the last layer.`,
      ];
    case "function.negated":
      return [
        "Your function is the target with its sign flipped: check the signs of the last layer.",
      ];
    case "function.missing-output-relu":
      return [
        "With a ReLU on the output your network would be right: set outputActivation to relu.",
      ];
    case "function.extra-output-relu":
      return [
        "Without the ReLU on the output your network would be right: set outputActivation to identity.",
      ];
    case "neurons.dead": {
      const names = finding.neurons.map((n) => `layer ${n.layer} neuron ${n.neuron}`).join(", ");
      return [`These neurons output 0 on the whole domain and contribute nothing: ${names}.`];
    }
    case "approximation.within":
      return [
        finding.exact
          ? `The largest error is ${finding.error}, within the tolerance ${finding.tolerance}.`
          : `The largest error is at most ${finding.error} (a proven bound), within the tolerance ${finding.tolerance}.`,
      ];
    case "approximation.exceeds":
      return [
        `At x = ${finding.x} the error is ${finding.error}, more than the tolerance ${finding.tolerance}.`,
      ];
    case "approximation.undecided":
      return [
        `The largest error lies between ${finding.lower} and ${finding.upper}, so the grader can prove neither that it is within the tolerance ${finding.tolerance} nor that it is not. Leave a wider margin below the tolerance.`,
      ];
    case "classification.errors": {
      const first = finding.first;
      const detail =
        first === null
          ? ""
          : ` The first mistake is at x = ${first.x}: ${describeMistakenPoint(first)}`;
      return [
        `The network misclassifies ${finding.errors} of ${finding.points} points: R = ${finding.error} (at most ${finding.maxError} allowed).${detail}`,
      ];
    }
    case "pieces.count": {
      const rule = finding.relation === "exactly" ? "exactly" : "at least";
      return [
        `Your function has ${plural(finding.count, "linear piece")} on the domain; the exercise asks for ${rule} ${finding.required}.`,
      ];
    }
  }
}

/**
 * Describes why a point is misclassified: the network's value, which side of the threshold it falls
 * on and so which class it predicts, against the label. Feedback stored before the threshold was
 * recorded gives only the value and the label.
 */
function describeMistakenPoint(point: { label: 0 | 1; value: string; threshold?: string }): string {
  if (point.threshold === undefined) {
    return `the network gives ${point.value}, but the label is ${point.label}.`;
  }
  const side = point.label === 0 ? "at or above" : "below";
  return (
    `the network gives ${point.value}, ${side} the threshold ${point.threshold}, so it predicts ` +
    `class ${1 - point.label}, but the label is ${point.label}.`
  );
}
