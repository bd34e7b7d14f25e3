import { parseRational, type Rational } from "../rational";
import { JsonNumber } from "./json";
import { describeType, type Place, type ProblemList, type Shape } from "./problem";

/** A weights value as received: a rectangular or ragged matrix, a flat vector, or one cell. */
export type WeightsGrid =
  | { kind: "matrix"; shape: Shape; cells: (Rational | undefined)[][] }
  | { kind: "vector"; raw: unknown[] }
  | { kind: "invalid" };

/** A biases value as received; `count` is its length when it is a flat vector. */
export type BiasesVector =
  { kind: "vector"; count: number; cells: (Rational | undefined)[] } | { kind: "invalid" };

const NUMBER_EXAMPLE = 'a number or a string such as "-1/2"';

/** Returns true for values a cell may hold: JSON numbers, JavaScript numbers and strings. */
export function isCellValue(value: unknown): boolean {
  return (
    value instanceof JsonNumber ||
    typeof value === "number" ||
    typeof value === "bigint" ||
    typeof value === "string"
  );
}

/** Reads one cell exactly, or records why it is not a number and returns undefined. */
export function readCell(
  value: unknown,
  place: Place,
  problems: ProblemList,
): Rational | undefined {
  if (!isCellValue(value)) {
    problems.add({
      code: "wrong-type",
      place,
      expected: NUMBER_EXAMPLE,
      received: describeType(value),
    });
    return undefined;
  }
  const source = value instanceof JsonNumber ? value.text : (value as string | number | bigint);
  const result = parseRational(source);
  if (result.ok) return result.value;

  const { code, input, bound } = result.error;
  problems.add(
    bound === undefined
      ? { code: "invalid-number", place, reason: code, input }
      : { code: "invalid-number", place, reason: code, input, bound },
  );
  return undefined;
}

/**
 * Reads a weights value. A flat vector or a single number is returned as such, never
 * reshaped, so the caller can suggest the matrix the student meant.
 */
export function readWeights(value: unknown, place: Place, problems: ProblemList): WeightsGrid {
  if (isCellValue(value)) return { kind: "vector", raw: [value] };
  if (!Array.isArray(value)) {
    problems.add({
      code: "wrong-type",
      place,
      expected: "an array of rows",
      received: describeType(value),
    });
    return { kind: "invalid" };
  }
  if (value.length === 0) {
    problems.add({ code: "empty-matrix", place });
    return { kind: "invalid" };
  }
  if (!value.some(Array.isArray)) return { kind: "vector", raw: value };
  return readMatrix(value, place, problems);
}

function readMatrix(value: unknown[], place: Place, problems: ProblemList): WeightsGrid {
  const firstRow = value[0];
  const columns = Array.isArray(firstRow) ? firstRow.length : 0;
  if (columns === 0) {
    problems.add({ code: "empty-matrix", place });
    return { kind: "invalid" };
  }

  let valid = true;
  const cells = value.map((row, rowIndex) => {
    const rowPlace = { ...place, row: rowIndex + 1 };
    if (!Array.isArray(row)) {
      const received = describeType(row);
      problems.add({ code: "wrong-type", place: rowPlace, expected: "a row of numbers", received });
      valid = false;
      return [];
    }
    if (row.length !== columns) {
      problems.add({
        code: "ragged-row",
        place: rowPlace,
        expected: columns,
        received: row.length,
      });
      valid = false;
    }
    return row.map((cell, columnIndex) =>
      readCell(cell, { ...rowPlace, column: columnIndex + 1 }, problems),
    );
  });
  return valid
    ? { kind: "matrix", shape: { rows: value.length, columns }, cells }
    : { kind: "invalid" };
}

/**
 * Reads a biases value. A matrix or a single number is rejected with the vector to write
 * instead, never flattened or wrapped silently.
 */
export function readBiases(value: unknown, place: Place, problems: ProblemList): BiasesVector {
  if (isCellValue(value)) {
    const suggestion = formatJsonArray([value]);
    problems.add({ code: "expected-vector", place, received: "a single number", suggestion });
    return { kind: "invalid" };
  }
  if (!Array.isArray(value)) {
    const received = describeType(value);
    problems.add({ code: "wrong-type", place, expected: "an array of numbers", received });
    return { kind: "invalid" };
  }
  if (value.length > 0 && value.every(Array.isArray)) {
    problems.add(matrixForVector(value as unknown[][], place));
    return { kind: "invalid" };
  }

  const cells = value.map((cell, index) => readCell(cell, { ...place, row: index + 1 }, problems));
  return { kind: "vector", count: value.length, cells };
}

function matrixForVector(rows: unknown[][], place: Place) {
  const columns = rows[0]?.length ?? 0;
  const received = `a ${rows.length}×${columns} matrix`;
  const flat = rows.length === 1 || rows.every((row) => row.length === 1) ? rows.flat() : [];
  return { code: "expected-vector" as const, place, received, suggestion: formatJsonArray(flat) };
}

/**
 * Writes cells as a JSON array for a suggested fix. Arrays longer than 8 are cut with `…` so a
 * message stays readable, and nested arrays print as `[…]`.
 */
export function formatJsonArray(values: unknown[]): string {
  const displayed = values.slice(0, 8).map(formatJsonValue);
  if (values.length > 8) displayed.push("…");
  return `[${displayed.join(", ")}]`;
}

function formatJsonValue(value: unknown): string {
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  return Array.isArray(value) ? "[…]" : "…";
}
