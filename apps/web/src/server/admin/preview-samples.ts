import "server-only";

import type { PreparedExercise } from "@sawtooth/theory";

/** A submission of the exercise file that the admin's student preview can load into the editor. */
export interface PreviewSample {
  kind: "reference" | "known-wrong";
  /** "the reference", or the known-wrong submission's name from the exercise file. */
  name: string;
  /** "correct" for the reference, else the finding the known-wrong submission must produce. */
  expected: string;
  /** The submission as the editor's JSON text. */
  text: string;
}

/**
 * Lists the reference and every known-wrong submission of an exercise, in file order, as text
 * for the editor. They are secrets, so only admin pages may send them to a browser.
 */
export function previewSamples(prepared: PreparedExercise): PreviewSample[] {
  const { reference, knownWrong } = prepared.exercise;
  return [
    {
      kind: "reference",
      name: "the reference",
      expected: "correct",
      text: submissionText(reference),
    },
    ...knownWrong.map((wrong) => ({
      kind: "known-wrong" as const,
      name: wrong.name,
      expected: wrong.finding,
      text: submissionText(wrong.submission),
    })),
  ];
}

/**
 * Returns a submission of an exercise file as the text a student would paste. The engine reads a
 * string as submission text and any other value as a parsed submission, which the same value
 * written as JSON text reads back to.
 */
function submissionText(submission: unknown): string {
  return typeof submission === "string" ? submission : JSON.stringify(submission, null, 2);
}
