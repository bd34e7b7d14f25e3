import type { RosterOutcome } from "@sawtooth/db";
import { parseCsv } from "@sawtooth/db/csv";

import { csvField } from "./csv-field";

/**
 * Writes a roster import's report as CSV: one row per roster row with its email, name, role,
 * outcome, one-time password and the reason a row was skipped. The browser builds it from the
 * import's response, so the passwords are stored nowhere on the server. The text starts with a
 * UTF-8 byte order mark, which Excel needs to read non-ASCII names, and lines end with CRLF.
 */
export function rosterReportCsv(outcomes: readonly RosterOutcome[]): string {
  const header = ["Line", "Email", "Name", "Role", "Outcome", "One-time password", "Reason"];
  const rows = outcomes.map((outcome) => [
    outcome.line,
    outcome.email,
    outcome.name,
    outcome.role ?? "",
    outcome.status,
    outcome.password ?? "",
    outcome.reason ?? "",
  ]);
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * Returns the number of rows below the header, for the progress message, or null when the text
 * is not valid CSV. It parses the text as the server does, so a quoted line break does not
 * count as a row.
 */
export function countRosterRows(csv: string): number | null {
  try {
    return Math.max(parseCsv(csv).length - 1, 0);
  } catch {
    return null;
  }
}
