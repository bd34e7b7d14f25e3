import { z } from "zod";

import type { Database } from "../client";
import { roleSchema, type Role } from "../roles";
import { parseCsv } from "./csv";
import { addMember } from "./members";

/** What happened to one row of a roster. */
export interface RosterOutcome {
  /** Line of the CSV text the row starts on. */
  line: number;
  email: string;
  status: "created" | "added" | "skipped";
  role: Role | null;
  /** Why the row was skipped; null otherwise. */
  reason: string | null;
  /** The one-time password of a created account; null otherwise. */
  password: string | null;
}

/** Result of {@link importRoster}: a report per row, or why the file as a whole was rejected. */
export type RosterResult =
  { status: "imported"; outcomes: RosterOutcome[] } | { status: "invalid"; message: string };

const REQUIRED_COLUMNS = ["email", "name", "role"] as const;

const emailSchema = z.email();

/**
 * Adds every row of a CSV roster (a header row naming the columns email, name and role in any
 * order, then one person per row) to a course. A row is skipped, with its reason, when its email
 * is invalid or repeats an earlier row, its role is unknown, or the person is a member already;
 * the other rows are added. New people get an account with a one-time password.
 */
export async function importRoster(
  db: Database,
  courseId: string,
  csv: string,
): Promise<RosterResult> {
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    return { status: "invalid", message: (error as Error).message };
  }
  const [header, ...rows] = records;
  if (!header) {
    return { status: "invalid", message: "The file is empty: add a header row email,name,role." };
  }
  const columns = header.fields.map((field) => field.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    const message =
      `The header row lacks the column ${missing.join(", ")}: ` +
      "the first line must name the columns email, name and role.";
    return { status: "invalid", message };
  }

  const seen = new Set<string>();
  const outcomes: RosterOutcome[] = [];
  for (const { line, fields } of rows) {
    const value = (column: string) => (fields[columns.indexOf(column)] ?? "").trim();
    const email = value("email").toLowerCase();
    const skip = (reason: string) =>
      outcomes.push({ line, email, status: "skipped", role: null, reason, password: null });

    const role = roleSchema.safeParse(value("role").toLowerCase());
    if (!emailSchema.safeParse(email).success) {
      skip(`invalid email address "${value("email")}"`);
    } else if (seen.has(email)) {
      skip("the same email appears on an earlier row");
    } else if (!role.success) {
      skip(`unknown role "${value("role")}": use student, tutor or admin`);
    } else {
      seen.add(email);
      const result = await addMember(db, courseId, { email, name: value("name"), role: role.data });
      if (result.status === "already-member") {
        skip(`already a member as ${result.role}`);
      } else {
        const status = result.password === null ? "added" : "created";
        const { password } = result;
        outcomes.push({ line, email, status, role: role.data, reason: null, password });
      }
    }
  }
  return { status: "imported", outcomes };
}
