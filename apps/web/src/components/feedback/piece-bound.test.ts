import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";

import { grade, prepareExercise, readSubmission } from "@sawtooth/theory";

import { domainOf, previewOf } from "@/components/workspace/live-analysis";
import { ReadyPreview } from "@/components/workspace/live-preview";
import { readExerciseFile, TENT_H2_WEIGHTS } from "@/testing/course-fixture";

import { FeedbackView } from "./feedback-view";
import { PieceBound } from "./piece-bound";

/** The bound's formula as both views must write it, before its figures and value. */
const FORMULA = '(t·m)<sup><span class="sr-only">^</span>ℓ</sup> = ';

function feedbackMarkup(): string {
  const prepared = prepareExercise(JSON.parse(readExerciseFile("tent-h2")));
  if (!prepared.ok) throw new Error("tent-h2.json is invalid");
  const feedback = grade(prepared.prepared, JSON.stringify(TENT_H2_WEIGHTS));
  return renderToStaticMarkup(createElement(FeedbackView, { feedback, domain: [null, null] }));
}

function livePreviewMarkup(): string {
  const read = readSubmission(JSON.stringify(TENT_H2_WEIGHTS));
  if (!read.ok) throw new Error("the lecture's weights are unreadable");
  const preview = previewOf(read.network, domainOf([null, null]));
  if (preview.status !== "ready") throw new Error(preview.message);
  return renderToStaticMarkup(
    createElement(ReadyPreview, { preview, domain: [null, null], targetPlot: null }),
  );
}

describe("PieceBound", () => {
  test("writes the figures between formula and value", () => {
    const markup = renderToStaticMarkup(
      createElement(PieceBound, { figures: { t: 2, m: 2, depth: 2 }, value: "16" }),
    );

    expect(markup).toBe(
      `${FORMULA}(2·2)<sup><span class="sr-only">^</span>2</sup> = ` +
        '<span class="break-all">16</span>',
    );
  });

  test("reads the same in the feedback and the live preview", () => {
    expect(feedbackMarkup()).toContain(`${FORMULA}<span class="break-all">16</span>`);
    expect(livePreviewMarkup()).toContain(`${FORMULA}(2·2)`);
  });
});
