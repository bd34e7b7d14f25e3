import autocannon from "autocannon";

import { LECTURE_COURSE_SLUG } from "../e2e/accounts";
import { encodeStringArguments, readActionResult, submitHeaders } from "./server-action";
import { benchSubmission, type BenchSubmission } from "./submissions";

/** Target servers, sessions and duration of one load level. */
export interface LoadOptions {
  /** Servers sharing one database; the clients are spread evenly over them. */
  baseUrls: readonly string[];
  submitActionId: string;
  /** Cookie headers of signed-in students; requests take turns over them. */
  sessions: readonly string[];
  clients: number;
  durationSeconds: number;
  /** Numbers the submissions, so that every request of a run sends a different network. */
  counter: { next: number };
}

/** Counts and latencies of one load level. */
export interface LoadResult {
  clients: number;
  durationSeconds: number;
  /** Responses received, of any status. */
  responses: number;
  /** New attempts the server graded and stored, by their ids. */
  storedAttemptIds: string[];
  /** Graded responses that returned an earlier attempt instead of storing one. */
  duplicates: number;
  /** Graded responses whose verdict differs from the expected one. */
  wrongVerdicts: number;
  /** Responses with the status "invalid" or "rejected", or without a readable action result. */
  failedResults: number;
  /** The first message of a failed result, to show what went wrong. */
  firstFailure: string | null;
  non2xx: number;
  /** Connection errors and timeouts, as autocannon counts them. */
  errors: number;
  timeouts: number;
  /** Latency percentiles of 2xx responses in milliseconds, from send to complete response. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanResponseBytes: number;
  /** CPU time the server process spent per response, user and system, or null if unknown. */
  serverCpuMsPerResponse: number | null;
}

/**
 * Runs `clients` autocannon connections for a fixed duration, spread over the servers, each
 * sending `submitAttempt` calls with a new network every time, and reads every response's action
 * result. A connection sends its next request when the previous response is complete, so its
 * latency is the time from building a request to receiving its response.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = {
    clients: options.clients,
    durationSeconds: options.durationSeconds,
    responses: 0,
    storedAttemptIds: [],
    duplicates: 0,
    wrongVerdicts: 0,
    failedResults: 0,
    firstFailure: null,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    p50Ms: 0,
    p99Ms: 0,
    maxMs: 0,
    meanResponseBytes: 0,
    serverCpuMsPerResponse: null,
  };
  const latencies: number[] = [];
  let responseBytes = 0;

  const servers = options.baseUrls.length;
  const runs = options.baseUrls.map((baseUrl, index) => {
    // The first servers take one more client when the clients do not split evenly.
    const clients =
      Math.floor(options.clients / servers) + (index < options.clients % servers ? 1 : 0);
    if (clients === 0) {
      return null;
    }
    return autocannon({
      url: baseUrl,
      connections: clients,
      duration: options.durationSeconds,
      timeout: 10,
      setupClient: (client) => {
        // Each connection has one request in flight, so the next response belongs to the latest one built.
        let sent: BenchSubmission | null = null;
        let sentAt = 0;
        client.setRequests([
          {
            method: "POST",
            setupRequest: (request) => {
              const n = options.counter.next;
              options.counter.next += 1;
              sent = benchSubmission(n);
              sentAt = performance.now();
              return buildRequest(
                options.submitActionId,
                baseUrl,
                options.sessions,
                n,
                sent,
                request,
              );
            },
            onResponse: (status, body) => {
              result.responses += 1;
              responseBytes += Buffer.byteLength(body);
              if (status < 200 || status > 299) {
                result.non2xx += 1;
                return;
              }
              latencies.push(performance.now() - sentAt);
              countResult(result, readActionResult(body), sent);
            },
          },
        ]);
      },
    });
  });
  for (const summary of await Promise.all(runs)) {
    result.errors += summary?.errors ?? 0;
    result.timeouts += summary?.timeouts ?? 0;
  }

  latencies.sort((x, y) => x - y);
  result.p50Ms = Math.round(percentile(latencies, 0.5));
  result.p99Ms = Math.round(percentile(latencies, 0.99));
  result.maxMs = Math.round(latencies.at(-1) ?? 0);
  result.meanResponseBytes = result.responses > 0 ? responseBytes / result.responses : 0;
  return result;
}

/** Returns the `q` quantile of sorted values by the nearest-rank method, or 0 for none. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

function buildRequest(
  submitActionId: string,
  baseUrl: string,
  sessions: readonly string[],
  n: number,
  submission: BenchSubmission,
  request: autocannon.Request,
): autocannon.Request {
  // Two consecutive numbers go to the same student, one to each exercise.
  const session = sessions[Math.floor(n / 2) % sessions.length] ?? "";
  const { exerciseId, raw } = submission;
  return {
    ...request,
    method: "POST",
    path: `/courses/${LECTURE_COURSE_SLUG}/exercises/${exerciseId}`,
    headers: {
      ...submitHeaders(submitActionId, baseUrl, LECTURE_COURSE_SLUG, exerciseId),
      cookie: session,
    },
    // The page binds the course and the exercise, so the browser sends them before the network.
    body: encodeStringArguments([LECTURE_COURSE_SLUG, exerciseId, raw]),
  };
}

function countResult(
  result: LoadResult,
  action: ReturnType<typeof readActionResult>,
  sent: BenchSubmission | null,
): void {
  if (action === null || action.status !== "graded") {
    result.failedResults += 1;
    result.firstFailure ??= describeFailure(action);
    return;
  }
  if (action.duplicate) {
    result.duplicates += 1;
  } else {
    result.storedAttemptIds.push(action.attemptId);
  }
  if (action.feedback.verdict !== sent?.expectedVerdict) {
    result.wrongVerdicts += 1;
  }
}

function describeFailure(action: ReturnType<typeof readActionResult>): string {
  if (action === null) {
    return "a response without a readable action result";
  }
  if (action.status === "rejected" || action.status === "too-complex") {
    return `${action.status}: ${action.message}`;
  }
  return `invalid: ${action.feedback.messages.join(" ")}`;
}
