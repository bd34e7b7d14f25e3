import Fraction from "fraction.js";

/**
 * An exact rational number: bigint numerator and denominator, reduced, with the sign kept
 * apart (`s`, `n`, `d` as fraction.js stores them), so two equal values compare equal.
 */
export type Rational = Fraction;

/** Bounds on a parsed number; documented in the package README. */
export const NUMBER_LIMITS = {
  /** Longest accepted text of one number, in characters. */
  maxLength: 400,
  /** Largest accepted decimal exponent, in absolute value (`1e300` passes, `1e400` fails). */
  maxExponent: 300,
  /** Numerator and denominator must stay below 2^maxBits after reduction. */
  maxBits: 1024,
} as const;

export type NumberErrorCode =
  "empty" | "nan" | "infinite" | "syntax" | "zero-denominator" | "too-long" | "too-large";

/** Why a cell could not be read as a number; the caller adds the place. */
export interface NumberError {
  code: NumberErrorCode;
  /** The text as received. */
  input: string;
  /** The bound that was exceeded, for `too-long` and `too-large`. */
  bound?: string;
}

export type NumberResult = { ok: true; value: Rational } | { ok: false; error: NumberError };

export const ZERO: Rational = new Fraction(0n);
export const ONE: Rational = new Fraction(1n);

const MAX_MAGNITUDE = 1n << BigInt(NUMBER_LIMITS.maxBits);

/** Characters read as a minus sign: U+2212 and the dashes U+2012–U+2015, U+FE63, U+FF0D. */
const MINUS_SIGNS = /^[-\u2212\u2012\u2013\u2014\u2015\uFE63\uFF0D]/;

const DECIMAL = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Builds a rational from a numerator and a non-zero denominator. */
export function rational(numerator: bigint, denominator: bigint = 1n): Rational {
  return new Fraction(numerator, denominator);
}

/** Returns the signed numerator as a bigint. */
export function numerator(value: Rational): bigint {
  return value.s * value.n;
}

/** Returns the positive denominator as a bigint. */
export function denominator(value: Rational): bigint {
  return value.d;
}

/** Formats a rational exactly: `3`, `-1/2`. */
export function formatRational(value: Rational): string {
  const top = numerator(value);
  return value.d === 1n ? top.toString() : `${top}/${value.d}`;
}

/**
 * Formats a finite double exactly, as `formatRational(rationalFromDouble(x))` does, without
 * building a fraction. Doubling x k times until it is an integer n leaves n odd, so n/2^k is
 * already reduced.
 */
export function formatDouble(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  let scaled = x;
  let exponent = 0;
  // Doubling is exact until the value is an integer, which takes at most 1074 steps.
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    exponent += 1;
  }
  // Adding 0 turns −0 into 0, which formats as "0" like the rational it denotes.
  const top = Number.isSafeInteger(scaled) ? String(scaled + 0) : BigInt(scaled).toString();
  if (exponent === 0) return top;
  const bottom = exponent < 53 ? String(2 ** exponent) : (1n << BigInt(exponent)).toString();
  return `${top}/${bottom}`;
}

/** Converts a finite double to the rational it denotes exactly (0.1 becomes 3602879701896397/2^55). */
export function rationalFromDouble(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x)) return new Fraction(BigInt(x));
  let scaled = x;
  let exponent = 0n;
  // Doubling is exact until the value is an integer, which takes at most 1074 steps.
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    exponent += 1n;
  }
  return new Fraction(BigInt(scaled), 1n << exponent);
}

/**
 * Returns the double equal to `value`, or null when there is none in the range the dyadic
 * fast path of the analysis works in: an odd part below 2^53 and a denominator of at most
 * 2^900, so subnormals such as 2^-1074 give null too.
 */
export function exactDouble(value: Rational): number | null {
  const d = value.d;
  if ((d & (d - 1n)) !== 0n || d > 1n << 900n) return null;
  let top = value.n;
  let shift = 0n;
  while (top !== 0n && (top & 1n) === 0n && top >= 1n << 53n) {
    top >>= 1n;
    shift += 1n;
  }
  if (top >= 1n << 53n || shift > 900n) return null;
  const size = (Number(top) * 2 ** Number(shift)) / Number(d);
  return value.s < 0n ? -size : size;
}

/** Number of bits of a positive bigint, 0 for 0. */
function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/**
 * Converts a rational to the double nearest to it or one next to that, ±Infinity beyond the
 * largest double and 0 below the smallest. Unlike `valueOf`, which divides two doubles, it gives
 * a quotient, not NaN, for a numerator and a denominator beyond 2^1024. For drawing and
 * estimates only, never for a verdict.
 */
export function approximateDouble(value: Rational): number {
  if (value.n === 0n) return 0;
  // Keeps 64 bits of the quotient, so its conversion to a double rounds once more at most.
  const shift = bitLength(value.n) - bitLength(value.d) - 64;
  const quotient =
    shift >= 0 ? value.n / (value.d << BigInt(shift)) : (value.n << BigInt(-shift)) / value.d;
  // Two factors, because 2^shift alone overflows or underflows before the product would.
  const half = Math.trunc(shift / 2);
  const size = Number(quotient) * 2 ** half * 2 ** (shift - half);
  return value.s < 0n ? -size : size;
}

/** Compares two rationals: -1, 0 or 1. */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** Returns the sign of a rational: -1, 0 or 1. */
export function signOf(value: Rational): -1 | 0 | 1 {
  return value.n === 0n ? 0 : value.s < 0n ? -1 : 1;
}

/** Returns the smaller of two rationals. */
export function minRational(a: Rational, b: Rational): Rational {
  return a.compare(b) <= 0 ? a : b;
}

/** Returns the larger of two rationals. */
export function maxRational(a: Rational, b: Rational): Rational {
  return a.compare(b) >= 0 ? a : b;
}

/** Reads `input` as a rational without passing it through a JavaScript number. */
export function parseRational(input: string | number | bigint): NumberResult {
  if (typeof input === "bigint") return checkSize(String(input), new Fraction(input));
  if (typeof input === "number") return parseNumber(input);
  return parseText(input);
}

function parseNumber(input: number): NumberResult {
  const text = String(input);
  if (Number.isNaN(input)) return fail("nan", text);
  if (!Number.isFinite(input)) return fail("infinite", text);
  // A JavaScript number is already a double; its shortest decimal text is what the author
  // wrote (0.1 stays 1/10), and integers past 2^53 must arrive as text or bigint instead.
  return parseText(text);
}

function parseText(raw: string): NumberResult {
  const text = raw.trim();
  if (text === "") return fail("empty", raw);
  if (text.length > NUMBER_LIMITS.maxLength) {
    return fail("too-long", raw, `${NUMBER_LIMITS.maxLength} characters`);
  }

  let body = text;
  let negative = false;
  if (MINUS_SIGNS.test(body)) {
    negative = true;
    body = body.slice(1);
  } else if (body.startsWith("+")) {
    body = body.slice(1);
  }

  if (/^nan$/i.test(body)) return fail("nan", raw);
  if (/^(inf|infinity|∞)$/i.test(body)) return fail("infinite", raw);

  const slash = body.indexOf("/");
  const value =
    slash < 0 ? parseDecimal(body) : parseFraction(body.slice(0, slash), body.slice(slash + 1));
  if (value === "syntax") return fail("syntax", raw);
  if (value === "zero-denominator") return fail("zero-denominator", raw);
  if (value === "too-large") return fail("too-large", raw, boundText());
  return checkSize(raw, negative ? value.neg() : value);
}

function parseFraction(
  top: string,
  bottom: string,
): Rational | "syntax" | "zero-denominator" | "too-large" {
  const upper = parseDecimal(top.trim());
  if (typeof upper === "string") return upper;
  const lower = parseDecimal(bottom.trim());
  if (typeof lower === "string") return lower;
  if (lower.n === 0n) return "zero-denominator";
  return upper.div(lower);
}

/** Parses an unsigned decimal with optional fraction digits and exponent: `12`, `.5`, `1e-3`. */
function parseDecimal(text: string): Rational | "syntax" | "too-large" {
  const match = DECIMAL.exec(text);
  if (!match) return "syntax";
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  if (whole === "" && fraction === "") return "syntax";

  const exponentText = match[3];
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (Math.abs(exponent) > NUMBER_LIMITS.maxExponent) return "too-large";

  const digits = BigInt(whole + fraction || "0");
  const scale = exponent - fraction.length;
  if (scale >= 0) return new Fraction(digits * 10n ** BigInt(scale));
  return new Fraction(digits, 10n ** BigInt(-scale));
}

function checkSize(raw: string, value: Rational): NumberResult {
  if (value.n >= MAX_MAGNITUDE || value.d >= MAX_MAGNITUDE)
    return fail("too-large", raw, boundText());
  return { ok: true, value };
}

function boundText(): string {
  return `numerator and denominator below 2^${NUMBER_LIMITS.maxBits}`;
}

function fail(code: NumberErrorCode, input: string, bound?: string): NumberResult {
  const error: NumberError = bound === undefined ? { code, input } : { code, input, bound };
  return { ok: false, error };
}
