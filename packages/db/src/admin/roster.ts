import type { Database } from "../client";
import { roleSchema, type Role } from "../roles";
import { parseCsv, type CsvRecord } from "./csv";
import { addMember, checkEmailAddress } from "./members";
import { checkUserName } from "./user-name";

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

/**
 * Adds every row of a CSV roster (a header row naming the columns email, name and role in any
 * order, then one person per row) to a course. A row is skipped, with its reason, when its email
 * is invalid or repeats an earlier row, {@link checkUserName} rejects its name, its role is
 * unknown, or the person is a member already, whose role the import leaves as it is. The other
 * rows are added. New people get an account with a one-time password. The columns are separated
 * by commas, or by semicolons when the header row splits into the three columns only that way.
 */
export async function importRoster(
  db: Database,
  courseId: string,
  csv: string,
): Promise<RosterResult> {
  const table = readRosterTable(csv);
  if ("message" in table) {
    return { status: "invalid", message: table.message };
  }
  const { columns, rows } = table;

  const seen = new Set<string>();
  const outcomes: RosterOutcome[] = [];
  for (const { line, fields } of rows) {
    const value = (column: string) => (fields[columns.indexOf(column)] ?? "").trim();
    const email = value("email").toLowerCase();
    const skip = (reason: string) =>
      outcomes.push({ line, email, status: "skipped", role: null, reason, password: null });

    const role = roleSchema.safeParse(value("role").toLowerCase());
    const nameProblem = checkUserName(value("name"));
    const emailProblem = checkEmailAddress(email);
    if (emailProblem?.code === "invalid-format") {
      skip(`invalid email address "${value("email")}"`);
    } else if (emailProblem !== null) {
      skip(`the email address is too long: ${emailProblem.message}`);
    } else if (nameProblem !== null) {
      skip(`the name ${nameProblem.message}`);
    } else if (seen.has(email)) {
      skip("the same email appears on an earlier row");
    } else if (!role.success) {
      skip(`unknown role "${value("role")}": use student, tutor or admin`);
    } else {
      seen.add(email);
      const result = await addMember(db, courseId, { email, name: value("name"), role: role.data });
      if (result.status === "already-member") {
        skip(`already a member as ${result.role}, and an import does not change roles`);
      } else if (result.status === "invalid-name") {
        skip(`the name ${result.message}`);
      } else {
        const status = result.password === null ? "added" : "created";
        const { password } = result;
        outcomes.push({ line, email, status, role: role.data, reason: null, password });
      }
    }
  }
  return { status: "imported", outcomes };
}

/** The header's column names in lower case and the rows below it, or why the file is invalid. */
type RosterTable = { columns: string[]; rows: CsvRecord[] } | { message: string };

function readRosterTable(csv: string): RosterTable {
  let table = splitRoster(csv, ",");
  if ("missing" in table && table.missing.length > 0) {
    const semicolon = splitRoster(csv, ";");
    if ("missing" in semicolon && semicolon.missing.length === 0) table = semicolon;
  }
  if ("message" in table) return table;

  const { missing, columns, rows } = table;
  if (missing.length > 0) {
    const names = missing.length === 1 ? "column" : "columns";
    const message =
      `The header row lacks the ${names} ${listWords(missing)}: the first line must name the ` +
      "columns email, name and role, separated by commas.";
    return { message };
  }
  if (rows.length === 0) {
    const message =
      "The file has no rows after the header: add one person per line, such as " +
      "ada@example.org,Ada Lovelace,student.";
    return { message };
  }
  return { columns, rows };
}

function splitRoster(
  csv: string,
  separator: string,
): { columns: string[]; rows: CsvRecord[]; missing: string[] } | { message: string } {
  let records;
  try {
    records = parseCsv(csv, separator);
  } catch (error) {
    return { message: (error as Error).message };
  }
  const [header, ...rows] = records;
  if (!header) {
    return { message: "The file is empty: add a header row email,name,role." };
  }
  const columns = header.fields.map((field) => field.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  return { columns, rows, missing };
}

/** Joins words as English lists them: "a", "a and b", "a, b and c". */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
