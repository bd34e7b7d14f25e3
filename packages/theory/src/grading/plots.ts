import type { Piecewise } from "../analysis/piecewise";
import { formatRational, signOf } from "../rational";
import type { NeuronPlot, Plot } from "./feedback";

/** Most breakpoints a plot carries; past it `points` is null and only the count is given. */
export const MAX_PLOT_POINTS = 1025;

/** Turns a function into exact plot data, merging collinear breakpoints first. */
export function plotOf(f: Piecewise): Plot {
  const g = f.simplify();
  const slopes = g.slopes();
  const format = (value: typeof slopes.left) => (value === null ? null : formatRational(value));
  let points: Plot["points"] = null;
  if (g.size <= MAX_PLOT_POINTS) {
    points = [];
    for (let i = 0; i < g.size; i++) points.push(g.formatPoint(i));
  }
  return {
    points,
    leftSlope: format(slopes.left),
    rightSlope: format(slopes.right),
    pieces: g.pieceCount(),
  };
}

/** Tells whether a function is 0 everywhere on its domain. */
export function isZero(f: Piecewise): boolean {
  const g = f.simplify();
  const slopes = g.slopes();
  if (g.size !== 1 && g.size !== 2) return false;
  for (let i = 0; i < g.size; i++) if (signOf(g.point(i).y) !== 0) return false;
  return [slopes.left, slopes.right].every((s) => s === null || signOf(s) === 0);
}

/** Plots each hidden neuron, numbering layers and neurons from 1. */
export function neuronPlots(layers: Piecewise[][]): NeuronPlot[] {
  return layers.flatMap((neurons, layer) =>
    neurons.map((f, neuron) => ({
      ...plotOf(f),
      layer: layer + 1,
      neuron: neuron + 1,
      dead: isZero(f),
    })),
  );
}
