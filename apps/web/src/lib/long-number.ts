/**
 * Maximum digits of an integer, a numerator or a denominator shown in full. A longer one is
 * shortened to its first and last digits around "…". Only the display changes, not the value.
 */
export const MAX_FULL_DIGITS = 15;

const LEADING_DIGITS = 6;
const TRAILING_DIGITS = 4;
/** Significant digits of the decimal approximation. */
const APPROXIMATION_DIGITS = 5;

/** A long exact number as sentences show it, with a note on what was left out. */
export interface Abbreviation {
  /** The number with its long parts shortened, such as `123456…7890/1024`. */
  short: string;
  /** Digit counts and a decimal approximation, such as `300 digits, ≈ 1.2346 × 10^299`. */
  note: string;
}

const EXACT_NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:\/(\d+))?$/;

/**
 * Shortens an exact number written as an integer, a decimal or a fraction (`-3`, `0.25`,
 * `12345678901234567890123/98765432109876543210`) when one of its parts has more than
 * `MAX_FULL_DIGITS` digits. Returns null for a number short enough to show in full and for text
 * that is not such a number.
 */
export function abbreviateNumber(exact: string): Abbreviation | null {
  const match = EXACT_NUMBER.exec(exact);
  if (match === null) return null;
  const [, sign = "", whole = "", decimals, denominator] = match;
  const numerator = decimals === undefined ? whole : `${whole}.${decimals}`;
  const parts = denominator === undefined ? [numerator] : [numerator, denominator];
  const counts = parts.map(countDigits);
  if (counts.every((count) => count <= MAX_FULL_DIGITS)) return null;

  const short = `${sign}${parts.map(shortenDigits).join("/")}`;
  const digits =
    counts.length === 1 ? `${counts[0]} digits` : `${counts[0]} and ${counts[1]} digits`;
  const approximation = approximate(sign, whole, decimals ?? "", denominator ?? "1");
  return { short, note: `${digits}, ≈ ${approximation}` };
}

function countDigits(part: string): number {
  return part.replace(".", "").length;
}

/** Keeps the first and the last digits of a long part. A short part stays as it is. */
function shortenDigits(part: string): string {
  if (countDigits(part) <= MAX_FULL_DIGITS) return part;
  // A decimal point among the leading characters is kept without counting as a digit.
  const leading = part.slice(0, LEADING_DIGITS).includes(".") ? LEADING_DIGITS + 1 : LEADING_DIGITS;
  return `${part.slice(0, leading)}…${part.slice(-TRAILING_DIGITS)}`;
}

/**
 * Writes sign·(whole.decimals)/denominator with `APPROXIMATION_DIGITS` significant digits,
 * computed in BigInt, so a value beyond the range of a double is still approximated: `0.125`,
 * `-1.2346 × 10^299`, `3.3333 × 10^-7`.
 */
export function approximate(
  sign: string,
  whole: string,
  decimals: string,
  denominator: string,
): string {
  const numerator = BigInt(`${whole}${decimals}`);
  const divisor = BigInt(denominator) * 10n ** BigInt(decimals.length);
  if (divisor === 0n) return "undefined (division by zero)";
  if (numerator === 0n) return "0";

  // The exponent e of the leading digit, so that 10^e ≤ numerator/divisor < 10^(e+1).
  let exponent = numerator.toString().length - divisor.toString().length;
  if (
    numerator * 10n ** BigInt(Math.max(-exponent, 0)) <
    divisor * 10n ** BigInt(Math.max(exponent, 0))
  ) {
    exponent -= 1;
  }
  const shift = APPROXIMATION_DIGITS - 1 - exponent;
  const scaledNumerator = numerator * 10n ** BigInt(Math.max(shift, 0));
  const scaledDivisor = divisor * 10n ** BigInt(Math.max(-shift, 0));
  let mantissa = (2n * scaledNumerator + scaledDivisor) / (2n * scaledDivisor);
  if (mantissa.toString().length > APPROXIMATION_DIGITS) {
    // Rounding carried into a new digit, as 9.99996 does.
    mantissa /= 10n;
    exponent += 1;
  }
  return `${sign}${formatSignificant(mantissa.toString(), exponent)}`;
}

/** Writes digits d₁d₂…, read as d₁.d₂… × 10^exponent, in fixed or in scientific notation. */
function formatSignificant(digits: string, exponent: number): string {
  if (exponent >= -4 && exponent < APPROXIMATION_DIGITS) {
    const padded = exponent < 0 ? `${"0".repeat(-exponent)}${digits}` : digits;
    const point = Math.max(exponent, 0) + 1;
    return joinDecimal(padded.slice(0, point), padded.slice(point));
  }
  return `${joinDecimal(digits.slice(0, 1), digits.slice(1))} × 10^${exponent}`;
}

/** Joins integer and fraction digits, leaving out the fraction's trailing zeros. */
function joinDecimal(integer: string, fraction: string): string {
  const kept = fraction.replace(/0+$/, "");
  return kept === "" ? integer : `${integer}.${kept}`;
}

/** A piece of a sentence: plain text, or a long exact number with its abbreviation. */
export type SentencePart = string | ({ exact: string } & Abbreviation);

// A number not glued to a word or to another number's digits: the sentence "… is 1/2." ends
// with a period, which is not a decimal point because no digit follows it.
const NUMBER_IN_TEXT = /(?<![\w.])-?\d+(?:\.\d+)?(?:\/\d+)?(?!\w|\.\d|\/\d)/g;

/** Splits a sentence into plain text and the long exact numbers in it. */
export function splitLongNumbers(sentence: string): SentencePart[] {
  const parts: SentencePart[] = [];
  let rest = 0;
  for (const match of sentence.matchAll(NUMBER_IN_TEXT)) {
    const abbreviation = abbreviateNumber(match[0]);
    if (abbreviation === null) continue;
    if (match.index > rest) parts.push(sentence.slice(rest, match.index));
    parts.push({ exact: match[0], ...abbreviation });
    rest = match.index + match[0].length;
  }
  if (rest < sentence.length) parts.push(sentence.slice(rest));
  return parts;
}

/**
 * Shortens the long numbers of a sentence in place, `123456…7890 (300 digits, ≈ …)`, for text
 * that cannot hold a control to show the full value, such as a figure's description.
 */
export function abbreviateLongNumbers(sentence: string): string {
  return splitLongNumbers(sentence)
    .map((part) => (typeof part === "string" ? part : `${part.short} (${part.note})`))
    .join("");
}
