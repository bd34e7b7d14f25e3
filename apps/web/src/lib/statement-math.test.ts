import { describe, expect, test } from "vitest";

import { checkStatementMath, describeMathProblem, MAX_MATH_PROBLEMS } from "./statement-math";

/** Returns the sentences of the statement's math problems. */
function problemsOf(statement: string): string[] {
  return checkStatementMath(statement).map(describeMathProblem);
}

describe("checkStatementMath", () => {
  test("accepts valid inline and display math", () => {
    const statement =
      "Build $h_2(x) = 2\\phi(x) - 4\\phi(x - \\tfrac12)$ on $\\mathbb{R}$.\n\n" +
      "$$\\begin{cases} 0 & x < 0 \\\\ 2x & 0 \\le x < \\tfrac12 \\end{cases}$$\n\n" +
      "| x | $f(x)$ |\n| --- | --- |\n| 0 | $\\text{zero}$ |";

    expect(problemsOf(statement)).toEqual([]);
  });

  test.each([
    ["$\\frac{1}{$", "formula 1 `\\frac{1}{`: the input ends inside a { … } group: close it"],
    ["$x^{$", "formula 1 `x^{`: the input ends inside a { … } group: close it"],
    [
      "$\\undefinedmacro{x}$",
      "formula 1 `\\undefinedmacro{x}`: \\undefinedmacro is not a command KaTeX knows: " +
        "check its spelling",
    ],
    [
      "$$\\begin{cases} x \\end{matrix}$$",
      "formula 1 `\\begin{cases} x \\end{matrix}`: \\begin{cases} is closed by \\end{matrix}: " +
        "use the same name in both",
    ],
    ["$x}$", "formula 1 `x}`: a } has no matching {: remove it or add the {"],
    [
      "$x^1^2$",
      "formula 1 `x^1^2`: a term has two superscripts: group them with braces, as {x^a}^b",
    ],
    ["$\\sqrt[$", "formula 1 `\\sqrt[`: the input ends inside a [ … ] argument: close it"],
    ["$\\left( x$", "formula 1 `\\left( x`: a \\left has no matching \\right: add one"],
    ["$a_$", "formula 1 `a_`: _ has no subscript after it: add one, such as x_{2}"],
    [
      "$\\begin{foo}x\\end{foo}$",
      "formula 1 `\\begin{foo}x\\end{foo}`: \\begin{foo} is not an environment KaTeX knows: " +
        "check its name",
    ],
    ["$é$", 'formula 1 `é`: "é" is text, not math: write it as \\text{é} or use a LaTeX command'],
  ])("rewords the error of %s", (statement, expected) => {
    expect(problemsOf(statement)).toEqual([expected]);
  });

  test("numbers formulas in document order", () => {
    const statement =
      "Broken: $\\frac{1}{$ and $\\undefinedmacro{x}$ and $$\\begin{cases} x \\end{matrix}$$ " +
      "and $x^{$ but $x$ is fine.\n\n$$\n\\frac{1}{2\n$$";

    expect(checkStatementMath(statement).map((problem) => problem.formula)).toEqual([
      1, 2, 3, 4, 6,
    ]);
  });

  test("ignores dollars in code", () => {
    expect(problemsOf("Run `echo $x^{$` or\n\n```\n$\\frac{1}{$\n```")).toEqual([]);
  });

  test("shortens a long formula in the message", () => {
    const [problem] = problemsOf(`$${"x + ".repeat(30)}\\nosuchcommand$`);

    expect(problem).toMatch(/^formula 1 `(x \+ ){15}…`: \\nosuchcommand is not/);
  });

  test("lists at most the maximum number of problems", () => {
    const statement = "$x^{$ ".repeat(MAX_MATH_PROBLEMS + 5);

    expect(checkStatementMath(statement)).toHaveLength(MAX_MATH_PROBLEMS);
  });
});
