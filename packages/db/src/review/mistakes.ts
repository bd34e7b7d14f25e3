import {
  describeFinding,
  type Feedback,
  type Finding,
  type FindingCode,
  type Problem,
} from "@sawtooth/theory";

import type { Database } from "../client";
import { Prisma } from "../generated/prisma/client";

/** An incorrect attempt in a mistake group. */
export interface MistakeAttempt {
  id: string;
  createdAt: Date;
  student: { id: string; name: string };
  /** The engine's sentence for this attempt's finding, with its own numbers. */
  message: string;
}

/** One of the engine's sentences within a mistake group, with how often it was given. */
export interface MistakeVariant {
  /** The engine's sentence with its numbers, such as "On [1/2, 1] … slope 2 instead of -2." */
  message: string;
  attemptCount: number;
  /** How many different students received this sentence. */
  students: number;
}

/** Incorrect attempts at one exercise that share the kind of mistake the engine found. */
export interface MistakeGroup {
  /** Key version, finding code and kind of mistake; stable, for links to one group. */
  key: string;
  code: FindingCode;
  /** The kind of mistake without numbers, such as "wrong slope on an interval". */
  label: string;
  /** How many different students made this mistake. */
  students: number;
  /** How many attempts made it, which can exceed the length of `attempts`. */
  attemptCount: number;
  /**
   * The distinct sentences the attempts received, most frequent first and the most recently
   * given first among equally frequent ones. All of them unless a limit per group was given.
   */
  variants: MistakeVariant[];
  /** How many distinct sentences the group has, which can exceed the length of `variants`. */
  variantCount: number;
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
 * scheme are recomputed when read: the first had no prefix and a JSON of all parameters, and v2
 * kept the numbers of a wrong slope and of a piece count. A change to any label below needs a new
 * version, because a group is the set of attempts whose stored key is equal.
 */
export const MISTAKE_KEY_VERSION = "v3";

const KEY_PREFIX = `${MISTAKE_KEY_VERSION} `;

/**
 * Describes the kind of a finding's mistake, which heads a group of attempts. The numbers that
 * vary from attempt to attempt stay out: a wrong slope's interval and slopes, the constant an
 * output is shifted by, how many pieces or layers a network has. The exercise's limits stay out
 * too, so a layer number is the only number in a label. Structure that names a different mistake
 * stays in: a layer number, a transposed matrix, the field or activation at fault, and whether a
 * network has too few or too many pieces.
 */
export function describeMistake(finding: Finding): string {
  switch (finding.code) {
    case "submission.invalid":
      return [...new Set(finding.problems.map(describeProblemStructure))].join(", ");
    case "architecture.inputs":
      return "wrong number of inputs";
    case "architecture.outputs":
      return "wrong number of outputs";
    case "architecture.too-deep":
      return "too many layers";
    case "architecture.too-shallow":
      return "too few layers";
    case "architecture.too-wide":
      return `layer ${finding.layer} too wide`;
    case "architecture.too-many-parameters":
      return "too many parameters";
    case "architecture.activation": {
      const where = finding.field === "activation" ? "hidden" : "output";
      return `${where} activation ${finding.received} not allowed`;
    }
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
      return "wrong slope on an interval";
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
      return "error within the tolerance";
    case "approximation.exceeds":
      return "error above the tolerance";
    case "approximation.undecided":
      return "error too close to the tolerance to decide";
    case "classification.errors":
      return "misclassified points";
    case "pieces.count":
      return describePieceCount(finding.count, finding.required);
  }
}

/** Names the direction of a wrong piece count, which the count's numbers decide. */
function describePieceCount(count: number, required: number): string {
  if (count < required) return "too few linear pieces";
  if (count > required) return "too many linear pieces";
  return "the required number of linear pieces";
}

/**
 * Describes a submission problem by its code, layer and whether a matrix is transposed, leaving
 * out the row, column and value, so repeated problems of one kind collapse into one description.
 */
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

/** How many attempts and sentences {@link groupMistakes} lists per group; all without a limit. */
export interface GroupMistakesOptions {
  attemptsPerGroup?: number;
  variantsPerGroup?: number;
}

/**
 * Groups the incorrect attempts at an exercise by their stored mistake, largest group first.
 * Each group lists its newest `attemptsPerGroup` attempts and its `variantsPerGroup` most frequent
 * sentences (at least one of each), or all of them without the option, so a page that shows a
 * few per group does not read every attempt. Attempts whose feedback names no failing finding
 * are left out. Fills in the mistake of older attempts first.
 */
export async function groupMistakes(
  db: Database,
  exerciseId: string,
  options: GroupMistakesOptions = {},
): Promise<MistakeGroup[]> {
  await fillMissingMistakes(db, exerciseId);

  const counts = await countMistakes(db, exerciseId);
  const variants = await countVariants(db, exerciseId, {
    key: null,
    limit: atLeastOne(options.variantsPerGroup),
  });
  const attempts =
    options.attemptsPerGroup === undefined
      ? await listIncorrectAttempts(db, exerciseId, null)
      : await listNewestPerMistake(db, exerciseId, Math.max(1, options.attemptsPerGroup));

  const attemptsByKey = groupByKey(attempts);
  const variantsByKey = groupByKey(variants);
  return counts
    .map(({ key, attemptCount, students }): MistakeGroup => {
      const keyVariants = variantsByKey.get(key) ?? [];
      return {
        key,
        ...parseMistakeKey(key),
        students,
        attemptCount,
        variants: keyVariants.map(toMistakeVariant),
        variantCount: keyVariants[0]?.variantCount ?? 0,
        attempts: (attemptsByKey.get(key) ?? []).map(toMistakeAttempt),
      };
    })
    .sort((a, b) => b.attemptCount - a.attemptCount || a.key.localeCompare(b.key));
}

function atLeastOne(limit: number | undefined): number | null {
  return limit === undefined ? null : Math.max(1, limit);
}

function groupByKey<T extends { mistakeKey: string }>(rows: T[]): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  for (const row of rows) {
    const group = byKey.get(row.mistakeKey) ?? [];
    group.push(row);
    byKey.set(row.mistakeKey, group);
  }
  return byKey;
}

/** Lists every sentence of one mistake group at an exercise, most frequent first. */
export async function listMistakeVariants(
  db: Database,
  exerciseId: string,
  key: string,
): Promise<MistakeVariant[]> {
  const rows = await countVariants(db, exerciseId, { key, limit: null });
  return rows.map(toMistakeVariant);
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

interface VariantRow extends MistakeVariant {
  mistakeKey: string;
  /** How many distinct sentences the row's mistake has in all. */
  variantCount: number;
}

function toMistakeVariant(row: VariantRow): MistakeVariant {
  return { message: row.message, attemptCount: row.attemptCount, students: row.students };
}

/**
 * Counts attempts and students per sentence of every mistake at an exercise, or of the mistake
 * `key`, in one GROUP BY, and keeps each mistake's `limit` most frequent sentences (all for
 * null). Ties go to the sentence given most recently, and then to the sentence's text.
 */
async function countVariants(
  db: Database,
  exerciseId: string,
  { key, limit }: { key: string | null; limit: number | null },
): Promise<VariantRow[]> {
  const oneKey = key === null ? Prisma.empty : Prisma.sql`AND "mistakeKey" = ${key}`;
  const bound = limit === null ? Prisma.empty : Prisma.sql`WHERE "rank" <= ${limit}`;
  // COUNT returns a bigint on PostgreSQL and an integer on SQLite, so both are converted below.
  const rows = await db.$queryRaw<
    {
      key: string;
      message: string;
      attemptCount: bigint | number;
      students: bigint | number;
      variantCount: bigint | number;
    }[]
  >`
    SELECT "key", "message", "attemptCount", "students", "variantCount" FROM (
      SELECT "mistakeKey" AS "key", COALESCE("mistakeLabel", '') AS "message",
        COUNT(*) AS "attemptCount", COUNT(DISTINCT "userId") AS "students",
        COUNT(*) OVER (PARTITION BY "mistakeKey") AS "variantCount",
        ROW_NUMBER() OVER (
          PARTITION BY "mistakeKey"
          ORDER BY COUNT(*) DESC, MAX("createdAt") DESC, COALESCE("mistakeLabel", '')
        ) AS "rank"
      FROM "attempt"
      WHERE "exerciseId" = ${exerciseId} AND "verdict" = 'incorrect' AND "mistakeKey" <> ''
        ${oneKey}
      GROUP BY "mistakeKey", "mistakeLabel"
    ) AS "ranked"
    ${bound}
    ORDER BY "key", "rank"`;
  return rows.map((row) => ({
    mistakeKey: row.key,
    message: row.message,
    attemptCount: Number(row.attemptCount),
    students: Number(row.students),
    variantCount: Number(row.variantCount),
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
