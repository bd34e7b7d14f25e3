import type { z } from "zod";

import { describeIssue } from "../request-issue";
import { ApiError } from "./errors";

/**
 * Parses a request part with its schema, throwing "invalid_request" that names each field that
 * failed and why.
 */
export function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  part: "body" | "query" | "path",
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.length === 0 ? part : `${part}.${issue.path.join(".")}`;
    return `${field} ${describeIssue(issue)}`;
  });
  throw new ApiError("invalid_request", `Invalid request: ${problems.join("; ")}.`);
}
