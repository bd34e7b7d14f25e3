import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, test } from "vitest";

import { GET as unknownRouteGet, POST as unknownRoutePost } from "@/app/api/v1/[[...path]]/route";
import { GET as openApiGet, POST as openApiPost } from "@/app/api/v1/openapi.json/route";

import { API_OPERATIONS, buildOpenApiDocument } from "./openapi";

const apiFolder = path.join(import.meta.dirname, "../../app/api/v1");

/** Lists the route files under /api/v1 with their OpenAPI path and their implemented methods. */
function routeFiles(): { file: string; path: string; methods: string[] }[] {
  const files = readdirSync(apiFolder, { recursive: true, encoding: "utf8" }).filter(
    (file) => path.basename(file) === "route.ts" && !file.includes("[[...path]]"),
  );
  return files.map((file) => {
    const source = readFileSync(path.join(apiFolder, file), "utf8");
    // Implemented methods are apiRoute(...) handlers or functions; the rest return 405.
    const pattern = /export (?:const (\w+) = apiRoute\(|function (\w+)\()/g;
    const methods = [...source.matchAll(pattern)].map((match) => (match[1] ?? match[2])!);
    const route = `/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}");
    return { file, path: route, methods: methods.map((method) => method.toLowerCase()) };
  });
}

describe("buildOpenApiDocument", () => {
  const document = buildOpenApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };

  test("is OpenAPI 3.1", () => {
    expect(document.openapi).toBe("3.1.0");
  });

  test("documents every route file's methods", () => {
    const routes = routeFiles();

    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const route of routes) {
      expect(route.methods.length, route.file).toBeGreaterThan(0);
      for (const method of route.methods) {
        expect(document.paths[route.path]?.[method], `${method} ${route.path}`).toBeDefined();
      }
    }
  });

  test("documents no operation without a route file", () => {
    const implemented = new Set(
      routeFiles().flatMap((route) => route.methods.map((method) => `${method} ${route.path}`)),
    );

    for (const operation of API_OPERATIONS) {
      expect(implemented).toContain(`${operation.method} ${operation.path}`);
    }
  });

  test("writes request and response schemas as JSON Schema", () => {
    const submit = document.paths["/courses/{course}/exercises/{exercise}/attempts"]!["post"] as {
      requestBody: { content: Record<string, { schema: { properties: object } }> };
      responses: Record<string, unknown>;
    };

    const body = submit.requestBody.content["application/json"]!.schema;
    expect(Object.keys(body.properties)).toEqual(["submission"]);
    expect(Object.keys(submit.responses).sort()).toEqual(
      ["200", "201", "400", "401", "403", "404", "409", "413", "415", "422", "429", "500"].sort(),
    );
  });
});

describe("/api/v1 routes without a handler", () => {
  test("serves the document at openapi.json", async () => {
    const response = openApiGet();

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ openapi: "3.1.0" });
  });

  test("returns 405 for a missing method", async () => {
    const response = openApiPost(
      new Request("http://127.0.0.1/api/v1/openapi.json", { method: "POST" }),
    );

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(await response.json()).toMatchObject({ error: { code: "method_not_allowed" } });
  });

  test("returns a JSON 404 for unknown paths", async () => {
    for (const handler of [unknownRouteGet, unknownRoutePost]) {
      const response = handler(new Request("http://127.0.0.1/api/v1/nope", { method: "POST" }));

      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("not_found");
      expect(body.error.message).toContain("/api/v1/nope");
    }
  });
});
