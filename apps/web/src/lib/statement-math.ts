import katex, { type KatexOptions } from "katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** A formula of a statement that KaTeX cannot render. */
export interface MathProblem {
  /** The formula's number, counting the statement's `$…$` and `$$…$$` formulas from 1. */
  formula: number;
  /** The formula's LaTeX source, without the dollars. */
  source: string;
  /** What is wrong and how to fix it, in a clause that follows the formula. */
  reason: string;
}

/** Most problems {@link checkStatementMath} lists, so a long broken statement gets a short list. */
export const MAX_MATH_PROBLEMS = 20;

/** Longest formula source a problem quotes in full, in characters. */
const MAX_QUOTED_LENGTH = 60;

/**
 * Puts a `$$…$$` formula that fills a line on lines of its own. remark-math reads `$$` as display
 * math only when the dollars stand on their own lines, and as inline math within a line, which
 * is how statements usually write a displayed formula.
 */
export function separateDisplayMath(text: string): string {
  return text.replace(/^([ \t]*)\$\$([^$\n]+)\$\$[ \t]*$/gm, "$1$$$$\n$1$2\n$1$$$$");
}

/**
 * KaTeX's parser without the HTML build, about 9 times faster than `renderToString` on a long
 * statement (13,000 formulas: 1 s against 9 s, measured once in Node on a 2-core machine). It
 * throws the same `ParseError`s, including strict mode's.
 */
// NOTE: `__parse` is an entry point that KaTeX marks unstable and leaves out of its types. The
// tests of this file fail if it changes in a KaTeX version other than the pinned 0.16.47.
const parseTex = (katex as unknown as { __parse: (tex: string, options: KatexOptions) => unknown })
  .__parse;

interface MathNode {
  type: string;
  value?: string;
  children?: MathNode[];
}

/** Lists the statement's formulas in document order, as the Markdown renderer finds them. */
function findFormulas(statement: string): { source: string; display: boolean }[] {
  const tree = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .parse(separateDisplayMath(statement)) as MathNode;
  const formulas: { source: string; display: boolean }[] = [];
  const visit = (node: MathNode) => {
    if (node.type === "inlineMath" || node.type === "math") {
      formulas.push({ source: node.value ?? "", display: node.type === "math" });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return formulas;
}

/**
 * Checks every formula of a statement with KaTeX's parser in strict mode, which also rejects
 * input that KaTeX renders but LaTeX would not accept. Returns the first
 * {@link MAX_MATH_PROBLEMS} formulas that fail, with the reason in our words.
 */
export function checkStatementMath(statement: string): MathProblem[] {
  const problems: MathProblem[] = [];
  // Statements repeat formulas such as $x$, so each distinct one is parsed once.
  const reasons = new Map<string, string | null>();
  for (const [index, { source, display }] of findFormulas(statement).entries()) {
    const key = `${display ? "display" : "inline"}:${source}`;
    const cached = reasons.get(key);
    const reason = cached === undefined ? parseProblem(source, display) : cached;
    reasons.set(key, reason);
    if (reason === null) continue;
    problems.push({ formula: index + 1, source, reason });
    if (problems.length === MAX_MATH_PROBLEMS) break;
  }
  return problems;
}

/** Parses one formula as KaTeX renders it, and returns why it fails, or null. */
function parseProblem(source: string, display: boolean): string | null {
  try {
    parseTex(source, { displayMode: display, throwOnError: true, strict: "error" });
    return null;
  } catch (error) {
    if (error instanceof katex.ParseError) return describeParseError(error);
    throw error;
  }
}

/**
 * Checks the formulas of a parsed exercise file's statement, as the editor and the import do
 * before storing it. A statement that is not text is left for the exercise schema to report.
 */
export function statementMathProblems(file: unknown): { path: "statement"; message: string }[] {
  const statement = (file as { statement?: unknown } | null)?.statement;
  if (typeof statement !== "string") return [];
  return checkStatementMath(statement).map((problem) => ({
    path: "statement",
    message: describeMathProblem(problem),
  }));
}

/** Words a math problem after its field: "formula 1 `\frac{1}{`: the input ends …". */
export function describeMathProblem(problem: MathProblem): string {
  const source = problem.source.trim();
  const quoted =
    source.length > MAX_QUOTED_LENGTH ? `${source.slice(0, MAX_QUOTED_LENGTH)}…` : source;
  return `formula ${problem.formula} \`${quoted}\`: ${problem.reason}`;
}

/** Readable names of the tokens that KaTeX's "Expected …, got …" messages quote. */
function tokenName(token: string): string {
  return token === "EOF" ? "the end of the formula" : token;
}

/** Rewords a KaTeX parse error (KaTeX 0.16) as what is wrong and what to do. */
function describeParseError(error: katex.ParseError): string {
  const message = error.rawMessage;
  const strict = /strict mode is set to 'error': (.*) \[(\w+)\]$/.exec(message);
  if (strict) return describeStrictError(strict[1] ?? "", strict[2] ?? "");
  const endInside = /^Unexpected end of input in a macro argument, expected '(.)'/.exec(message);
  if (endInside || message === "Expected '}', got 'EOF'") {
    return endInside?.[1] === "]"
      ? "the input ends inside a [ … ] argument: close it"
      : "the input ends inside a { … } group: close it";
  }
  if (message === "Expected 'EOF', got '}'") return "a } has no matching {: remove it or add the {";
  if (message === "Expected '\\right', got 'EOF'")
    return "a \\left has no matching \\right: add one";
  if (message === "Expected 'EOF', got '\\right'") {
    return "a \\right has no matching \\left: add one";
  }
  if (message === "Expected 'EOF', got '&'") {
    return "& works only inside an environment such as \\begin{matrix} … \\end{matrix}";
  }
  const undefinedCommand = /^Undefined control sequence: (.*)$/.exec(message);
  if (undefinedCommand) {
    return `${undefinedCommand[1]} is not a command KaTeX knows: check its spelling`;
  }
  const mismatch = /^Mismatch: (\\begin\{.*\}) matched by (\\end\{.*\})$/.exec(message);
  if (mismatch) return `${mismatch[1]} is closed by ${mismatch[2]}: use the same name in both`;
  const environment = /^No such environment: (.*)$/.exec(message);
  if (environment) {
    return `\\begin{${environment[1]}} is not an environment KaTeX knows: check its name`;
  }
  if (message === "Double superscript") {
    return "a term has two superscripts: group them with braces, as {x^a}^b";
  }
  if (message === "Double subscript") {
    return "a term has two subscripts: group them with braces, as {x_a}_b";
  }
  const script = /^Expected group after '([_^])'/.exec(message);
  if (script) {
    const name = script[1] === "^" ? "superscript" : "subscript";
    return `${script[1]} has no ${name} after it: add one, such as x${script[1]}{2}`;
  }
  if (message.startsWith("Expected & or \\\\ or \\cr or \\end")) {
    return "an environment is not closed: add its \\end{…}";
  }
  const got = /^Expected '(.*)', got '(.*)'$/.exec(message);
  if (got) return `expected ${tokenName(got[1] ?? "")} but found ${tokenName(got[2] ?? "")}`;
  if (/can be used only in display mode|works only in display equations/.test(message)) {
    return `${message.replace(/\.$/, "")}: put the formula between $$ lines of its own`;
  }
  return `KaTeX cannot read it: ${message}`;
}

/** Rewords KaTeX's strict-mode complaint `detail`, with its code such as `commentAtEnd`. */
function describeStrictError(detail: string, code: string): string {
  if (code === "unicodeTextInMathMode") {
    const character = /character "(.+)"/.exec(detail)?.[1] ?? "a letter";
    return `"${character}" is text, not math: write it as \\text{${character}} or use a LaTeX command`;
  }
  if (code === "commentAtEnd") {
    return "a % starts a comment that runs to the end of the formula: write \\% for a percent sign";
  }
  if (code === "mathVsTextAccents") {
    return `${detail}: use the math accent, such as \\acute{e}, or put the letter in \\text{…}`;
  }
  return `LaTeX would reject it: ${detail}`;
}
