import {
  approximateDouble,
  parseRational,
  rational,
  type Plot,
  type Rational,
} from "@sawtooth/theory";

/** An interval of the real line with exact ends; null is an unbounded end. */
export type ExactInterval = [string | null, string | null];

/** The part of the plane a plot shows, in the functions' own coordinates. */
export interface ViewWindow {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** A point in the functions' coordinates, converted from exact text for drawing only. */
export interface DrawPoint {
  x: number;
  y: number;
}

/** The smallest x range a plot on an unbounded domain shows, so that [0, 1] stays in view. */
const DEFAULT_SPAN: [number, number] = [-1, 2];

/** Share of the breakpoint range added on each unbounded side. */
const PADDING = 0.25;

/**
 * Largest coordinate a plot draws. Values beyond it are drawn at it, so that differences and
 * scales computed from coordinates stay finite; the exact values appear in titles and text.
 */
const MAX_COORDINATE = 1e300;

/**
 * Converts an exact number such as `-1/2` to a double for drawing, clamped to
 * ±{@link MAX_COORDINATE}; NaN when it is unreadable.
 */
export function toNumber(text: string): number {
  const value = readExact(text);
  if (value === null) return Number.NaN;
  return Math.min(MAX_COORDINATE, Math.max(-MAX_COORDINATE, approximateDouble(value)));
}

/** The engine's exact form `p` or `p/q`, which has no length limit, unlike a submitted number. */
const EXACT_FORM = /^(-?\d+)(?:\/(\d+))?$/;

/** Reads the engine's exact output of any length, or any number a submission may contain. */
function readExact(text: string): Rational | null {
  const match = EXACT_FORM.exec(text);
  if (match !== null && match[2] !== "0") {
    return rational(BigInt(match[1] ?? "0"), BigInt(match[2] ?? "1"));
  }
  const parsed = parseRational(text);
  return parsed.ok ? parsed.value : null;
}

/**
 * Picks the x range of a plot: the domain's bounded ends, and on an unbounded side the
 * breakpoints of every plot padded by a quarter of their range, at least [-1, 2].
 */
export function xRange(
  plots: Plot[],
  domain: ExactInterval,
  highlight: ExactInterval[] = [],
): [number, number] {
  const lo = domain[0] === null ? null : toNumber(domain[0]);
  const hi = domain[1] === null ? null : toNumber(domain[1]);
  const xs = [...breakpointXs(plots), ...finiteEnds(highlight)];
  if (lo !== null) xs.push(lo);
  if (hi !== null) xs.push(hi);
  const finite = xs.filter(Number.isFinite);

  const first = finite.length > 0 ? Math.min(...finite) : DEFAULT_SPAN[0];
  const last = finite.length > 0 ? Math.max(...finite) : DEFAULT_SPAN[1];
  const pad = PADDING * Math.max(last - first, 1);
  let xMin = lo ?? Math.min(first - pad, DEFAULT_SPAN[0]);
  let xMax = hi ?? Math.max(last + pad, DEFAULT_SPAN[1]);
  if (!(xMax > xMin)) {
    // A one-point domain still gets a drawable width around its point.
    xMin -= 0.5;
    xMax += 0.5;
  }
  return [xMin, xMax];
}

function breakpointXs(plots: Plot[]): number[] {
  return plots.flatMap((plot) => (plot.points ?? []).map(([x]) => toNumber(x)));
}

function finiteEnds(intervals: ExactInterval[]): number[] {
  return intervals.flatMap((ends) => ends.filter((e) => e !== null).map(toNumber));
}

/**
 * Returns the polyline of a plot over [xMin, xMax]: its breakpoints, with each unbounded end
 * extended along its end slope to the window's edge. Null when the plot carries no points
 * because it has too many pieces.
 */
export function polylineOf(plot: Plot, [xMin, xMax]: [number, number]): DrawPoint[] | null {
  if (plot.points === null) return null;
  const points = plot.points.map(([x, y]) => ({ x: toNumber(x), y: toNumber(y) }));
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return [];

  const line = [...points];
  if (plot.leftSlope !== null && xMin < first.x) {
    line.unshift({ x: xMin, y: first.y - toNumber(plot.leftSlope) * (first.x - xMin) });
  }
  if (plot.rightSlope !== null && xMax > last.x) {
    line.push({ x: xMax, y: last.y + toNumber(plot.rightSlope) * (xMax - last.x) });
  }
  return line.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}

/** Picks the y range that shows every polyline, padded by a tenth, at least 1 high. */
export function yRange(lines: DrawPoint[][]): [number, number] {
  const ys = lines.flatMap((line) => line.map((p) => p.y));
  if (ys.length === 0) return [-1, 1];
  let yMin = Math.min(...ys);
  let yMax = Math.max(...ys);
  if (yMax - yMin < 1) {
    const middle = (yMin + yMax) / 2;
    yMin = middle - 0.5;
    yMax = middle + 0.5;
  }
  const pad = (yMax - yMin) / 10;
  return [yMin - pad, yMax + pad];
}

/** Clips highlight intervals to the x range; an unbounded end reaches the window's edge. */
export function bandsOf(
  highlight: ExactInterval[],
  [xMin, xMax]: [number, number],
): [number, number][] {
  return highlight
    .map(([lo, hi]): [number, number] => [
      lo === null ? xMin : Math.max(toNumber(lo), xMin),
      hi === null ? xMax : Math.min(toNumber(hi), xMax),
    ])
    .filter(([lo, hi]) => Number.isFinite(lo) && Number.isFinite(hi) && hi >= lo);
}

/** Maps the window onto a drawing area of the given size, y growing downwards as in SVG. */
export function scaleOf(window: ViewWindow, width: number, height: number) {
  const dx = window.xMax - window.xMin;
  const dy = window.yMax - window.yMin;
  return {
    x: (x: number) => ((x - window.xMin) / dx) * width,
    y: (y: number) => height - ((y - window.yMin) / dy) * height,
  };
}
