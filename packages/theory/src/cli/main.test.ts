import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { formatRational } from "../rational";
import { JSON_LIMITS } from "../submission/index";
import { parseDomain } from "./arguments";

const PACKAGE = fileURLToPath(new URL("../../", import.meta.url));
const TSX = path.join(PACKAGE, "node_modules", ".bin", "tsx");
const MAIN = path.join(PACKAGE, "src", "cli", "main.ts");
const EXERCISES = path.join(PACKAGE, "..", "courses", "deep-learning-theory", "exercises");

const TENT_H2 = {
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [0] },
  ],
};
/** TENT_H2 as a PyTorch state_dict of Linear, ReLU, Linear: modules 0 and 2. */
const TENT_H2_STATE_DICT = {
  "0.weight": [[1], [1]],
  "0.bias": [0, "-1/2"],
  "2.weight": [[2, -4]],
  "2.bias": [0],
};
const WRONG = {
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -2]], biases: [0] },
  ],
};

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in a child process from `cwd`, as `pnpm theory` would with INIT_CWD.
 * Standard input is the `stdin` text, or the file `stdinFile` such as /dev/zero. A child that
 * runs longer than 15 seconds is killed, so a CLI that never ends fails its test.
 */
function cli(
  args: string[],
  options: { stdin?: string; stdinFile?: string; cwd?: string } = {},
): Promise<CliRun> {
  const cwd = options.cwd ?? PACKAGE;
  const stdinFd = options.stdinFile === undefined ? undefined : openSync(options.stdinFile, "r");
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [MAIN, ...args], {
      cwd: PACKAGE,
      env: { ...process.env, INIT_CWD: cwd },
      stdio: [stdinFd ?? "pipe", "pipe", "pipe"],
      timeout: 15_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr?.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => {
      if (stdinFd !== undefined) closeSync(stdinFd);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin?.on("error", () => {
      // The CLI stops reading an input over the size limit, so the pipe may close early.
    });
    child.stdin?.end(options.stdin ?? "");
  });
}

describe("theory grade", { timeout: 20_000 }, () => {
  it("exits 0 with JSON for a correct network", async () => {
    const run = await cli(["grade", "--exercise", "tent-h2", "-", "--json"], {
      stdin: JSON.stringify(TENT_H2),
    });
    expect(run.code).toBe(0);
    const feedback = JSON.parse(run.stdout);
    expect(feedback.verdict).toBe("correct");
    expect(feedback.score).toBe(1);
    expect(feedback.pieces).toEqual({ submitted: 3, target: 3, bound: "16" });
  });

  it("exits 1 with a counterexample for wrong weights", async () => {
    const run = await cli(["grade", "-e", "tent-h2", "-", "--json"], {
      stdin: JSON.stringify(WRONG),
    });
    expect(run.code).toBe(1);
    const feedback = JSON.parse(run.stdout);
    expect(feedback.verdict).toBe("incorrect");
    expect(feedback.counterexample).toEqual({ x: "1", expected: "0", actual: "1" });
    expect(feedback.checks.map((c: { id: string }) => c.id)).toEqual([
      "submission",
      "architecture",
      "target",
    ]);
  });

  it("exits 2 naming line and column of malformed JSON", async () => {
    const run = await cli(["grade", "--exercise", "tent-h2", "-", "--json"], {
      stdin: '{"layers": [\n  {"weights": [[1]] "biases": [0]}]}',
    });
    expect(run.code).toBe(2);
    const feedback = JSON.parse(run.stdout);
    expect(feedback.verdict).toBe("invalid");
    expect(feedback.messages[1]).toMatch(/line 2, column 21/);
  });

  it("prints a text report without --json", async () => {
    const run = await cli(["grade", "--exercise", "tent-h2", "-"], {
      stdin: JSON.stringify(WRONG),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Verdict: incorrect (score 0)");
    expect(run.stdout).toContain("Counterexample: x = 1, expected 0, actual 1");
    expect(run.stdout).toContain("Sup norm of the difference: unbounded");
    // h2 and the wrong network agree at 1/2, so the interval leaves that end out.
    expect(run.stdout).toContain("Differs on: (1/2, ∞)");
  });

  it("reports a state_dict's module mapping", async () => {
    const run = await cli(["grade", "--exercise", "tent-h2", "-"], {
      stdin: JSON.stringify(TENT_H2_STATE_DICT),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("state_dict modules: 0 → layer 1, 2 → layer 2");
  });

  it("resolves paths against the caller's folder", async () => {
    const run = await cli(["grade", "--exercise", "./tent-h3.json", "-", "--json"], {
      cwd: EXERCISES,
      stdin: JSON.stringify({ ...TENT_H2, outputActivation: "relu" }),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).verdict).toBe("correct");
  });

  it("exits 2 for an unknown exercise with empty stdout", async () => {
    const run = await cli(["grade", "--exercise", "tent-h9", "-", "--json"], { stdin: "{}" });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('no exercise with id "tent-h9"');
  });

  it("exits 2 for a missing submission file", async () => {
    const run = await cli(["grade", "--exercise", "tent-h2", "missing.json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read missing\.json .*no such file/);
  });

  it("exits 2 for a special file", async () => {
    const run = await cli(["grade", "--exercise", "tent-h2", "/dev/zero", "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("the input is larger than 1048576 characters");
  });

  it("stops reading endless standard input", async () => {
    const run = await cli(["grade", "--exercise", "tent-h2", "-"], { stdinFile: "/dev/zero" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot read standard input: the input is larger than");
  });

  it("exits 2 for standard input over the limit", async () => {
    const text = `[${" ".repeat(JSON_LIMITS.maxLength)}]`;
    const run = await cli(["grade", "--exercise", "tent-h2", "-", "--json"], { stdin: text });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("the input is larger than 1048576 characters");
  });

  it("exits 2 for a network over the width limit", async () => {
    const wide = {
      layers: [
        { weights: [[1], [1], [1]], biases: [0, 0, 0] },
        { weights: [[1, 1, 1]], biases: [0] },
      ],
    };
    const run = await cli(["grade", "--exercise", "tent-h2", "-", "--json"], {
      stdin: JSON.stringify(wide),
    });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).checks[1].findings[0].code).toBe("architecture.too-wide");
  });
});

describe("theory inspect", { timeout: 20_000 }, () => {
  it("reports the function and neurons as JSON", async () => {
    const run = await cli(["inspect", "-", "--domain", "-1,1", "--json"], {
      stdin: JSON.stringify(TENT_H2),
    });
    expect(run.code).toBe(0);
    const inspection = JSON.parse(run.stdout);
    expect(inspection.domain).toBe("[-1, 1]");
    expect(inspection.outputs[0].points).toEqual([
      ["-1", "0"],
      ["0", "0"],
      ["1/2", "1"],
      ["1", "0"],
    ]);
    expect(inspection.outputs[0].pieces).toBe(3);
    expect(inspection.pieceBound).toEqual({ t: 2, m: 2, l: 2, bound: "16" });
    expect(inspection.neurons).toHaveLength(2);
    expect(inspection.deadNeurons).toEqual([]);
  });

  it("names dead neurons in the text report", async () => {
    const dead = {
      layers: [
        { weights: [[1], [0]], biases: [0, -1] },
        { weights: [[1, 1]], biases: [0] },
      ],
    };
    const run = await cli(["inspect", "-"], { stdin: JSON.stringify(dead) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Dead neurons: layer 1 neuron 2");
    expect(run.stdout).toContain("(t·m)^ℓ = (2·2)^2 = 16");
  });

  it("reports a state_dict's module mapping", async () => {
    const stdin = JSON.stringify(TENT_H2_STATE_DICT);
    const text = await cli(["inspect", "-"], { stdin });
    expect(text.stdout).toContain("state_dict modules: 0 → layer 1, 2 → layer 2");
    const json = await cli(["inspect", "-", "--json"], { stdin });
    expect(JSON.parse(json.stdout).mapping).toEqual([
      { key: "0", layer: 1 },
      { key: "2", layer: 2 },
    ]);
  });

  it("reports no mapping for the native format", async () => {
    const run = await cli(["inspect", "-", "--json"], { stdin: JSON.stringify(TENT_H2) });
    expect(JSON.parse(run.stdout).mapping).toBeNull();
  });

  it("words the layer widths", async () => {
    const two = await cli(["inspect", "-"], { stdin: JSON.stringify(TENT_H2) });
    expect(two.stdout).toContain("Architecture: 1 input, layers of 2 and 1 neurons; depth 2");
    const single = { layers: [{ weights: [[2]], biases: [0] }] };
    const one = await cli(["inspect", "-"], { stdin: JSON.stringify(single) });
    expect(one.stdout).toContain("Architecture: 1 input, one layer of 1 neuron; depth 1");
  });

  it("exits 2 for an invalid domain", async () => {
    const run = await cli(["inspect", "-", "--domain", "1,0"], { stdin: JSON.stringify(TENT_H2) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the lower end is above the upper end");
  });

  it("exits 2 for -inf as the upper end", async () => {
    const run = await cli(["inspect", "-", "--domain", "0,-inf"], {
      stdin: JSON.stringify(TENT_H2),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("-inf can only be the lower end and inf only the upper end");
  });
});

describe("parseDomain", () => {
  it.each([
    ["0,-inf", "the lower end must be below the upper end, so -inf can only be the lower end"],
    ["inf,0", "the lower end must be below the upper end, so -inf can only be the lower end"],
    ["-inf,-inf", "the lower end must be below the upper end"],
    ["0,1e400", 'the upper end: "1e400" is out of range'],
    ["1e-400,1", 'the lower end: "1e-400" is out of range'],
    ["0,infinity", 'write an unbounded upper end as inf, not "infinity"'],
    ["x,1", 'the lower end: "x" is not a number'],
    [",1", "the lower end is missing"],
    ["1,0", "the lower end is above the upper end"],
  ])("rejects %s with its reason", (text, reason) => {
    const result = parseDomain(text);
    expect(typeof result).toBe("string");
    expect(result).toContain(reason);
  });

  it.each([
    ["-inf,inf", null, null],
    ["-1/2,+inf", "-1/2", null],
    [" -1 , 0.25 ", "-1", "1/4"],
  ])("reads %s", (text, lo, hi) => {
    const result = parseDomain(text);
    if (typeof result === "string") throw new Error(result);
    expect(result.lo === null ? null : formatRational(result.lo)).toBe(lo);
    expect(result.hi === null ? null : formatRational(result.hi)).toBe(hi);
  });
});

describe("theory list and help", { timeout: 20_000 }, () => {
  it("lists the course's exercises", async () => {
    const run = await cli(["list", "--json"]);
    expect(run.code).toBe(0);
    const ids = JSON.parse(run.stdout).map((e: { id: string }) => e.id);
    expect(ids).toContain("tent-h2");
    expect(ids).toContain("square-yarotsky-m3");
  });

  it("prints usage for --help", async () => {
    const run = await cli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("grade --exercise <id or path>");
  });

  it("rejects options of other commands", async () => {
    const cases = [
      {
        args: ["grade", "-e", "tent-h2", "-", "--domain", "0,1"],
        named: "grade",
        option: "--domain",
      },
      { args: ["check", "--json"], named: "check", option: "--json" },
      { args: ["list", "--exercise", "tent-h2"], named: "list", option: "--exercise" },
      { args: ["inspect", "-", "--course", "."], named: "inspect", option: "--course" },
    ];
    for (const { args, named, option } of cases) {
      const run = await cli(args, { stdin: JSON.stringify(TENT_H2) });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stdout, args.join(" ")).toBe("");
      expect(run.stderr).toContain(`${named} does not take the option ${option}`);
    }
  });

  it("exits 2 for an unknown command", async () => {
    const run = await cli(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
  });
});
