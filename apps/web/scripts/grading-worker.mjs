// Grades one submission per task in a worker thread of the web app's grading pool
// (src/server/grading-pool.ts). Plain JavaScript outside the Next.js bundle, so Node runs it as
// it is; it loads the engine's CommonJS build from packages/theory/dist, which
// `pnpm --filter @sawtooth/theory build` writes and every turbo build of the web app runs first.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const engine = loadEngine();

/**
 * Prepared exercises by version id and a hash of the definition. The id alone is not enough,
 * because a version's wording (title, statement, tags) is edited in place.
 */
const preparedByVersion = new Map();
const MAX_PREPARED = 64;

/**
 * Grades `submission` against exercise version `versionId`, whose exercise file is the JSON
 * text `definition`. Posts "started" on `startedPort` first, so the pool counts its time budget
 * from here rather than from when the task was queued.
 *
 * @returns {{ feedback: object, network: string | null, gradingMs: number }}
 */
export default function gradeTask({ versionId, definition, submission, startedPort }) {
  startedPort.postMessage("started");
  startedPort.close();

  const started = performance.now();
  const prepared = preparedVersion(versionId, definition);
  const { feedback, network } = engine.gradeText(prepared, submission);
  const gradingMs = Math.round(performance.now() - started);
  return { feedback, network, gradingMs };
}

function preparedVersion(versionId, definition) {
  const key = `${versionId}:${createHash("sha256").update(definition).digest("base64url")}`;
  const cached = preparedByVersion.get(key);
  if (cached) {
    return cached;
  }
  const result = engine.prepareExercise(JSON.parse(definition));
  if (!result.ok) {
    const problems = result.problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw new Error(`Exercise version ${versionId} is invalid: ${problems.join("; ")}`);
  }
  // Map iterates in insertion order, so the first key is the one prepared longest ago.
  if (preparedByVersion.size >= MAX_PREPARED) {
    preparedByVersion.delete(preparedByVersion.keys().next().value);
  }
  preparedByVersion.set(key, result.prepared);
  return result.prepared;
}

function loadEngine() {
  try {
    return require("@sawtooth/theory/compiled");
  } catch (error) {
    throw new Error(
      "The grading worker cannot load packages/theory/dist, the engine's compiled build. " +
        "Run `pnpm --filter @sawtooth/theory build` (or `pnpm build`) and start again.",
      { cause: error },
    );
  }
}
