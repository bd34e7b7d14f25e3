import type { Feedback, Plot } from "../grading/feedback";
import { formatInterval } from "../grading/messages";
import type { Exercise } from "../exercise/schema";
import type { LayerMapping } from "../submission/index";
import type { Inspection } from "./inspect";

/** Breakpoints listed in a text report before the rest is summarised. */
const LISTED_POINTS = 24;

/**
 * Renders feedback as the text report of `theory grade`, with the state_dict `mapping` when
 * the submission was one.
 */
export function formatFeedback(
  feedback: Feedback,
  exercise: Exercise,
  mapping?: LayerMapping[],
): string {
  const lines = [`Exercise ${exercise.id}: ${exercise.title}`];
  lines.push(`Verdict: ${feedback.verdict} (score ${feedback.score})`, "");
  lines.push(...feedback.messages.map((message) => `  ${message}`), "");

  const example = feedback.counterexample;
  if (example !== null) {
    const expected = example.expected === undefined ? "" : `, expected ${example.expected}`;
    lines.push(`Counterexample: x = ${example.x}${expected}, actual ${example.actual}`);
  }
  if (feedback.supNorm !== null) lines.push(`Sup norm of the difference: ${feedback.supNorm}`);
  if (feedback.differences !== null) {
    const { intervals, closed, count } = feedback.differences;
    const listed = intervals
      .map(([lo, hi], i) => formatInterval(lo, hi, closed?.[i] ?? [true, true]))
      .join(", ");
    const more = count > intervals.length ? `, … (${count} in all)` : "";
    lines.push(`Differs on: ${listed}${more}`);
  }
  const { submitted, target, bound } = feedback.pieces;
  if (submitted !== null || bound !== null) {
    const parts = [`submitted ${submitted ?? "not computed"}`];
    if (target !== null) parts.push(`target ${target}`);
    if (bound !== null) parts.push(`Lemma 2.1 bound (t·m)^ℓ = ${bound}`);
    lines.push(`Pieces: ${parts.join(", ")}`);
  }
  if (feedback.architecture !== null) {
    const { depth, widths, parameters } = feedback.architecture;
    lines.push(
      `Architecture: depth ${depth}, widths ${widths.join("-")}, ${parameters} parameters`,
    );
  }
  if (mapping !== undefined) lines.push(formatMapping(mapping));
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Renders an inspection as the text report of `theory inspect`. */
export function formatInspection(inspection: Inspection): string {
  const { architecture: a, pieceBound: b } = inspection;
  const lines = [
    `Format: ${inspection.format}${inspection.notes.length ? ` (${inspection.notes.join("; ")})` : ""}`,
    ...(inspection.mapping === null ? [] : [formatMapping(inspection.mapping)]),
    `Architecture: ${plural(a.inputs, "input")}, ${describeLayers(a.widths)}; depth ${a.depth}, width ${a.width}, ${a.parameters} parameters`,
    `Activations: ${a.activation} after hidden layers, ${a.outputActivation} on the output`,
    `Domain: ${inspection.domain}`,
  ];
  inspection.outputs.forEach((plot, index) => {
    const name = inspection.outputs.length === 1 ? "Function" : `Output ${index + 1}`;
    lines.push(
      "",
      `${name}: ${plural(plot.pieces, "linear piece")}, at most (t·m)^ℓ = (${b.t}·${b.m})^${b.l} = ${b.bound} by Lemma 2.1`,
    );
    lines.push(...describePlot(plot).map((line) => `  ${line}`));
  });

  lines.push("", "Hidden neurons (after the activation):");
  if (inspection.neurons === null) {
    lines.push("  not kept: a hidden layer has too many breakpoints");
  } else if (inspection.neurons.length === 0) {
    lines.push("  none");
  }
  for (const neuron of inspection.neurons ?? []) {
    const dead = neuron.dead ? ", dead: 0 on the whole domain" : "";
    lines.push(
      `  layer ${neuron.layer} neuron ${neuron.neuron}: ${plural(neuron.pieces, "piece")}${dead}`,
    );
    lines.push(...describePlot(neuron).map((line) => `    ${line}`));
  }
  const dead = inspection.deadNeurons.map((n) => `layer ${n.layer} neuron ${n.neuron}`);
  if (inspection.neurons === null) lines.push("", "Dead neurons: not checked");
  else lines.push("", `Dead neurons: ${dead.length > 0 ? dead.join(", ") : "none"}`);
  return `${lines.join("\n")}\n`;
}

function describePlot(plot: Plot): string[] {
  const lines: string[] = [];
  if (plot.points === null) {
    lines.push("breakpoints: too many to list");
  } else {
    const shown = plot.points.slice(0, LISTED_POINTS).map(([x, y]) => `(${x}, ${y})`);
    const rest = plot.points.length - shown.length;
    lines.push(
      `breakpoints (x, y): ${shown.join(" ")}${rest > 0 ? ` … and ${rest} more (--json lists all)` : ""}`,
    );
  }
  const slopes: string[] = [];
  if (plot.leftSlope !== null) slopes.push(`left ${plot.leftSlope}`);
  if (plot.rightSlope !== null) slopes.push(`right ${plot.rightSlope}`);
  if (slopes.length > 0) lines.push(`end slopes: ${slopes.join(", ")}`);
  return lines;
}

/** Writes which layer each state_dict module became: `state_dict modules: 0 → layer 1`. */
function formatMapping(mapping: LayerMapping[]): string {
  const pairs = mapping.map(({ key, layer }) => `${key} → layer ${layer}`);
  return `state_dict modules: ${pairs.join(", ")}`;
}

/** Describes layer widths: `one layer of 1 neuron`, `layers of 2 and 1 neurons`. */
function describeLayers(widths: readonly number[]): string {
  if (widths.length === 1) return `one layer of ${plural(widths[0]!, "neuron")}`;
  return `layers of ${joinWords(widths.map(String))} neurons`;
}

/** Joins words as in a sentence: `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
