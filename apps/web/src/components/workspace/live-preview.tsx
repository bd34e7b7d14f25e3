"use client";

import type { Plot } from "@sawtooth/theory";

import { PieceBound } from "@/components/feedback/piece-bound";
import { FunctionPlot, type PlotSeries } from "@/components/plot/function-plot";

import type { Preview } from "./live-analysis";
import { NeuronPlots } from "./neuron-plots";
import { serverAnalysisHint } from "./server-analysis-hint";
import type { SubmissionCheck } from "./submission-check";
import { useDebouncedValue } from "./use-debounced-value";
import { usePreview } from "./use-preview";

/** Milliseconds of quiet typing before the preview is computed again. */
const DEBOUNCE_MS = 300;

interface LivePreviewProps {
  /** The submission text as typed. */
  text: string;
  domain: [string | null, string | null];
  targetPlot: Plot | null;
  /** The pre-submit check, for what to do when the plot gives up on a large network. */
  check: SubmissionCheck;
  attemptsLeft: number | null;
}

/**
 * Draws the student's own function, computed exactly in the browser as they type, drawn with the
 * target when the exercise shows it, with its piece count against Lemma 2.1's bound and a
 * small plot of every hidden neuron.
 */
export function LivePreview(props: LivePreviewProps) {
  const { text, domain, targetPlot } = props;
  const settled = useDebouncedValue(text, DEBOUNCE_MS);
  const { preview, busy } = usePreview(settled, domain);
  const stale = busy || settled !== text;

  return (
    <section aria-label="Live plot" aria-busy={stale} className="space-y-3">
      <h3 className="text-base font-semibold">
        Your function{" "}
        {stale && <span className="text-sm font-normal text-slate-500">(updating…)</span>}
      </h3>
      {preview === null && (
        <p className="text-sm text-slate-600">
          {stale
            ? "Computing the plot…"
            : "The plot appears when the network can be read: fix the problems listed below."}
        </p>
      )}
      {preview?.status === "unavailable" && (
        <p className="text-sm text-amber-800">
          {preview.message}
          {preview.serverCanGrade && ` ${serverAnalysisHint(props.check, props.attemptsLeft)}`}
        </p>
      )}
      {preview?.status === "ready" && (
        <ReadyPreview preview={preview} domain={domain} targetPlot={targetPlot} />
      )}
    </section>
  );
}

interface ReadyPreviewProps {
  preview: Extract<Preview, { status: "ready" }>;
  domain: [string | null, string | null];
  targetPlot: Plot | null;
}

/** Draws a computed preview: the plot, the piece count against the bound, the neurons. */
export function ReadyPreview({ preview, domain, targetPlot }: ReadyPreviewProps) {
  const single = preview.outputs.length === 1;
  const series: PlotSeries[] = preview.outputs.map((plot, i) => ({
    label: single ? "Your network" : `Your output ${i + 1}`,
    plot,
    tone: "student",
  }));
  if (targetPlot !== null) series.push({ label: "Target", plot: targetPlot, tone: "target" });
  const pieces = preview.outputs.map((plot) => plot.pieces.toLocaleString("en")).join(", ");
  const { t, m, depth, value } = preview.bound;

  return (
    <>
      <FunctionPlot title="Your function" series={series} domain={domain} />
      <p className="text-sm" data-testid="piece-count">
        {single ? "Linear pieces" : "Linear pieces per output"}: <strong>{pieces}</strong>
        {targetPlot !== null && <> (target: {targetPlot.pieces.toLocaleString("en")})</>}. Lemma 2.1
        bounds this architecture by <PieceBound figures={{ t, m, depth }} value={value} />.
      </p>
      {preview.neurons === null ? (
        <p className="text-sm text-slate-600">
          Neuron plots are left out because a hidden layer has too many breakpoints to keep.
        </p>
      ) : (
        <NeuronPlots neurons={preview.neurons} domain={domain} />
      )}
    </>
  );
}
