"use client";

import type { NeuronPlot } from "@sawtooth/theory";

import { FunctionPlot } from "@/components/plot/function-plot";

interface NeuronPlotsProps {
  neurons: NeuronPlot[];
  domain: [string | null, string | null];
}

/** Draws each hidden neuron's function after its activation as a small plot, dead ones marked. */
export function NeuronPlots({ neurons, domain }: NeuronPlotsProps) {
  if (neurons.length === 0) return null;
  return (
    <section aria-label="Hidden neurons">
      <h4 className="text-sm font-semibold">Hidden neurons, after the activation</h4>
      <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {neurons.map((neuron) => {
          const name = `Layer ${neuron.layer}, neuron ${neuron.neuron}`;
          return (
            <li key={name} className={neuron.dead ? "opacity-70" : undefined}>
              <FunctionPlot
                compact
                title={neuron.dead ? `${name} (dead: 0 everywhere)` : name}
                series={[{ label: name, plot: neuron, tone: "neuron" }]}
                domain={domain}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
