import { formatRational, type Rational } from "../rational";

/** A closed interval of the real line; a null end is unbounded, so {null, null} is ℝ. */
export interface Domain {
  lo: Rational | null;
  hi: Rational | null;
}

export const REAL_LINE: Domain = { lo: null, hi: null };

/** Formats a domain as `[0, 1]`, `ℝ` or `[0, ∞)`. */
export function formatDomain(domain: Domain): string {
  if (domain.lo === null && domain.hi === null) return "ℝ";
  const lo = domain.lo === null ? "(-∞" : `[${formatRational(domain.lo)}`;
  const hi = domain.hi === null ? "∞)" : `${formatRational(domain.hi)}]`;
  return `${lo}, ${hi}`;
}

/** Tells whether x lies in the domain. */
export function inDomain(domain: Domain, x: Rational): boolean {
  return (
    (domain.lo === null || x.compare(domain.lo) >= 0) &&
    (domain.hi === null || x.compare(domain.hi) <= 0)
  );
}
