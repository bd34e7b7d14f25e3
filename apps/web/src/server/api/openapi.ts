import { z } from "zod";

import { MAX_SUBMISSION_BYTES } from "@/lib/submission-limits";

import { MAX_API_BODY_BYTES } from "./body";
import { API_ERROR_STATUS, type ApiErrorCode } from "./errors";
import {
  attemptParamsSchema,
  attemptSchema,
  courseListSchema,
  courseParamsSchema,
  errorSchema,
  exerciseListSchema,
  exerciseParamsSchema,
  gradebookQuerySchema,
  gradebookSchema,
  invalidSubmissionSchema,
  submitRequestSchema,
  submitResponseSchema,
} from "./schemas";

/** One documented response of an operation. */
interface ResponseSpec {
  description: string;
  /** The JSON body's schema; a CSV body gives `csv` instead. */
  schema?: z.ZodType;
  csv?: true;
}

/** One route and method of the API, as the OpenAPI document describes it. */
export interface ApiOperation {
  method: "get" | "post";
  /** The path below /api/v1 in OpenAPI's template form, such as `/attempts/{attempt}`. */
  path: string;
  operationId: string;
  summary: string;
  /** False only for the OpenAPI document itself. */
  authenticated: boolean;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, ResponseSpec>;
  /** Error codes this operation can return besides the ones every authenticated one can. */
  errors: ApiErrorCode[];
}

/** Every operation of the API. A test checks that each route file's methods are listed. */
export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/courses",
    operationId: "listCourses",
    summary: "List the courses you are a member of, with your role in each",
    authenticated: true,
    responses: { 200: { description: "Your courses", schema: courseListSchema } },
    errors: [],
  },
  {
    method: "get",
    path: "/courses/{course}/exercises",
    operationId: "listExercises",
    summary: "List a course's exercises as you may see them, with your progress",
    authenticated: true,
    pathParams: courseParamsSchema,
    responses: {
      200: { description: "The exercises in course order", schema: exerciseListSchema },
    },
    errors: ["invalid_request", "not_found"],
  },
  {
    method: "post",
    path: "/courses/{course}/exercises/{exercise}/attempts",
    operationId: "submitAttempt",
    summary: "Grade a network and store it as your attempt",
    authenticated: true,
    pathParams: exerciseParamsSchema,
    body: submitRequestSchema,
    responses: {
      201: { description: "Graded and stored as a new attempt", schema: submitResponseSchema },
      200: {
        description: "The same network was stored before: its attempt, no attempt used",
        schema: submitResponseSchema,
      },
      422: {
        description:
          "Not gradable (invalid_submission: unreadable, breaks the constraints) or over the " +
          "grading budget (too_complex): nothing stored, no attempt used",
        schema: invalidSubmissionSchema,
      },
    },
    errors: [
      "malformed_json",
      "invalid_request",
      "not_found",
      "forbidden",
      "deadline_passed",
      "attempt_limit_reached",
      "conflict",
      "payload_too_large",
      "unsupported_media_type",
      "too_complex",
    ],
  },
  {
    method: "get",
    path: "/attempts/{attempt}",
    operationId: "getAttempt",
    summary: "Read an attempt with its feedback: your own, or any of a course you teach",
    authenticated: true,
    pathParams: attemptParamsSchema,
    responses: { 200: { description: "The attempt", schema: attemptSchema } },
    errors: ["invalid_request", "not_found"],
  },
  {
    method: "get",
    path: "/courses/{course}/gradebook",
    operationId: "exportGradebook",
    summary: "Export the gradebook as JSON or CSV (tutors and admins)",
    authenticated: true,
    pathParams: courseParamsSchema,
    query: gradebookQuerySchema,
    responses: {
      200: {
        description: "The gradebook; text/csv with format=csv",
        schema: gradebookSchema,
        csv: true,
      },
    },
    errors: ["invalid_request", "forbidden", "not_found"],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This OpenAPI 3.1 document",
    authenticated: false,
    responses: { 200: { description: "The document" } },
    errors: [],
  },
];

/** Errors that every authenticated operation can return. */
const COMMON_ERRORS: ApiErrorCode[] = [
  "unauthorized",
  "invalid_token",
  "rate_limited",
  "internal_error",
];

/** Converts a zod schema to the JSON Schema 2020-12 that OpenAPI 3.1 embeds. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io });
  return rest;
}

function parameters(operation: ApiOperation): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  for (const [place, object] of [
    ["path", operation.pathParams],
    ["query", operation.query],
  ] as const) {
    if (!object) continue;
    for (const [name, schema] of Object.entries(object.shape)) {
      const spec = jsonSchema(schema as z.ZodType, "input");
      list.push({
        name,
        in: place,
        required: place === "path",
        description: spec["description"],
        schema: spec,
      });
    }
  }
  return list;
}

function responses(operation: ApiOperation): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(operation.responses)) {
    const content: Record<string, unknown> = {};
    if (spec.schema) content["application/json"] = { schema: jsonSchema(spec.schema, "output") };
    if (spec.csv) content["text/csv"] = { schema: { type: "string" } };
    result[status] = {
      description: spec.description,
      ...(spec.schema || spec.csv ? { content } : {}),
    };
  }
  const codes = [...operation.errors, ...(operation.authenticated ? COMMON_ERRORS : [])];
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of codes) {
    const status = API_ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, statusCodes] of byStatus) {
    if (result[status]) continue;
    result[status] = {
      description: `Error: ${statusCodes.join(", ")}`,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return result;
}

/** Builds the OpenAPI 3.1 document of the API from {@link API_OPERATIONS} and their schemas. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of API_OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      operationId: operation.operationId,
      summary: operation.summary,
      ...(operation.authenticated ? {} : { security: [] }),
      parameters: parameters(operation),
      ...(operation.body && {
        requestBody: {
          required: true,
          content: { "application/json": { schema: jsonSchema(operation.body, "input") } },
        },
      }),
      responses: responses(operation),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sawtooth API",
      version: "1",
      description:
        "Submit networks and read feedback from scripts. Authenticate with a personal access " +
        "token from /account/tokens as `Authorization: Bearer <token>`. Request bodies are " +
        `JSON of at most ${MAX_API_BODY_BYTES} bytes, and a submission's text at most ` +
        `${MAX_SUBMISSION_BYTES} bytes of UTF-8. Errors are {"error": {"code", "message"}}.`,
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }],
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer" } },
      schemas: { Error: jsonSchema(errorSchema, "output") },
    },
    paths,
  };
}
