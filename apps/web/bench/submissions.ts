/** The exercises the benchmark submits to; neither has an attempt limit in the lecture's course. */
export const BENCH_EXERCISES = ["tent-h2", "sawtooth-f3"] as const;

/** An exercise of {@link BENCH_EXERCISES}. */
export type BenchExercise = (typeof BENCH_EXERCISES)[number];

/** One submission of the benchmark: the exercise, the network JSON and the expected verdict. */
export interface BenchSubmission {
  exerciseId: BenchExercise;
  /** The network in the engine's native JSON format, as the editor sends it. */
  raw: string;
  expectedVerdict: "correct" | "incorrect";
}

type Layer = { weights: (number | string)[][]; biases: (number | string)[] };

/**
 * Returns the benchmark's submission number `n`. Even numbers go to tent-h2, odd ones to
 * sawtooth-f3, and every fourth submission to each exercise is wrong. Each network is the
 * lecture's with every two-neuron hidden layer scaled by k = n + 2, which ReLU's positive
 * homogeneity leaves correct (φ(kx) = kφ(x), so the next layer divides by k). Distinct `n` give
 * distinct networks, so the server grades and stores each one instead of returning a duplicate.
 */
export function benchSubmission(n: number): BenchSubmission {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Submission number ${n} is not a non-negative integer.`);
  }
  const exerciseId = BENCH_EXERCISES[n % 2] ?? "tent-h2";
  const wrong = Math.floor(n / 2) % 4 === 3;
  const scale = n + 2;
  // The tent h2 has two folds, the sawtooth f³ three.
  const folds = exerciseId === "tent-h2" ? 1 : 3;
  const layers: Layer[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    // A wrong network has the last fold's second output weight halved: wrong from x = 1/2 on.
    const secondWeight = wrong && fold === folds - 1 ? -2 : -4;
    layers.push(...scaledTent(scale, secondWeight));
  }
  return {
    exerciseId,
    raw: JSON.stringify({ layers }),
    expectedVerdict: wrong ? "incorrect" : "correct",
  };
}

/** Returns h(x) = 2φ(x) + secondWeight · φ(x − 1/2) with its hidden neurons scaled by `scale`. */
function scaledTent(scale: number, secondWeight: number): Layer[] {
  return [
    { weights: [[scale], [scale]], biases: [0, `-${scale}/2`] },
    { weights: [[`2/${scale}`, `${secondWeight}/${scale}`]], biases: [0] },
  ];
}
