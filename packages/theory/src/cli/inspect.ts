import { analyzeNetwork, BudgetExceeded } from "../analysis/analyze";
import type { Domain } from "../analysis/domain";
import type { NeuronPlot, Plot } from "../grading/feedback";
import { neuronPlots, plotOf } from "../grading/plots";
import { formatActivation, sawtoothPieces } from "../network/activation";
import { architectureOf, inputCount, pieceBound, type Network } from "../network/network";
import type { LayerMapping, SubmissionFormat } from "../submission/index";

/** What `theory inspect` reports about one network, serialisable as JSON. */
export interface Inspection {
  format: SubmissionFormat;
  /** Assumptions the submission reader made, such as a stripped `module.` prefix. */
  notes: string[];
  /** For a state_dict, the layer each module index became; null for the native format. */
  mapping: LayerMapping[] | null;
  architecture: {
    inputs: number;
    outputs: number;
    depth: number;
    width: number;
    widths: number[];
    parameters: number;
    activation: string;
    outputActivation: string;
  };
  domain: string;
  /** Lemma 2.1's bound (t·m)^ℓ with its factors; the bound is a decimal string. */
  pieceBound: { t: number; m: number; l: number; bound: string };
  /** One exact function per output neuron. */
  outputs: Plot[];
  /** Each hidden neuron after its activation; null when a hidden layer is too large to keep. */
  neurons: NeuronPlot[] | null;
  deadNeurons: { layer: number; neuron: number }[];
}

export type InspectResult = { ok: true; inspection: Inspection } | { ok: false; message: string };

/** Computes a network's exact function, piece count and hidden neurons on a domain. */
export function inspectNetwork(
  network: Network,
  domain: Domain,
  read: {
    format: SubmissionFormat;
    notes: string[];
    mapping: LayerMapping[] | undefined;
    domainText: string;
  },
): InspectResult {
  const inputs = inputCount(network);
  if (inputs !== 1) {
    return {
      ok: false,
      message: `the network takes ${inputs} inputs, but inspect analyses one-input networks only`,
    };
  }
  let analysis;
  try {
    analysis = analyzeNetwork(network, domain, { neurons: true });
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    return {
      ok: false,
      message: `the function has too many pieces to analyse: layer ${error.layer} needs more than ${error.limit} breakpoints`,
    };
  }

  const figures = architectureOf(network);
  const neurons = analysis.neurons === null ? null : neuronPlots(analysis.neurons);
  const t = Math.max(sawtoothPieces(network.activation), sawtoothPieces(network.outputActivation));
  const inspection: Inspection = {
    format: read.format,
    notes: read.notes,
    mapping: read.mapping ?? null,
    architecture: {
      inputs: figures.inputs,
      outputs: figures.outputs,
      depth: figures.depth,
      width: figures.width,
      widths: figures.widths,
      parameters: figures.parameters,
      activation: formatActivation(network.activation),
      outputActivation: formatActivation(network.outputActivation),
    },
    domain: read.domainText,
    pieceBound: { t, m: figures.width, l: figures.depth, bound: pieceBound(network).toString() },
    outputs: analysis.outputs.map(plotOf),
    neurons,
    deadNeurons: (neurons ?? [])
      .filter((n) => n.dead)
      .map(({ layer, neuron }) => ({ layer, neuron })),
  };
  return { ok: true, inspection };
}
