import path from "node:path";

import { formatDomain, REAL_LINE } from "../analysis/domain";
import {
  DEFAULT_COURSE_FOLDER,
  findExercise,
  formatCourseProblem,
  loadCourse,
  type CourseProblem,
} from "../course/index";
import { grade, gradeNetwork } from "../grading/grade";
import { describeProblem, readSubmission } from "../submission/index";
import {
  findUnsupportedOptions,
  parseArguments,
  parseDomain,
  type ParsedArguments,
} from "./arguments";
import { readInput } from "./input";
import { inspectNetwork } from "./inspect";
import { formatFeedback, formatInspection } from "./report";

/** Exit codes of the command line. */
export const EXIT = {
  /** The submission is correct, or the command succeeded. */
  ok: 0,
  /** The submission was graded incorrect. */
  incorrect: 1,
  /** Invalid usage or input: unknown exercise, unreadable file, malformed JSON, a network that
   * breaks the exercise's constraints or exceeds the analysis budget. */
  invalid: 2,
  /** The grader itself failed; the message names the error. */
  internal: 3,
} as const;

/** The working folder and streams of one run; tests pass their own. */
export interface CliContext {
  /** Folder that relative file arguments are resolved against. */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Opens standard input; called only for a `-` argument. */
  stdin: () => AsyncIterable<Buffer>;
}

export const USAGE = `Usage: pnpm -s theory <command> [options]

Commands:
  grade --exercise <id or path> <submission.json> [--course <folder>] [--json]
      Grade a network against an exercise, found by id in the course (by default the
      lecture's course) or by path. Exit 0 correct, 1 incorrect, 2 invalid.
  inspect <submission.json> [--domain a,b] [--json]
      Print the architecture, the exact function (breakpoints, end slopes, pieces against
      Lemma 2.1's bound) and every hidden neuron. --domain defaults to the real line (R).
  list [--course <folder>] [--json]
      List the exercises of a course, by default the lecture's course.
  check [--course <folder>]
      Validate a course folder and self-test every exercise in it.

A command rejects options that it does not take. A submission argument of - reads standard
input. Relative paths are resolved against the folder you run the command from. With --json,
standard output contains only the JSON result.
`;

/** Runs one command line and returns its exit code. */
export async function run(argv: readonly string[], context: CliContext): Promise<number> {
  const parsed = parseArguments(argv);
  if (!parsed.ok) return usageError(context, parsed.message);
  const args = parsed.value;
  if (args.flags.has("--help") || args.command === undefined) {
    context.stdout(USAGE);
    return args.command === undefined && !args.flags.has("--help") ? EXIT.invalid : EXIT.ok;
  }
  const unsupported = findUnsupportedOptions(args);
  if (unsupported !== undefined) return usageError(context, unsupported);

  switch (args.command) {
    case "help":
      context.stdout(USAGE);
      return EXIT.ok;
    case "grade":
      return gradeCommand(args, context);
    case "inspect":
      return inspectCommand(args, context);
    case "list":
      return listCommand(args, context);
    case "check":
      return checkCommand(args, context);
    default:
      return usageError(context, `unknown command "${args.command}"`);
  }
}

async function gradeCommand(args: ParsedArguments, context: CliContext): Promise<number> {
  const exerciseArgument = args.options.get("--exercise");
  if (exerciseArgument === undefined)
    return usageError(context, "grade needs --exercise <id or path>");
  if (args.positionals.length !== 1) return usageError(context, "grade needs one submission file");

  const found = await findExercise(exerciseArgument, {
    cwd: context.cwd,
    folder: courseFolder(args, context),
  });
  if (!found.ok) return reportProblems(context, found.problems);
  const input = await readInput(args.positionals[0]!, context);
  if (!input.ok) return EXIT.invalid;

  const { prepared } = found.exercise;
  // Reading the submission here keeps its state_dict mapping for the report. An unreadable
  // submission goes to grade, which turns the problems into invalid feedback.
  const read = readSubmission(input.text);
  const feedback = read.ok ? gradeNetwork(prepared, read.network) : grade(prepared, input.text);
  if (args.flags.has("--json")) {
    context.stdout(`${JSON.stringify(feedback, null, 2)}\n`);
  } else {
    const mapping = read.ok ? read.mapping : undefined;
    context.stdout(formatFeedback(feedback, prepared.exercise, mapping));
  }
  if (feedback.verdict === "correct") return EXIT.ok;
  return feedback.verdict === "incorrect" ? EXIT.incorrect : EXIT.invalid;
}

async function inspectCommand(args: ParsedArguments, context: CliContext): Promise<number> {
  if (args.positionals.length !== 1)
    return usageError(context, "inspect needs one submission file");
  const domainText = args.options.get("--domain");
  const domain = domainText === undefined ? REAL_LINE : parseDomain(domainText);
  if (typeof domain === "string") return usageError(context, domain);
  const input = await readInput(args.positionals[0]!, context);
  if (!input.ok) return EXIT.invalid;

  const read = readSubmission(input.text);
  if (!read.ok) {
    for (const problem of read.problems) context.stderr(`${describeProblem(problem)}\n`);
    return EXIT.invalid;
  }
  const result = inspectNetwork(read.network, domain, {
    format: read.format,
    notes: read.notes,
    mapping: read.mapping,
    domainText: formatDomain(domain),
  });
  if (!result.ok) {
    context.stderr(`${result.message}\n`);
    return EXIT.invalid;
  }
  const output = args.flags.has("--json")
    ? `${JSON.stringify(result.inspection, null, 2)}\n`
    : formatInspection(result.inspection);
  context.stdout(output);
  return EXIT.ok;
}

async function listCommand(args: ParsedArguments, context: CliContext): Promise<number> {
  const result = await loadCourse(courseFolder(args, context), { selfTest: false });
  if (!result.ok) return reportProblems(context, result.problems);
  const exercises = result.course.exercises.map(({ prepared: { exercise } }) => ({
    id: exercise.id,
    title: exercise.title,
    domain: formatDomain(exercise.domain),
    target: exercise.target.kind,
    tags: exercise.tags,
  }));
  if (args.flags.has("--json")) {
    context.stdout(`${JSON.stringify(exercises, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...exercises.map((e) => e.id.length));
  context.stdout(`${result.course.info.title} (${exercises.length} exercises)\n\n`);
  for (const exercise of exercises) {
    context.stdout(
      `${exercise.id.padEnd(width)}  ${exercise.title}  [${exercise.target} on ${exercise.domain}]\n`,
    );
  }
  return EXIT.ok;
}

async function checkCommand(args: ParsedArguments, context: CliContext): Promise<number> {
  const folder = courseFolder(args, context);
  const result = await loadCourse(folder);
  if (!result.ok) return reportProblems(context, result.problems);
  const count = result.course.exercises.length;
  context.stdout(
    `${folder}: ${count} exercises, every reference and known-wrong submission behaves as stated\n`,
  );
  return EXIT.ok;
}

function courseFolder(args: ParsedArguments, context: CliContext): string {
  const folder = args.options.get("--course");
  return folder === undefined ? DEFAULT_COURSE_FOLDER : path.resolve(context.cwd, folder);
}

function reportProblems(context: CliContext, problems: CourseProblem[]): number {
  for (const problem of problems) context.stderr(`${formatCourseProblem(problem, context.cwd)}\n`);
  return EXIT.invalid;
}

function usageError(context: CliContext, message: string): number {
  context.stderr(`${message}\nRun "pnpm -s theory --help" for usage.\n`);
  return EXIT.invalid;
}
