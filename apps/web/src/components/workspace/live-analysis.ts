import {
  analyzeNetwork,
  architectureOf,
  BudgetExceeded,
  neuronPlots,
  parseRational,
  pieceBound,
  plotOf,
  sawtoothPieces,
  type Domain,
  type Network,
  type NeuronPlot,
  type Plot,
} from "@sawtooth/theory";

/**
 * Breakpoints the browser's analysis may create in one layer. `pnpm bench` grades f^20, about a
 * million breakpoints, in about 0.7 s on one server core, so dyadic networks at this bound take
 * a fraction of a second. In rationals f^16 (65,538 pieces) took 1.8 s on the same machine, so
 * the preview runs in a Web Worker with a timeout. The server grades with `DEFAULT_BUDGET`.
 */
export const PREVIEW_BREAKPOINTS = 200_000;

/** Lemma 2.1's bound (t·m)^ℓ on the pieces of a one-input network, with its three figures. */
export interface PieceBound {
  /** Linear pieces of the activation (t-sawtooth). */
  t: number;
  /** Width: the most neurons in one layer. */
  m: number;
  /** Depth: the number of affine layers. */
  depth: number;
  value: string;
}

/** The live preview of the student's own function, computed in the browser. */
export type Preview =
  | {
      status: "ready";
      /** One plot per output neuron. */
      outputs: Plot[];
      /** Each hidden neuron after its activation; null when the grids are too large to keep. */
      neurons: NeuronPlot[] | null;
      bound: PieceBound;
    }
  /**
   * The network cannot be drawn, for the reason in `message`. `serverCanGrade` is true when
   * only the browser's limits stop it, so the server can still analyse it on submit.
   */
  | { status: "unavailable"; message: string; serverCanGrade: boolean };

/** Reads the domain's exact ends; an unreadable end counts as unbounded. */
export function domainOf([lo, hi]: [string | null, string | null]): Domain {
  const read = (text: string | null) => {
    if (text === null) return null;
    const parsed = parseRational(text);
    return parsed.ok ? parsed.value : null;
  };
  return { lo: read(lo), hi: read(hi) };
}

/** Computes the exact function of a network and of its hidden neurons for the live plot. */
export function previewOf(
  network: Network,
  domain: Domain,
  maxBreakpoints = PREVIEW_BREAKPOINTS,
): Preview {
  const inputs = architectureOf(network).inputs;
  if (inputs !== 1) {
    return {
      status: "unavailable",
      message: `The plot needs a network with 1 input; this one takes ${inputs}.`,
      serverCanGrade: false,
    };
  }
  try {
    const analysis = analyzeNetwork(network, domain, {
      neurons: true,
      budget: { maxBreakpoints },
    });
    return {
      status: "ready",
      outputs: analysis.outputs.map(plotOf),
      neurons: analysis.neurons === null ? null : neuronPlots(analysis.neurons),
      bound: boundOf(network),
    };
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    return {
      status: "unavailable",
      message:
        `Layer ${error.layer} has more than ${maxBreakpoints.toLocaleString("en")} breakpoints, ` +
        "more than the live plot computes in the browser.",
      serverCanGrade: true,
    };
  }
}

function boundOf(network: Network): PieceBound {
  const { width, depth } = architectureOf(network);
  const t = Math.max(sawtoothPieces(network.activation), sawtoothPieces(network.outputActivation));
  return { t, m: width, depth, value: pieceBound(network).toLocaleString("en") };
}
