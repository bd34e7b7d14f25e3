import { REAL_LINE, type Domain } from "../analysis/domain";
import { parseRational, type Rational } from "../rational";
import { describeProblem } from "../submission/index";
import { joinWords } from "./report";

/** The command line split into a command, flags, option values and positional arguments. */
export interface ParsedArguments {
  command: string | undefined;
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export type ParseResult = { ok: true; value: ParsedArguments } | { ok: false; message: string };

/** Options that take a value, with their short aliases. */
const VALUE_OPTIONS = new Map([
  ["--exercise", "--exercise"],
  ["-e", "--exercise"],
  ["--domain", "--domain"],
  ["--course", "--course"],
]);

const FLAGS = new Map([
  ["--json", "--json"],
  ["--help", "--help"],
  ["-h", "--help"],
]);

/**
 * Parses `command [options] [arguments]`. An option's value is the next argument even when it
 * starts with a dash, so `--domain -1,1` works; `--option=value` works as well. A lone `-`
 * is a positional argument, which the commands read as standard input.
 */
export function parseArguments(argv: readonly string[]): ParseResult {
  const parsed: ParsedArguments = {
    command: undefined,
    positionals: [],
    options: new Map(),
    flags: new Set(),
  };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    const [name, inlineValue] = splitInline(argument);
    const option = VALUE_OPTIONS.get(name);
    const flag = FLAGS.get(argument);
    if (option !== undefined) {
      const value = inlineValue ?? argv[++i];
      if (value === undefined) return { ok: false, message: `${name} needs a value` };
      parsed.options.set(option, value);
    } else if (flag !== undefined) {
      parsed.flags.add(flag);
    } else if (argument.startsWith("-") && argument !== "-") {
      return { ok: false, message: `unknown option ${argument}` };
    } else if (parsed.command === undefined) {
      parsed.command = argument;
    } else {
      parsed.positionals.push(argument);
    }
  }
  return { ok: true, value: parsed };
}

function splitInline(argument: string): [string, string | undefined] {
  const equals = argument.indexOf("=");
  if (!argument.startsWith("--") || equals < 0) return [argument, undefined];
  return [argument.slice(0, equals), argument.slice(equals + 1)];
}

/** Options and flags each command takes. `--help` works with every command and prints usage. */
export const COMMAND_OPTIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ["grade", ["--exercise", "--course", "--json"]],
  ["inspect", ["--domain", "--json"]],
  ["list", ["--course", "--json"]],
  ["check", ["--course"]],
  ["help", []],
]);

/**
 * Returns a message naming the options that `args.command` does not take, or undefined when
 * it takes all of them or is not a known command.
 */
export function findUnsupportedOptions(args: ParsedArguments): string | undefined {
  const command = args.command ?? "";
  const allowed = COMMAND_OPTIONS.get(command);
  if (allowed === undefined) return undefined;
  const optionNames = [...args.options.keys(), ...args.flags].filter((name) => name !== "--help");
  const unsupported = optionNames.filter((name) => !allowed.includes(name));
  if (unsupported.length === 0) return undefined;

  const noun = unsupported.length === 1 ? "the option" : "the options";
  const takes = allowed.length === 0 ? "it takes none" : `it takes ${joinWords(allowed)}`;
  return `${command} does not take ${noun} ${joinWords(unsupported)}; ${takes}`;
}

/** One end of a `--domain` value: a number, or an unbounded end. */
type DomainEnd = Rational | "-inf" | "inf";

type DomainEndResult = { ok: true; end: DomainEnd } | { ok: false; message: string };

/**
 * Parses `a,b` with exact numbers, `-inf`/`inf` for unbounded ends, or `R` for the real line.
 * Returns the domain, or a message saying which end is wrong and why.
 */
export function parseDomain(text: string): Domain | string {
  if (text === "R" || text === "ℝ") return REAL_LINE;
  const invalid = `invalid --domain "${text}"`;
  const parts = text.split(",");
  if (parts.length !== 2) return `${invalid}: write two ends such as 0,1 or -1/2,inf`;

  const lower = parseDomainEnd(parts[0]!, "lower");
  if (!lower.ok) return `${invalid}: ${lower.message}`;
  const upper = parseDomainEnd(parts[1]!, "upper");
  if (!upper.ok) return `${invalid}: ${upper.message}`;

  if (lower.end === "inf" || upper.end === "-inf") {
    return (
      `${invalid}: the lower end must be below the upper end, so -inf can only be the lower ` +
      `end and inf only the upper end`
    );
  }
  const lo = lower.end === "-inf" ? null : lower.end;
  const hi = upper.end === "inf" ? null : upper.end;
  if (lo !== null && hi !== null && lo.compare(hi) > 0) {
    return `${invalid}: the lower end is above the upper end`;
  }
  return { lo, hi };
}

/** Reads the lower or upper end of a domain. A failure message names the end. */
function parseDomainEnd(text: string, side: "lower" | "upper"): DomainEndResult {
  const trimmed = text.trim();
  if (trimmed === "-inf" || trimmed === "inf") return { ok: true, end: trimmed };
  if (trimmed === "+inf") return { ok: true, end: "inf" };
  const parsed = parseRational(trimmed);
  if (parsed.ok) return { ok: true, end: parsed.value };

  const name = `the ${side} end`;
  const { code, input, bound } = parsed.error;
  if (code === "infinite") {
    const spelling = side === "lower" ? "-inf" : "inf";
    return { ok: false, message: `write an unbounded ${side} end as ${spelling}, not "${input}"` };
  }
  if (code === "empty") {
    return { ok: false, message: `${name} is missing; write a number such as -1, 1/2 or 0.25` };
  }
  // The engine words number errors in one place, so the CLI reuses that wording.
  const problem = { code: "invalid-number", place: { field: name }, reason: code, input } as const;
  return {
    ok: false,
    message: describeProblem(bound === undefined ? problem : { ...problem, bound }),
  };
}
