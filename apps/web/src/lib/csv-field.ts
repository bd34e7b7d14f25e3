/**
 * Writes one CSV field. Fields with a comma, a quote or a line break are quoted, with quotes
 * doubled (RFC 4180). Text that starts with = + - @, a tab or a carriage return gets a leading
 * apostrophe so that spreadsheet programs show it instead of evaluating it as a formula.
 */
export function csvField(value: string | number): string {
  if (typeof value === "number") {
    return String(value);
  }
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
