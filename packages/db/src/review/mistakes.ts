import {
  describeFinding,
  type Feedback,
  type Finding,
  type FindingCode,
  type Problem,
} from "@sawtooth/theory";

import type { Database } from "../client";

/** An incorrect attempt in a mistake group. */
export interface MistakeAttempt {
  id: string;
  createdAt: Date;
  student: { id: string; name: string };
  /** The engine's sentence for this attempt's finding, with its own numbers. */
  message: string;
}

/** Incorrect attempts at one exercise that share the engine's finding of what went wrong. */
export interface MistakeGroup {
  /** Key version, finding code and structural description; stable, for links to one group. */
  key: string;
  code: FindingCode;
  /** The structural part of the finding that all attempts share, such as "output shifted by a constant". */
  label: string;
  /** How many different students made this mistake. */
  students: number;
  /** How many attempts made it, which can exceed the length of `attempts`. */
  attemptCount: number;
  /** The newest attempts, newest first: all of them unless a limit per group was given. */
  attempts: MistakeAttempt[];
}

/**
 * Target findings by how precisely they name the mistake: a structural diagnosis before the
 * first wrong slope, and that before a bare counterexample.
 */
const TARGET_PRIORITY: FindingCode[] = [
  "function.missing-output-relu",
  "function.extra-output-relu",
  "function.negated",
  "function.offset",
  "function.slope",
  "function.differs",
];

/** Findings that describe a failure but not its cause, so they never name a group alone. */
const SECONDARY: FindingCode[] = ["neurons.dead"];

/**
 * Returns the finding that names an incorrect attempt's mistake: the most precise finding of the
 * first failing check, or null when no check failed.
 */
export function primaryFinding(feedback: Pick<Feedback, "checks">): Finding | null {
  const failed = feedback.checks.find((check) => check.outcome === "fail");
  if (!failed) {
    return null;
  }
  const findings = failed.findings.filter((finding) => !SECONDARY.includes(finding.code));
  for (const code of TARGET_PRIORITY) {
    const match = findings.find((finding) => finding.code === code);
    if (match) {
      return match;
    }
  }
  return findings[0] ?? null;
}

/**
 * The version of the key scheme, stored as the key's first word. Keys written under an older
 * scheme (a JSON of all parameters, without this prefix) are recomputed when read.
 */
export const MISTAKE_KEY_VERSION = "v2";

const KEY_PREFIX = `${MISTAKE_KEY_VERSION} `;

/**
 * Describes the structure of a finding: what kind of mistake it is, without the numbers that
 * vary from attempt to attempt (by how much an output is shifted, where an error peaks). Details
 * that name a different mistake stay in, such as a wrong slope's interval or a layer number.
 */
export function describeMistake(finding: Finding): string {
  switch (finding.code) {
    case "submission.invalid":
      return finding.problems.map(describeProblemStructure).join(", ");
    case "architecture.inputs":
      return `${finding.received} inputs instead of ${finding.required}`;
    case "architecture.outputs":
      return `${finding.received} outputs instead of ${finding.required}`;
    case "architecture.too-deep":
      return `more than ${finding.limit} layers`;
    case "architecture.too-shallow":
      return `fewer than ${finding.limit} layers`;
    case "architecture.too-wide":
      return `layer ${finding.layer} wider than ${finding.limit} neurons`;
    case "architecture.too-many-parameters":
      return `more than ${finding.limit} parameters`;
    case "architecture.activation":
      return `${finding.field} ${finding.received} not allowed`;
    case "architecture.numbers":
      return `layer ${finding.layer} ${finding.field} not ${finding.kind === "integer" ? "integers" : "dyadic"}`;
    case "budget.exceeded":
      return finding.layer === 0
        ? "target over the grading budget"
        : `layer ${finding.layer} over the ${finding.unit} budget`;
    case "function.equal":
      return "equal to the target";
    case "function.differs":
      return "output differs from the target";
    case "function.slope":
      // The interval and both slopes are the mistake itself, so the whole sentence is the key.
      return describeFinding(finding).join(" ");
    case "function.negated":
      return "output negated";
    case "function.offset":
      return "output shifted by a constant";
    case "function.missing-output-relu":
      return "missing output ReLU";
    case "function.extra-output-relu":
      return "extra output ReLU";
    case "neurons.dead":
      return "dead neurons";
    case "approximation.within":
      return `error within the tolerance ${finding.tolerance}`;
    case "approximation.exceeds":
      return `error above the tolerance ${finding.tolerance}`;
    case "approximation.undecided":
      return `error undecided against the tolerance ${finding.tolerance}`;
    case "classification.errors":
      return `misclassified points, error above ${finding.maxError}`;
    case "pieces.count":
      return `${finding.count} linear pieces, ${finding.relation} ${finding.required} required`;
  }
}

/** Describes a submission problem by its code, layer and whether a matrix is transposed. */
function describeProblemStructure(problem: Problem): string {
  const layer = problem.place.layer === undefined ? "" : ` in layer ${problem.place.layer}`;
  const transposed = problem.code === "weights-shape" && problem.transposed ? " (transposed)" : "";
  return `${problem.code}${layer}${transposed}`;
}

/** Returns the key that groups a finding with the same mistake in other attempts. */
export function mistakeKey(finding: Finding): string {
  return `${KEY_PREFIX}${finding.code} ${describeMistake(finding)}`;
}

/** Splits a current key into its finding code and structural description. */
function parseMistakeKey(key: string): { code: FindingCode; label: string } {
  const rest = key.slice(KEY_PREFIX.length);
  const space = rest.indexOf(" ");
  return { code: rest.slice(0, space) as FindingCode, label: rest.slice(space + 1) };
}

/** The mistake columns of an attempt; see the `mistakeKey` column of the schema. */
export interface StoredMistake {
  mistakeKey: string | null;
  mistakeLabel: string | null;
}

/**
 * Derives the mistake columns of a graded attempt from its verdict and feedback JSON text. A
 * correct attempt gets null. An incorrect one gets its primary finding's key and the engine's
 * sentence for it, or "" when the feedback names no failing finding or has no checks.
 */
export function deriveMistake(verdict: string, feedback: string): StoredMistake {
  if (verdict !== "incorrect") {
    return { mistakeKey: null, mistakeLabel: null };
  }
  const parsed = parseFeedback(feedback);
  const finding = parsed && primaryFinding(parsed);
  if (!finding) {
    return { mistakeKey: "", mistakeLabel: "" };
  }
  return { mistakeKey: mistakeKey(finding), mistakeLabel: describeFinding(finding).join(" ") };
}

/**
 * Parses stored feedback, or returns null when it is not JSON with a list of checks, so such
 * feedback gets the empty key instead of failing the insert.
 */
function parseFeedback(feedback: string): Pick<Feedback, "checks"> | null {
  try {
    const value = JSON.parse(feedback) as Partial<Feedback> | null;
    return Array.isArray(value?.checks) ? { checks: value.checks } : null;
  } catch {
    return null;
  }
}

/** Incorrect attempts filled in per batch, to bound memory on exercises with many attempts. */
const BATCH_SIZE = 500;

/**
 * Stores the mistake of every incorrect attempt at an exercise that has none yet or one keyed
 * under an older scheme: attempts graded before the mistake columns or the current key version
 * existed. New attempts get theirs when they are stored or regraded, so after the first call this
 * is one indexed lookup that finds nothing.
 */
export async function fillMissingMistakes(db: Database, exerciseId: string): Promise<void> {
  for (;;) {
    const batch = await db.attempt.findMany({
      where: {
        exerciseId,
        verdict: "incorrect",
        OR: [
          { mistakeKey: null },
          { mistakeKey: { not: "" }, NOT: { mistakeKey: { startsWith: KEY_PREFIX } } },
        ],
      },
      select: { id: true, verdict: true, feedback: true, mistakeKey: true },
      take: BATCH_SIZE,
    });
    if (batch.length === 0) return;
    // The condition on the old key makes a concurrent fill of the same attempt harmless.
    await db.$transaction(
      batch.map((row) =>
        db.attempt.updateMany({
          where: { id: row.id, mistakeKey: row.mistakeKey },
          data: deriveMistake(row.verdict, row.feedback),
        }),
      ),
    );
    if (batch.length < BATCH_SIZE) return;
  }
}

/**
 * Groups the incorrect attempts at an exercise by their stored mistake, largest group first.
 * Each group lists its newest `attemptsPerGroup` attempts (at least one), or all of them without
 * the option, so a page that shows a few per group does not read every attempt. Attempts whose
 * feedback names no failing finding are left out. Fills in the mistake of older attempts first.
 */
export async function groupMistakes(
  db: Database,
  exerciseId: string,
  options: { attemptsPerGroup?: number } = {},
): Promise<MistakeGroup[]> {
  await fillMissingMistakes(db, exerciseId);

  const counts = await countMistakes(db, exerciseId);
  const attempts =
    options.attemptsPerGroup === undefined
      ? await listIncorrectAttempts(db, exerciseId, null)
      : await listNewestPerMistake(db, exerciseId, Math.max(1, options.attemptsPerGroup));

  const byKey = new Map<string, MistakeRow[]>();
  for (const attempt of attempts) {
    const rows = byKey.get(attempt.mistakeKey) ?? [];
    rows.push(attempt);
    byKey.set(attempt.mistakeKey, rows);
  }
  return counts
    .map(({ key, attemptCount, students }): MistakeGroup => {
      const rows = byKey.get(key) ?? [];
      return {
        key,
        ...parseMistakeKey(key),
        students,
        attemptCount,
        attempts: rows.map(toMistakeAttempt),
      };
    })
    .sort((a, b) => b.attemptCount - a.attemptCount || a.key.localeCompare(b.key));
}

/** Lists every attempt of one mistake group at an exercise, newest first. */
export async function listMistakeAttempts(
  db: Database,
  exerciseId: string,
  key: string,
): Promise<MistakeAttempt[]> {
  const rows = await listIncorrectAttempts(db, exerciseId, key);
  return rows.map(toMistakeAttempt);
}

function toMistakeAttempt(row: MistakeRow): MistakeAttempt {
  return { id: row.id, createdAt: row.createdAt, student: row.student, message: row.message };
}

interface MistakeRow extends MistakeAttempt {
  mistakeKey: string;
}

/** Counts attempts and students per mistake in one GROUP BY over the mistake index. */
async function countMistakes(
  db: Database,
  exerciseId: string,
): Promise<{ key: string; attemptCount: number; students: number }[]> {
  // COUNT returns a bigint on PostgreSQL and an integer on SQLite, so both are converted below.
  const rows = await db.$queryRaw<
    { key: string; attemptCount: bigint | number; students: bigint | number }[]
  >`
    SELECT "mistakeKey" AS "key", COUNT(*) AS "attemptCount",
      COUNT(DISTINCT "userId") AS "students"
    FROM "attempt"
    WHERE "exerciseId" = ${exerciseId} AND "verdict" = 'incorrect' AND "mistakeKey" <> ''
    GROUP BY "mistakeKey"`;
  return rows.map((row) => ({
    key: row.key,
    attemptCount: Number(row.attemptCount),
    students: Number(row.students),
  }));
}

/** Lists the incorrect attempts at an exercise with a mistake, or of one mistake, newest first. */
async function listIncorrectAttempts(
  db: Database,
  exerciseId: string,
  key: string | null,
): Promise<MistakeRow[]> {
  const rows = await db.attempt.findMany({
    where: { exerciseId, verdict: "incorrect", mistakeKey: key ?? { not: "" } },
    select: mistakeRowFields,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toMistakeRow);
}

/** Ids read per query when loading attempts by id, well under every database's bound. */
const IDS_PER_QUERY = 1000;

/**
 * Lists the newest `limit` incorrect attempts of each mistake at an exercise, newest first. A
 * window function numbers each mistake's attempts on the mistake index, and only the ids it
 * keeps are read in full.
 */
async function listNewestPerMistake(
  db: Database,
  exerciseId: string,
  limit: number,
): Promise<MistakeRow[]> {
  const ranked = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM (
      SELECT "id", ROW_NUMBER() OVER (
        PARTITION BY "mistakeKey" ORDER BY "createdAt" DESC, "id" DESC
      ) AS "rank"
      FROM "attempt"
      WHERE "exerciseId" = ${exerciseId} AND "verdict" = 'incorrect' AND "mistakeKey" <> ''
    ) AS "numbered"
    WHERE "rank" <= ${limit}`;
  const rows: MistakeRow[] = [];
  for (let start = 0; start < ranked.length; start += IDS_PER_QUERY) {
    const ids = ranked.slice(start, start + IDS_PER_QUERY).map((row) => row.id);
    const batch = await db.attempt.findMany({
      where: { id: { in: ids } },
      select: mistakeRowFields,
    });
    rows.push(...batch.map(toMistakeRow));
  }
  return rows.sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
}

const mistakeRowFields = {
  id: true,
  createdAt: true,
  mistakeKey: true,
  mistakeLabel: true,
  user: { select: { id: true, name: true } },
} as const;

function toMistakeRow(row: {
  id: string;
  createdAt: Date;
  mistakeKey: string | null;
  mistakeLabel: string | null;
  user: { id: string; name: string };
}): MistakeRow {
  return {
    id: row.id,
    createdAt: row.createdAt,
    student: row.user,
    mistakeKey: row.mistakeKey ?? "",
    message: row.mistakeLabel ?? "",
  };
}
