import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

import type { LoadResult } from "./load";

export interface StorageCheck {
  /** Attempt ids that responses acknowledged as stored, over the warm-up and all levels. */
  acknowledged: number;
  /** How many of those ids the database holds. */
  acknowledgedFound: number;
  /** Attempts in the database after the run. */
  storedTotal: number;
  students: number;
}

/** Describes the machine: CPU model and cores, memory, Node.js version. */
export function describeMachine(): string {
  const cpu = cpus();
  const memory = (totalmem() / 2 ** 30).toFixed(0);
  const model = cpu[0]?.model.trim() ?? "unknown CPU";
  return `${cpu.length} × ${model}, ${memory} GiB, Node.js ${process.version}`;
}

/** Returns the 1-minute load average, to show how busy the machine was before the run. */
export function currentLoad(): string {
  return (loadavg()[0] ?? 0).toFixed(2);
}

/** Writes the results as a Markdown table, one row per load level. */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [
    "| instances | processes each | clients | responses | requests/s | graded/s | p50 (ms) | p99 (ms) | max (ms) | errors | non-2xx | failed results | duplicates | wrong verdicts | response (KiB) | server CPU (ms/response) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const { instances, workers, result } of rows) {
    const perSecond = (count: number) => (count / result.durationSeconds).toFixed(1);
    const cells = [
      instances,
      workers,
      result.clients,
      result.responses,
      perSecond(result.responses),
      perSecond(result.storedAttemptIds.length),
      result.p50Ms,
      result.p99Ms,
      result.maxMs,
      result.errors,
      result.non2xx,
      result.failedResults,
      result.duplicates,
      result.wrongVerdicts,
      (result.meanResponseBytes / 1024).toFixed(1),
      result.serverCpuMsPerResponse?.toFixed(2) ?? "n/a",
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** One load level's result and the servers it ran against. */
export interface BenchRow {
  /** Separate servers on their own ports, sharing the database. */
  instances: number;
  /** Processes of each server, sharing its port. */
  workers: number;
  result: LoadResult;
}

/** Writes the storage check as one sentence. */
export function formatStorageCheck(check: StorageCheck): string {
  return (
    `The database held ${check.acknowledgedFound} of the ${check.acknowledged} attempts that ` +
    `responses acknowledged as stored, and ${check.storedTotal} attempts in all ` +
    `(the rest were answered after a level's time was up), ` +
    `about ${Math.round(check.storedTotal / check.students)} per student.`
  );
}

/**
 * Replaces the text between the web markers of `file` with `section`, adding the markers at the
 * end when the file has none. The rest of the file, such as the engine's section, is kept.
 */
export function recordSection(file: string, section: string, marker = "web"): void {
  const START = `<!-- ${marker}:start -->`;
  const END = `<!-- ${marker}:end -->`;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    text = "# Benchmarks\n";
  }
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const block = `${START}\n${section}\n${END}`;
  if (start === -1 || end === -1 || end < start) {
    writeFileSync(file, `${text.trimEnd()}\n\n${block}\n`);
    return;
  }
  writeFileSync(file, `${text.slice(0, start)}${block}${text.slice(end + END.length)}`);
}
