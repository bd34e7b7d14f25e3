import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

import { analyzeNetwork } from "../src/analysis/analyze";
import type { Exercise } from "../src/exercise/schema";
import { prepareExercise, type PreparedExercise } from "../src/exercise/prepare";
import { gradeNetwork } from "../src/grading/grade";
import type { Feedback } from "../src/grading/feedback";
import type { Network } from "../src/network/network";
import { randomNetwork, sawtoothNetwork, yarotskySquareNetwork } from "../src/testing/networks";
import { floatGrid, pieceMidpoints } from "./float-grid";

/**
 * Times exact grading against a float64 evaluation of the same network at one point per piece,
 * and writes the table into docs/benchmarks.md between the theory markers.
 */

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const RECORD = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url));

interface Row {
  name: string;
  pieces: number;
  arithmetic: string;
  verdict: string;
  exactMs: number;
  floatMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs `work` once to warm up, then REPEATS times, and returns the median in milliseconds. */
function time(work: () => unknown): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function prepare(
  target: Exercise["target"] | Record<string, unknown>,
  domain: unknown,
  reference: Network,
): PreparedExercise {
  const result = prepareExercise({
    id: "bench",
    title: "bench",
    statement: "bench",
    domain,
    target,
    reference: { layers: [{ weights: [[1]], biases: [0] }] },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { ...result.prepared, reference, targetNetwork: reference };
}

function measure(name: string, prepared: PreparedExercise, network: Network): Row {
  let feedback: Feedback | undefined;
  const exactMs = time(() => {
    feedback = gradeNetwork(prepared, network);
  });
  const analysis = analyzeNetwork(network, prepared.domain);
  const points = pieceMidpoints(analysis.outputs[0]!);
  const floatMs = time(() => floatGrid(network, points));
  return {
    name,
    pieces: feedback!.pieces.submitted ?? 0,
    arithmetic: analysis.arithmetic,
    verdict: feedback!.verdict,
    exactMs,
    floatMs,
  };
}

function sawtoothRows(): Row[] {
  return [8, 12, 16, 20].map((k) =>
    measure(
      `f^${k} on [0, 1]`,
      prepare({ kind: "sawtooth", k }, [0, 1], sawtoothNetwork(k)),
      sawtoothNetwork(k),
    ),
  );
}

function randomRows(): Row[] {
  const rows: Row[] = [];
  for (const depth of [3, 5, 8]) {
    for (const width of [8, 16, 32]) {
      const network = randomNetwork(1000 * depth + width, {
        depth: [depth, depth],
        width: [width, width],
        numbers: "integer",
      });
      const placeholder = { layers: [{ weights: [[1]], biases: [0] }] };
      const prepared = prepare({ kind: "network", network: placeholder }, [-4, 4], network);
      rows.push(measure(`random depth ${depth}, width ${width}, on [-4, 4]`, prepared, network));
    }
  }
  return rows;
}

function yarotskyRows(): Row[] {
  const rows: Row[] = [];
  for (let m = 2; m <= 14; m += 2) {
    const tolerance = `1/${2n ** BigInt(2 * m + 2)}`;
    const target = { kind: "polynomial", coefficients: [0, 0, 1], tolerance };
    const network = yarotskySquareNetwork(m);
    rows.push(measure(`Yarotsky x², m = ${m}`, prepare(target, [0, 1], network), network));
  }
  return rows;
}

function table(rows: Row[]): string {
  const lines = [
    "| case | pieces | arithmetic | verdict | exact grading (ms) | float64 grid (ms) | exact / float |",
    "|---|---:|---|---|---:|---:|---:|",
  ];
  for (const row of rows) {
    const ratio = row.floatMs > 0 ? (row.exactMs / row.floatMs).toFixed(2) : "–";
    lines.push(
      `| ${row.name} | ${row.pieces.toLocaleString("en")} | ${row.arithmetic} | ${row.verdict} | ${row.exactMs.toFixed(1)} | ${row.floatMs.toFixed(1)} | ${ratio} |`,
    );
  }
  return lines.join("\n");
}

function machine(): string {
  const cpu = cpus();
  const memory = (totalmem() / 2 ** 30).toFixed(0);
  return `${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${memory} GiB, Node.js ${process.version}`;
}

function record(section: string): void {
  const start = "<!-- theory:start -->";
  const end = "<!-- theory:end -->";
  let text = "";
  try {
    text = readFileSync(RECORD, "utf8");
  } catch {
    text = `# Benchmarks\n\n${start}\n${end}\n`;
  }
  const before = text.includes(start) ? text.slice(0, text.indexOf(start)) : `${text}\n`;
  const after = text.includes(end) ? text.slice(text.indexOf(end) + end.length) : "\n";
  writeFileSync(RECORD, `${before}${start}\n${section}\n${end}${after}`);
}

const sections = [
  ["The sawtooth f^k, graded against the sawtooth target", sawtoothRows()],
  [
    "Random one-input ReLU networks (integer weights in [−3, 3]), graded against themselves as a reference network",
    randomRows(),
  ],
  ["Yarotsky's x² network, graded against x² with tolerance 2^(−2m−2)", yarotskyRows()],
] as const;

const report = [
  "## Exact grading engine (`pnpm bench`)",
  "",
  `Measured on ${machine()}, ${new Date().toISOString().slice(0, 10)}. Each time is the median of ${REPEATS} runs after one warm-up run.`,
  '"Exact grading" is `gradeNetwork`: analysis, target, comparison, plots and messages. "float64 grid" evaluates the same network in doubles at one point per piece of its exact function, the cheapest check a tolerance-based grader could make.',
  "",
  ...sections.flatMap(([title, rows]) => [`### ${title}`, "", table([...rows]), ""]),
].join("\n");

record(report);
process.stdout.write(`${report}\n`);
