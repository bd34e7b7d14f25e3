import { describeFinding, type Feedback, type Finding, type FindingCode } from "@sawtooth/theory";

import type { Database } from "../client";

/** An incorrect attempt in a mistake group. */
export interface MistakeAttempt {
  id: string;
  createdAt: Date;
  student: { id: string; name: string };
}

/** Incorrect attempts at one exercise that share the engine's finding of what went wrong. */
export interface MistakeGroup {
  /** Code plus distinguishing parameters, stable across requests, for links to one group. */
  key: string;
  code: FindingCode;
  /** The engine's sentence for the finding of the newest attempt in the group. */
  label: string;
  /**
   * Whether the attempts differ in details the key leaves out, such as where an approximation's
   * error peaks, so the label is one example of the group.
   */
  example: boolean;
  /** How many different students made this mistake. */
  students: number;
  /** Attempts, newest first. */
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
 * Returns the parameters that tell one mistake from another of the same code, and whether the
 * finding has further details that vary from attempt to attempt and are left out.
 */
function distinguishingParameters(finding: Finding): { parameters: unknown; example: boolean } {
  switch (finding.code) {
    case "approximation.exceeds":
      // Where the error peaks and by how much differ for nearly every network.
      return { parameters: finding.tolerance, example: true };
    case "classification.errors":
      return { parameters: [finding.errors, finding.points], example: true };
    case "submission.invalid":
      return { parameters: finding.problems.map((problem) => problem.code), example: true };
    default: {
      const { code, ...parameters } = finding;
      void code;
      return { parameters, example: false };
    }
  }
}

/** Returns the key that groups a finding with the same mistake in other attempts. */
export function mistakeKey(finding: Finding): string {
  const { parameters } = distinguishingParameters(finding);
  return `${finding.code} ${JSON.stringify(parameters)}`;
}

/** Incorrect attempts read per query, to bound memory on exercises with many attempts. */
const BATCH_SIZE = 500;

/**
 * Groups the incorrect attempts at an exercise by their primary finding, largest group first.
 * Reads the stored feedback in batches, newest first. Attempts whose feedback names no failing
 * finding are left out.
 */
export async function groupMistakes(db: Database, exerciseId: string): Promise<MistakeGroup[]> {
  const groups = new Map<string, MistakeGroup & { studentIds: Set<string> }>();
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const batch = await readIncorrectBatch(db, exerciseId, after);
    for (const row of batch) {
      const finding = primaryFinding(JSON.parse(row.feedback) as Feedback);
      if (!finding) continue;
      const key = mistakeKey(finding);
      let group = groups.get(key);
      if (!group) {
        const label = describeFinding(finding).join(" ");
        const { example } = distinguishingParameters(finding);
        const studentIds = new Set<string>();
        group = { key, code: finding.code, label, example, students: 0, attempts: [], studentIds };
        groups.set(key, group);
      }
      group.attempts.push({ id: row.id, createdAt: row.createdAt, student: row.user });
      group.studentIds.add(row.user.id);
    }
    const last = batch.at(-1);
    if (batch.length < BATCH_SIZE || !last) break;
    after = last;
  }

  return [...groups.values()]
    .map(({ studentIds, ...group }) => ({ ...group, students: studentIds.size }))
    .sort((a, b) => b.attempts.length - a.attempts.length || a.key.localeCompare(b.key));
}

function readIncorrectBatch(
  db: Database,
  exerciseId: string,
  after: { createdAt: Date; id: string } | null,
) {
  const keyset = after
    ? {
        createdAt: { lte: after.createdAt },
        OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }],
      }
    : {};
  return db.attempt.findMany({
    where: { exerciseId, verdict: "incorrect", ...keyset },
    select: {
      id: true,
      createdAt: true,
      feedback: true,
      user: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: BATCH_SIZE,
  });
}
