import type { Plot } from "@sawtooth/theory";

import type { ExactInterval } from "./plot-geometry";

/** Breakpoints listed by name in a description; longer lists give only the count. */
const LISTED_BREAKPOINTS = 8;

/**
 * Formats an interval as `[0, 1/2]`, `(0, 1/2)`, `(-∞, 0]` or `ℝ`. `closed` lists which finite
 * ends the interval contains, and a domain contains both.
 */
export function formatInterval(
  [lo, hi]: ExactInterval,
  [loClosed, hiClosed]: [boolean, boolean] = [true, true],
): string {
  if (lo === null && hi === null) return "ℝ";
  const left = lo === null ? "(-∞" : `${loClosed ? "[" : "("}${lo}`;
  const right = hi === null ? "∞)" : `${hi}${hiClosed ? "]" : ")"}`;
  return `${left}, ${right}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Describes one function in words: its pieces, breakpoints and end slopes, exactly. */
export function describePlot(label: string, plot: Plot): string {
  const parts = [`${label}: ${plural(plot.pieces, "linear piece")}`];
  if (plot.points === null) {
    parts.push("too many breakpoints to draw");
  } else if (plot.points.length <= LISTED_BREAKPOINTS) {
    const points = plot.points.map(([x, y]) => `(${x}, ${y})`).join(", ");
    if (points !== "") parts.push(`through ${points}`);
  } else {
    parts.push(`${plot.points.length} breakpoints`);
  }
  if (plot.leftSlope !== null) parts.push(`slope ${plot.leftSlope} towards -∞`);
  if (plot.rightSlope !== null) parts.push(`slope ${plot.rightSlope} towards ∞`);
  return `${parts.join(", ")}.`;
}

/**
 * Describes a whole figure: the domain, each function and the shaded intervals, with the ends
 * each shaded interval contains in `highlightEnds` (both when left out).
 */
export function describeFigure(
  series: { label: string; plot: Plot }[],
  domain: ExactInterval,
  highlight: ExactInterval[],
  highlightEnds: [boolean, boolean][] = [],
): string {
  const sentences = [`On ${formatInterval(domain)}.`];
  for (const { label, plot } of series) sentences.push(describePlot(label, plot));
  if (highlight.length > 0) {
    const shaded = highlight.map((interval, i) => formatInterval(interval, highlightEnds[i]));
    sentences.push(`Shaded where the functions differ: ${shaded.join(", ")}.`);
  }
  return sentences.join(" ");
}
