import { describeProblem, jsonProblem, parseJson } from "@sawtooth/theory";

/**
 * Returns why a text that `JSON.parse` rejected is not JSON, with the line and column of the
 * first problem, such as "is not valid JSON: at line 1, column 2, expected a string but found
 * '}'". Callers put the field or file name before it.
 */
export function describeJsonSyntax(text: string): string {
  const parsed = parseJson(text);
  if (parsed.ok) {
    // JSON.parse and the engine's strict reader accept the same texts, so this is unexpected.
    return "is not valid JSON";
  }
  const { error } = parsed;
  if (error.code === "syntax") {
    return (
      `is not valid JSON: at line ${error.line}, column ${error.column}, expected ` +
      `${error.expected} but found ${error.received}`
    );
  }
  return `is not valid JSON: ${describeProblem(jsonProblem(error))}`;
}
