import type { Feedback, NeuronPlot } from "@sawtooth/theory";

import { ExactNumber, SentenceWithNumbers } from "@/components/exact-number";
import { FunctionPlot, type PlotSeries } from "@/components/plot/function-plot";

import { differenceEnds, formatInterval, type ExactInterval } from "./feedback-format";
import { PieceBound } from "./piece-bound";

interface FunctionFeedbackProps {
  feedback: Feedback;
  domain: ExactInterval;
}

/**
 * Shows what the grader found out about the submitted function: the counterexample with exact
 * values, the sup norm, the intervals where it differs from the target, the piece counts against
 * the bound (t·m)^ℓ, and the plots. The target appears only when the feedback carries it.
 */
export function FunctionFeedback({ feedback, domain }: FunctionFeedbackProps) {
  const { counterexample, supNorm, differences, pieces, plots } = feedback;
  const ends = differences?.intervals.map((_, i) => differenceEnds(differences, i, domain)) ?? [];

  return (
    <>
      {(counterexample || supNorm !== null || differences) && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {counterexample && (
            <>
              <dt className="font-medium">Counterexample</dt>
              <dd>
                at x = <Exact value={counterexample.x} />
                {counterexample.expected !== undefined && (
                  <>
                    , expected <Exact value={counterexample.expected} />
                  </>
                )}
                , your network gives <Exact value={counterexample.actual} />
              </dd>
            </>
          )}
          {supNorm !== null && (
            <>
              <dt className="font-medium">Largest difference</dt>
              <dd>
                {supNorm === "unbounded" ? "unbounded" : <Exact value={supNorm} />} (sup norm)
              </dd>
            </>
          )}
          {differences && (
            <>
              <dt className="font-medium">Differs on</dt>
              <dd>
                <SentenceWithNumbers
                  text={differences.intervals
                    .map((interval, i) => formatInterval(interval, ends[i] ?? [false, false]))
                    .join(", ")}
                />
                {differences.count > differences.intervals.length &&
                  ` and ${differences.count - differences.intervals.length} more intervals`}
              </dd>
            </>
          )}
        </dl>
      )}

      {pieces.submitted !== null && (
        <p className="text-sm">
          Linear pieces: yours {pieces.submitted}
          {pieces.target !== null && `, the target's ${pieces.target}`}
          {pieces.bound !== null && (
            <>
              , at most <PieceBound value={pieces.bound} /> for your architecture
            </>
          )}
          .
        </p>
      )}

      {plots.submitted && (
        <FunctionPlot
          title={plots.target ? "Your function and the target" : "Your function"}
          series={functionSeries(feedback)}
          highlight={differences?.intervals ?? []}
          highlightEnds={ends}
          domain={domain}
        />
      )}

      {plots.neurons.length > 0 && <NeuronGrid neurons={plots.neurons} domain={domain} />}
    </>
  );
}

function functionSeries({ plots }: Feedback): PlotSeries[] {
  const series: PlotSeries[] = [];
  if (plots.submitted) {
    series.push({ label: "Your network", plot: plots.submitted, tone: "student" });
  }
  if (plots.target) {
    series.push({ label: "Target", plot: plots.target, tone: "target" });
  }
  return series;
}

function NeuronGrid({ neurons, domain }: { neurons: NeuronPlot[]; domain: ExactInterval }) {
  return (
    <div>
      <h3 className="font-semibold">Hidden neurons after the activation</h3>
      <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {neurons.map((neuron) => {
          const name = `Layer ${neuron.layer}, neuron ${neuron.neuron}`;
          return (
            <li key={name} className="rounded border border-slate-200 bg-white p-2">
              {neuron.dead && (
                <p className="mb-1 text-xs">
                  <span className="rounded bg-rose-100 px-1.5 py-0.5 text-rose-800">
                    dead: 0 on the whole domain
                  </span>
                </p>
              )}
              <FunctionPlot
                title={neuron.dead ? `${name} (dead)` : name}
                series={[{ label: name, plot: neuron, tone: "neuron" }]}
                domain={domain}
                compact
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Exact({ value }: { value: string }) {
  return <ExactNumber value={value} className="font-mono" />;
}
