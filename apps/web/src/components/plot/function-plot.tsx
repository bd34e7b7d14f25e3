"use client";

import { useId } from "react";

import type { Plot } from "@sawtooth/theory";

import { abbreviateLongNumbers } from "@/lib/long-number";

import { describeFigure } from "./plot-description";
import {
  bandsOf,
  polylineOf,
  scaleOf,
  toNumber,
  xRange,
  yRange,
  type DrawPoint,
  type ExactInterval,
} from "./plot-geometry";
import { formatTick, ticksOf } from "./ticks";

export type PlotTone = "student" | "target" | "neuron";

export interface PlotSeries {
  label: string;
  plot: Plot;
  tone: PlotTone;
}

export interface FunctionPlotProps {
  title: string;
  series: PlotSeries[];
  /** Intervals to shade, such as where the functions differ; null is an unbounded end. */
  highlight?: ExactInterval[];
  /** Whether each shaded interval contains its lower and upper end, for the description. */
  highlightEnds?: [boolean, boolean][];
  domain: ExactInterval;
  /** A small plot without legend and breakpoint markers, for grids of neurons. */
  compact?: boolean;
}

const TONE_CLASS: Record<PlotTone, string> = {
  student: "stroke-indigo-600 [stroke-width:2.5]",
  target: "stroke-amber-500 [stroke-width:2.5] [stroke-dasharray:6_4]",
  neuron: "stroke-emerald-600 [stroke-width:2]",
};

const SWATCH_CLASS: Record<PlotTone, string> = {
  student: "border-indigo-600",
  target: "border-dashed border-amber-500",
  neuron: "border-emerald-600",
};

/** Breakpoint markers are drawn only up to this many points, so dense plots stay readable. */
const MAX_MARKERS = 40;

const FULL = { width: 480, height: 260, left: 44, right: 12, top: 10, bottom: 26, ticks: 6 };
const SMALL = { width: 200, height: 110, left: 30, right: 6, top: 6, bottom: 18, ticks: 3 };

/**
 * Draws exact piecewise-linear functions as an accessible SVG figure. Breakpoints arrive as
 * exact text and become doubles only for drawing. Unbounded ends extend along their end slopes
 * to the edge of the view. A function with too many pieces to carry points is named in text
 * instead of drawn.
 */
export function FunctionPlot({
  title,
  series,
  highlight = [],
  highlightEnds = [],
  domain,
  compact = false,
}: FunctionPlotProps) {
  const id = useId();
  const size = compact ? SMALL : FULL;
  const innerWidth = size.width - size.left - size.right;
  const innerHeight = size.height - size.top - size.bottom;

  const [xMin, xMax] = xRange(
    series.map((s) => s.plot),
    domain,
    highlight,
  );
  const lines = series.map((s) => polylineOf(s.plot, [xMin, xMax]));
  const drawn = lines.filter((line): line is DrawPoint[] => line !== null);
  const [yMin, yMax] = yRange(drawn);
  const scale = scaleOf({ xMin, xMax, yMin, yMax }, innerWidth, innerHeight);
  const bands = bandsOf(highlight, [xMin, xMax]);
  const undrawn = series.filter((_, i) => lines[i] === null);
  const markerCount = drawn.reduce((sum, line) => sum + line.length, 0);
  const showMarkers = !compact && markerCount <= MAX_MARKERS;

  return (
    <figure className={compact ? "text-xs" : "text-sm"}>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${size.width} ${size.height}`}
        className="w-full rounded border border-slate-200 bg-white"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {abbreviateLongNumbers(describeFigure(series, domain, highlight, highlightEnds))}
        </desc>
        <g transform={`translate(${size.left} ${size.top})`}>
          {bands.map(([lo, hi], i) => (
            <rect
              key={`band-${i}`}
              x={scale.x(lo)}
              y={0}
              width={Math.max(scale.x(hi) - scale.x(lo), 2)}
              height={innerHeight}
              className="fill-rose-200/70"
            />
          ))}
          <Axes
            scale={scale}
            window={{ xMin, xMax, yMin, yMax }}
            width={innerWidth}
            height={innerHeight}
            ticks={size.ticks}
          />
          {series.map((s, i) => {
            const line = lines[i];
            if (!line) return null;
            const points = line.map((p) => `${scale.x(p.x)},${scale.y(p.y)}`).join(" ");
            return (
              <polyline
                key={`line-${i}`}
                points={points}
                fill="none"
                strokeLinejoin="round"
                className={TONE_CLASS[s.tone]}
              />
            );
          })}
          {showMarkers && <Markers series={series} scale={scale} />}
        </g>
      </svg>
      {undrawn.map((s) => (
        <p key={s.label} className="mt-1 text-amber-800">
          {s.label}: {s.plot.pieces.toLocaleString("en")} linear pieces, too many to draw.
        </p>
      ))}
      <figcaption className={compact ? "mt-1 text-slate-700" : "mt-2 text-slate-700"}>
        {compact ? title : <Legend title={title} series={series} shaded={bands.length > 0} />}
      </figcaption>
    </figure>
  );
}

interface AxesProps {
  scale: ReturnType<typeof scaleOf>;
  window: { xMin: number; xMax: number; yMin: number; yMax: number };
  width: number;
  height: number;
  ticks: number;
}

/** Frame, grid lines, tick labels, and the coordinate axes where they fall inside the view. */
function Axes({ scale, window, width, height, ticks }: AxesProps) {
  const xTicks = ticksOf(window.xMin, window.xMax, ticks);
  const yTicks = ticksOf(window.yMin, window.yMax, ticks);
  const zeroX = window.xMin <= 0 && 0 <= window.xMax;
  const zeroY = window.yMin <= 0 && 0 <= window.yMax;
  return (
    <g aria-hidden="true" className="fill-slate-500 text-[10px]">
      <rect width={width} height={height} fill="none" className="stroke-slate-300" />
      {xTicks.map((t) => (
        <g key={`x${t}`}>
          <line x1={scale.x(t)} x2={scale.x(t)} y1={0} y2={height} className="stroke-slate-100" />
          <text x={scale.x(t)} y={height + 12} textAnchor="middle">
            {formatTick(t)}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={`y${t}`}>
          <line x1={0} x2={width} y1={scale.y(t)} y2={scale.y(t)} className="stroke-slate-100" />
          <text x={-4} y={scale.y(t) + 3} textAnchor="end">
            {formatTick(t)}
          </text>
        </g>
      ))}
      {zeroY && (
        <line x1={0} x2={width} y1={scale.y(0)} y2={scale.y(0)} className="stroke-slate-400" />
      )}
      {zeroX && (
        <line x1={scale.x(0)} x2={scale.x(0)} y1={0} y2={height} className="stroke-slate-400" />
      )}
    </g>
  );
}

/** Dots on the breakpoints, each titled with its exact coordinates. */
function Markers({ series, scale }: { series: PlotSeries[]; scale: ReturnType<typeof scaleOf> }) {
  return (
    <g>
      {series.flatMap((s, i) =>
        (s.plot.points ?? []).map(([x, y]) => (
          <circle
            key={`${i}-${x}`}
            cx={scale.x(toNumber(x))}
            cy={scale.y(toNumber(y))}
            r={3}
            className={s.tone === "target" ? "fill-amber-500" : "fill-indigo-600"}
          >
            <title>{abbreviateLongNumbers(`${s.label} at x = ${x}: ${y}`)}</title>
          </circle>
        )),
      )}
    </g>
  );
}

function Legend({
  title,
  series,
  shaded,
}: {
  title: string;
  series: PlotSeries[];
  shaded: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <span className="font-medium">{title}</span>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {series.map((s) => (
          <li key={s.label} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={`inline-block w-5 border-t-2 ${SWATCH_CLASS[s.tone]}`}
            />
            {s.label} ({s.plot.pieces.toLocaleString("en")}{" "}
            {s.plot.pieces === 1 ? "piece" : "pieces"})
          </li>
        ))}
        {shaded && (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-4 bg-rose-200" />
            where they differ
          </li>
        )}
      </ul>
    </div>
  );
}
