import type { Problem } from "../submission/index";

/** An exact number in feedback, written as `-3`, `1/2` or `5/1024`. */
export type ExactText = string;

/** A point where the submitted function differs from the target. */
export interface Counterexample {
  x: ExactText;
  /** The target's value; absent when the exercise hides the target. */
  expected?: ExactText;
  actual: ExactText;
}

/** One fact the grader established, as data; `describeFinding` renders the sentence. */
export type Finding =
  | { code: "submission.invalid"; problems: Problem[] }
  | { code: "architecture.inputs"; required: number; received: number }
  | { code: "architecture.outputs"; required: number; received: number }
  | { code: "architecture.too-deep"; limit: number; received: number }
  | { code: "architecture.too-shallow"; limit: number; received: number }
  | { code: "architecture.too-wide"; limit: number; received: number; layer: number }
  | { code: "architecture.too-many-parameters"; limit: number; received: number }
  | {
      code: "architecture.activation";
      field: "activation" | "outputActivation";
      received: string;
      allowed: string[];
    }
  | {
      code: "architecture.numbers";
      kind: "integer" | "dyadic";
      layer: number;
      field: "weights" | "biases";
      row: number;
      column?: number;
      value: ExactText;
    }
  | {
      code: "budget.exceeded";
      /** The layer that passed the budget, or 0 for the exercise's target. */
      layer: number;
      limit: number;
      unit: "breakpoints" | "values";
    }
  | { code: "function.equal" }
  | {
      code: "function.differs";
      counterexample: Counterexample;
      intervalCount: number;
    }
  | {
      code: "function.slope";
      /** The first interval where the functions differ, as [lo, hi] with null for ±∞. */
      interval: [ExactText | null, ExactText | null];
      /** Whether the interval contains lo and hi: an end is closed where the functions differ. */
      closed: [boolean, boolean];
      expected?: ExactText;
      actual: ExactText;
    }
  | { code: "function.negated" }
  /** The submitted function is the target plus a constant. */
  | { code: "function.offset"; by: ExactText }
  | { code: "function.missing-output-relu" }
  | { code: "function.extra-output-relu" }
  | { code: "neurons.dead"; neurons: { layer: number; neuron: number }[] }
  | {
      code: "approximation.within";
      /** The exact sup error when `exact`, else a proven upper bound on it. */
      error: ExactText;
      exact: boolean;
      tolerance: ExactText;
    }
  | {
      code: "approximation.exceeds";
      x: ExactText;
      error: ExactText;
      tolerance: ExactText;
    }
  | { code: "approximation.undecided"; lower: ExactText; upper: ExactText; tolerance: ExactText }
  | {
      code: "classification.errors";
      errors: number;
      points: number;
      error: ExactText;
      maxError: ExactText;
      /**
       * The first misclassified point, with the threshold that turns its value into a class
       * (absent in feedback stored before the threshold was recorded).
       */
      first: { x: ExactText; label: 0 | 1; value: ExactText; threshold?: ExactText } | null;
    }
  | { code: "pieces.count"; count: number; relation: "at-least" | "exactly"; required: number };

export type FindingCode = Finding["code"];

export type Outcome = "pass" | "fail" | "skipped";

/** One step of grading: reading, architecture, the function itself, and so on. */
export interface Check {
  id: "submission" | "architecture" | "budget" | "target";
  outcome: Outcome;
  findings: Finding[];
}

/** Exact plot data of one function: its breakpoints and end slopes. */
export interface Plot {
  /** Breakpoints [x, y]; null when there are more than `MAX_PLOT_POINTS`. */
  points: [ExactText, ExactText][] | null;
  leftSlope: ExactText | null;
  rightSlope: ExactText | null;
  pieces: number;
}

/** A hidden neuron's function after its activation. */
export interface NeuronPlot extends Plot {
  layer: number;
  neuron: number;
  /** True when the neuron outputs 0 on the whole domain. */
  dead: boolean;
}

/** Everything the grader says about one submission, serialisable as JSON. */
export interface Feedback {
  verdict: "correct" | "incorrect" | "invalid";
  /** In [0, 1]. */
  score: number;
  checks: Check[];
  /** The first point where the function differs from the target. */
  counterexample: Counterexample | null;
  /** The largest difference from the target on the domain, or "unbounded". */
  supNorm: ExactText | "unbounded" | null;
  /** The first intervals where the functions differ, and how many there are. */
  differences: {
    intervals: [ExactText | null, ExactText | null][];
    /**
     * For each listed interval, whether it contains its lower and upper end: an end is closed
     * exactly where the functions differ. Missing in feedback stored before it was added.
     */
    closed?: [boolean, boolean][];
    count: number;
  } | null;
  pieces: {
    submitted: number | null;
    target: number | null;
    /** Lemma 2.1's (t·m)^ℓ for the submitted architecture, as a decimal string. */
    bound: string | null;
  };
  architecture: {
    depth: number;
    width: number;
    widths: number[];
    parameters: number;
  } | null;
  plots: {
    submitted: Plot | null;
    target: Plot | null;
    neurons: NeuronPlot[];
  };
  /** The sentences a student reads, rendered from the findings. */
  messages: string[];
}
