/**
 * Checks whether a URL path has a segment that percent-decoding rejects: a `%` without two hex
 * digits after it (`%ZZ`, `%A`) or escapes that are not UTF-8 (`%E0%A4%A`).
 */
export function hasMalformedEncoding(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}
