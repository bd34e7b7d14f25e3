import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";

import { grade, prepareExercise, type Feedback } from "@sawtooth/theory";

import { readExerciseFile, TENT_H2_WEIGHTS, TENT_H2_WRONG } from "@/testing/course-fixture";

import { FeedbackView } from "./feedback-view";

function gradeTent(submission: unknown, reveal?: { targetPlot: boolean }): Feedback {
  const definition = JSON.parse(readExerciseFile("tent-h2"));
  const prepared = prepareExercise(reveal ? { ...definition, reveal } : definition);
  if (!prepared.ok) {
    throw new Error("tent-h2.json is invalid");
  }
  return grade(prepared.prepared, JSON.stringify(submission));
}

function render(feedback: Feedback): string {
  const html = renderToStaticMarkup(
    createElement(FeedbackView, { feedback, domain: [null, null] }),
  );
  // Strips the tags and the one entity the texts here contain, so checks read what a user sees.
  return html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#x27;", "'")
    .replace(/\s+/g, " ");
}

describe("FeedbackView", () => {
  test("shows a correct verdict and its score", () => {
    const text = render(gradeTent(TENT_H2_WEIGHTS));

    expect(text).toContain("Correct");
    expect(text).not.toContain("Incorrect");
    expect(text).toContain("Score: 100%");
    expect(text).toContain("Target: passed");
  });

  test("shows the counterexample and differences", () => {
    const text = render(gradeTent(TENT_H2_WRONG));

    expect(text).toContain("Incorrect");
    expect(text).toContain("at x = 1 , expected 0 , your network gives 1");
    expect(text).toContain("unbounded (sup norm)");
    // The functions agree at x = 1/2, so the interval leaves it out.
    expect(text).toContain("Differs on (1/2, ∞)");
    expect(text).toContain("Shaded where the functions differ: (1/2, ∞).");
    expect(text).toContain("yours 3, the target's 3");
    expect(text).toContain("= 16 for your architecture");
    expect(text).toContain("Target (3 pieces)");
  });

  test("marks a dead neuron", () => {
    const deadSecond = {
      layers: [{ weights: [[1], [0]], biases: [0, -1] }, TENT_H2_WRONG.layers[1]],
    };

    const text = render(gradeTent(deadSecond));

    expect(text).toContain("Layer 1, neuron 2 (dead)");
    expect(text).toContain("dead: 0 on the whole domain");
    expect(text).not.toContain("Layer 1, neuron 1 (dead)");
  });

  test("leaves out a hidden target", () => {
    const text = render(gradeTent(TENT_H2_WRONG, { targetPlot: false }));

    expect(text).toContain("Your network");
    expect(text).not.toContain("Target (");
    expect(text).not.toContain("the target's");
    expect(text).not.toContain("and the target");
  });

  test("labels an invalid submission not graded", () => {
    const text = render(gradeTent({ layers: [] }));

    expect(text).toContain("Not graded");
    expect(text).not.toContain("Score:");
  });

  const LONG_WEIGHT = `7${"0123456789".repeat(29)}012345678`;

  test("shortens a long slope and keeps it in full", () => {
    const feedback = gradeTent({
      layers: [
        { weights: [[1], [1]], biases: [0, "-1/2"] },
        { weights: [[LONG_WEIGHT, -4]], biases: [0] },
      ],
    });
    const html = renderToStaticMarkup(
      createElement(FeedbackView, { feedback, domain: [null, null] }),
    );
    const text = render(feedback);

    expect(feedback.verdict).toBe("incorrect");
    expect(text).toContain("Incorrect");
    expect(text).not.toContain(LONG_WEIGHT);
    expect(text).toContain(
      "the first wrong piece starts with slope 701234…5678 (300 digits, ≈ 7.0123 × 10^299) Show all digits instead of 2.",
    );
    expect(html).toContain(`title="${LONG_WEIGHT}"`);
    expect(html).toContain(`data-exact="${LONG_WEIGHT}"`);
  });

  test("shortens a long counterexample", () => {
    const bias = "-12345678901234567890123/98765432109876543210";
    const feedback = gradeTent({
      layers: [
        { weights: [[1], [1]], biases: [0, bias] },
        { weights: [[2, LONG_WEIGHT]], biases: [0] },
      ],
    });
    const html = renderToStaticMarkup(
      createElement(FeedbackView, { feedback, domain: [null, null] }),
    );
    const text = render(feedback);
    const x = feedback.counterexample?.x ?? "";

    expect(x).toBe("4115226300411522630041/32921810703292181070");
    expect(text).toContain(
      "at x = 411522…0041/329218…1070 (22 and 20 digits, ≈ 125) Show all digits",
    );
    expect(text).toContain("At x = 411522…0041/329218…1070 (22 and 20 digits, ≈ 125)");
    expect(html).toContain(`title="${x}"`);
  });
});
