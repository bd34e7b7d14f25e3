import type { IncomingMessage, ServerResponse } from "node:http";

import type { DestinationStream, Logger } from "pino";

export declare const REDACTED_PATHS: string[];

export declare function createLogger(
  destination?: DestinationStream,
  env?: Record<string, string | undefined>,
): Logger;

export declare function getLogger(): Logger;

export declare function requestLogFields(
  request: Pick<IncomingMessage, "method" | "url">,
  response: Pick<ServerResponse, "statusCode">,
  durationMs: number,
): { method: string | undefined; path: string; status: number; durationMs: number };
