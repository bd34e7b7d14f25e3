import type { Database } from "../client";
import { roleSchema, type Role } from "../roles";
import { parseCsv, type CsvRecord } from "./csv";
import { addMember, checkEmailAddress, createOneTimeCredential } from "./members";
import { checkUserName } from "./user-name";

/** What happened to one row of a roster. */
export interface RosterOutcome {
  /** Line of the CSV text the row starts on. */
  line: number;
  email: string;
  /** The name as the row gives it, without white space at either end. */
  name: string;
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
 * by commas, or by semicolons or else tabs when the header row splits into the three columns only
 * that way.
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

  const { skipped, candidates } = checkRosterRows(columns, rows);
  const outcomes = [...skipped];
  for (let start = 0; start < candidates.length; start += ROSTER_CHUNK_SIZE) {
    const chunk = candidates.slice(start, start + ROSTER_CHUNK_SIZE);
    outcomes.push(...(await addRosterChunk(db, courseId, chunk)));
  }
  outcomes.sort((a, b) => a.line - b.line);
  return { status: "imported", outcomes };
}

/** A roster row that passed the checks, to add to the course. */
interface RosterCandidate {
  line: number;
  email: string;
  name: string;
  role: Role;
}

/**
 * Sorts a roster's rows into the ones to add and the ones skipped for a reason that the row
 * alone shows: an invalid email, a rejected name, an email repeated from an earlier row or an
 * unknown role.
 */
function checkRosterRows(
  columns: string[],
  rows: CsvRecord[],
): { skipped: RosterOutcome[]; candidates: RosterCandidate[] } {
  const seen = new Set<string>();
  const skipped: RosterOutcome[] = [];
  const candidates: RosterCandidate[] = [];
  for (const { line, fields } of rows) {
    const value = (column: string) => (fields[columns.indexOf(column)] ?? "").trim();
    const email = value("email").toLowerCase();
    const name = value("name");
    const skip = (reason: string) =>
      skipped.push({ line, email, name, status: "skipped", role: null, reason, password: null });

    const role = roleSchema.safeParse(value("role").toLowerCase());
    const nameProblem = checkUserName(name);
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
      candidates.push({ line, email, name, role: role.data });
    }
  }
  return { skipped, candidates };
}

/**
 * Rows added per round: one query finds which of them have accounts, and the one-time
 * passwords of the others are hashed before their rows are written.
 */
const ROSTER_CHUNK_SIZE = 50;

/**
 * Hashes computed at once. Node runs scrypt in libuv's thread pool, 4 threads unless
 * UV_THREADPOOL_SIZE sets another number, so 3 leave a thread for file access and sign-ins.
 */
const HASH_CONCURRENCY = 3;

/**
 * Adds a chunk of checked rows. Hashing a new account's password takes most of an import's time:
 * about 100 ms of the 108 ms per new person, measured by importing 100 rows into SQLite on an
 * idle 2-core machine. There, two hashes at once took 52 ms each. So the hashes of the chunk's
 * new people are computed several at a time before the rows are written one by one, each as
 * {@link addMember} writes it.
 */
async function addRosterChunk(
  db: Database,
  courseId: string,
  chunk: RosterCandidate[],
): Promise<RosterOutcome[]> {
  const existing = await db.user.findMany({
    where: { email: { in: chunk.map((candidate) => candidate.email) } },
    select: { email: true },
  });
  const hasAccount = new Set(existing.map((user) => user.email));
  const newPeople = chunk.filter((candidate) => !hasAccount.has(candidate.email));
  const credentials = await mapConcurrently(newPeople, HASH_CONCURRENCY, () =>
    createOneTimeCredential(),
  );
  const credentialOf = new Map(newPeople.map((candidate, i) => [candidate, credentials[i]]));

  const outcomes: RosterOutcome[] = [];
  for (const candidate of chunk) {
    const { line, email, name, role } = candidate;
    const result = await addMember(db, courseId, candidate, credentialOf.get(candidate));
    const outcome = { line, email, name, role, reason: null, password: null };
    if (result.status === "already-member") {
      const reason = `already a member as ${result.role}, and an import does not change roles`;
      outcomes.push({ ...outcome, status: "skipped", role: null, reason });
    } else if (result.status === "invalid-name") {
      const reason = `the name ${result.message}`;
      outcomes.push({ ...outcome, status: "skipped", role: null, reason });
    } else {
      const status = result.password === null ? "added" : "created";
      outcomes.push({ ...outcome, status, password: result.password });
    }
  }
  return outcomes;
}

/** Maps `items` with `work`, running at most `limit` calls at a time, in the items' order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runner = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  return results;
}

/** The header's column names in lower case and the rows below it, or why the file is invalid. */
type RosterTable = { columns: string[]; rows: CsvRecord[] } | { message: string };

function readRosterTable(csv: string): RosterTable {
  let table = splitRoster(csv, ",");
  // Excel writes semicolons in locales with a decimal comma, and tabs for "Unicode Text".
  for (const separator of [";", "\t"]) {
    if (!("missing" in table) || table.missing.length === 0) break;
    const other = splitRoster(csv, separator);
    if ("missing" in other && other.missing.length === 0) table = other;
  }
  if ("message" in table) return table;

  const { missing, columns, rows } = table;
  if (missing.length > 0) {
    const names = missing.length === 1 ? "column" : "columns";
    const message =
      `The header row lacks the ${names} ${listWords(missing)}: the first line must name the ` +
      "columns email, name and role, separated by commas, semicolons or tabs.";
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
