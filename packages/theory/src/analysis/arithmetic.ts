import Fraction from "fraction.js";

import { exactDouble, rationalFromDouble, type Rational } from "../rational";

/**
 * The operations the analysis needs from a number type. Two implementations exist: exact
 * rationals, and doubles that are checked after every operation to be exact (the dyadic fast
 * path). Both give the same results; the second is far faster when it applies.
 */
export interface Arithmetic<T> {
  readonly kind: "dyadic" | "rational";
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** Divides by a non-zero value. */
  div(a: T, b: T): T;
  neg(a: T): T;
  compare(a: T, b: T): number;
  sign(a: T): number;
  equals(a: T, b: T): boolean;
  /** Converts from a rational; the dyadic arithmetic throws `Inexact` when no double is equal. */
  from(value: Rational): T;
  toRational(value: T): Rational;
}

/** Thrown by the dyadic arithmetic when a result is not exactly a double in its safe range. */
export class Inexact extends Error {
  constructor() {
    super("result is not exactly representable as a double");
    this.name = "Inexact";
  }
}

const INEXACT = new Inexact();

/**
 * Magnitudes kept far from overflow and underflow, so that the error-free transformations
 * below stay valid: Dekker's split overflows above 2^996, and products lose bits in subnormals.
 */
const LARGEST = 2 ** 900;
const SMALLEST = 2 ** -900;
const SPLITTER = 134217729; // 2^27 + 1, for Dekker's split of a double into two 26-bit halves

function checked(value: number): number {
  const size = value < 0 ? -value : value;
  if (size > LARGEST || (size < SMALLEST && value !== 0) || size !== size) throw INEXACT;
  return value;
}

/** Returns the rounding error of a·b given the rounded product p (Dekker's TwoProduct). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHigh = t - (t - a);
  const aLow = a - aHigh;
  t = SPLITTER * b;
  const bHigh = t - (t - b);
  const bLow = b - bHigh;
  return aHigh * bHigh - p + aHigh * bLow + aLow * bHigh + aLow * bLow;
}

/**
 * Returns a + b, or throws `Inexact` when the sum rounds (Knuth's TwoSum). A sum never rounds
 * in the subnormal range, and an overflow makes the error term NaN, so no range check is needed.
 */
export function exactAdd(a: number, b: number): number {
  const s = a + b;
  const bVirtual = s - a;
  if (a - (s - bVirtual) + (b - bVirtual) !== 0) throw INEXACT;
  return s;
}

/** Returns a − b, or throws `Inexact` when the difference rounds. */
export function exactSub(a: number, b: number): number {
  const s = a - b;
  const bVirtual = a - s;
  if (a - (s + bVirtual) + (bVirtual - b) !== 0) throw INEXACT;
  return s;
}

/** Returns a·b, or throws `Inexact` when the product rounds (Dekker's TwoProduct). */
export function exactMul(a: number, b: number): number {
  const p = a * b;
  if (productError(a, b, p) !== 0) throw INEXACT;
  return checkedProduct(p, a, b);
}

/** Checks the range of a product, which also catches one that underflowed to zero. */
function checkedProduct(p: number, a: number, b: number): number {
  if (p === 0 && a !== 0 && b !== 0) throw INEXACT;
  return checked(p);
}

/** Returns a / b, or throws `Inexact` when the quotient is not exactly a double. */
export function exactDiv(a: number, b: number): number {
  const q = checkedProduct(a / b, a, 1);
  const back = q * b;
  if (back !== a || productError(q, b, back) !== 0) throw INEXACT;
  return q;
}

/** Returns a·2^k for a weight w = ±2^k, which is exact within the checked range. */
export function exactScale(w: number, a: number): number {
  return checkedProduct(w * a, w, a);
}

/** Tells whether w is ±2^k, so multiplying by it never rounds inside the checked range. */
export function isPowerOfTwo(w: number): boolean {
  const size = Math.abs(w);
  return size > 0 && size === 2 ** Math.round(Math.log2(size));
}

/** Doubles with every operation checked to be exact. */
export const dyadic: Arithmetic<number> = {
  kind: "dyadic",
  zero: 0,
  one: 1,
  add: exactAdd,
  sub: exactSub,
  mul: exactMul,
  div: exactDiv,
  neg: (a) => -a,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  sign: (a) => (a < 0 ? -1 : a > 0 ? 1 : 0),
  equals: (a, b) => a === b,
  from(value) {
    const double = exactDouble(value);
    if (double === null) throw INEXACT;
    return checked(double);
  },
  toRational: (value) => rationalFromDouble(value),
};

/** Exact rationals on fraction.js. */
export const exact: Arithmetic<Rational> = {
  kind: "rational",
  zero: new Fraction(0n),
  one: new Fraction(1n),
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  neg: (a) => a.neg(),
  compare: (a, b) => a.compare(b),
  sign: (a) => (a.n === 0n ? 0 : Number(a.s)),
  equals: (a, b) => a.equals(b),
  from: (value) => value,
  toRational: (value) => value,
};
