import { readExerciseFile } from "./course-fixture";

/**
 * Returns Telgarsky's sawtooth f^k in the native format: k compositions of the tent map, k + 1
 * affine layers of width 2, 2^k pieces on [0, 1].
 */
export function sawtoothSubmission(k: number): string {
  const layers: { weights: number[][]; biases: (number | string)[] }[] = [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
  ];
  for (let index = 1; index < k; index++) {
    layers.push({
      weights: [
        [2, -4],
        [2, -4],
      ],
      biases: [0, "-1/2"],
    });
  }
  layers.push({ weights: [[2, -4]], biases: [0] });
  return JSON.stringify({ layers });
}

/**
 * Returns the exercise file `sawtooth-f2` without its depth limit, so a very deep sawtooth passes
 * the architecture check and reaches the analysis. Grading f^20 against it took 7.9 s and more
 * than 64 MiB of heap in a worker thread on a 2-core test machine.
 */
export function deepSawtoothDefinition(): string {
  const exercise = JSON.parse(readExerciseFile("sawtooth-f2"));
  delete exercise.constraints.maxDepth;
  return JSON.stringify(exercise);
}
