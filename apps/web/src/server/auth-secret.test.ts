import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { resolveAuthSecret } from "./auth-secret";

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "sawtooth-secret-"));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("resolveAuthSecret", () => {
  test("prefers BETTER_AUTH_SECRET", () => {
    expect(resolveAuthSecret({ BETTER_AUTH_SECRET: "from-env" }, folder)).toBe("from-env");
  });

  test("generates and stores a secret", () => {
    const data = path.join(folder, "data");

    const secret = resolveAuthSecret({}, data);

    const file = path.join(data, "auth-secret");
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(file, "utf8")).toBe(`${secret}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test("reuses the stored secret", () => {
    const first = resolveAuthSecret({}, folder);

    expect(resolveAuthSecret({}, folder)).toBe(first);
    expect(resolveAuthSecret({ BETTER_AUTH_SECRET: "" }, folder)).toBe(first);
  });
});
