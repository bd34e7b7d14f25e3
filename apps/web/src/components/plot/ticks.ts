/**
 * Picks round tick values (steps of 1, 2 or 5 times a power of ten) inside [min, max], about
 * `count` of them.
 */
export function ticksOf(min: number, max: number, count = 5): number[] {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max)) return [];
  const rough = (max - min) / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  // The slack keeps an end that is itself a tick, such as 0.3 = 3 × 0.1, despite rounding.
  const slack = step * 1e-9;
  const ticks: number[] = [];
  for (let i = Math.ceil((min - slack) / step); i * step <= max + slack; i++) {
    // Multiplying the index, not summing steps, keeps 0.1 + 0.2 drift out of the labels.
    ticks.push(Number((i * step).toPrecision(12)));
  }
  return ticks;
}

/** Formats a tick value briefly: `-0.5`, `2`, `1e+6`. */
export function formatTick(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(1).replace(".0e", "e");
  return String(Number(value.toPrecision(4)));
}
