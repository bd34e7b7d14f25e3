import "server-only";

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { dataDirectory } from "@sawtooth/db";

/** File in the data folder that keeps the generated secret across restarts. */
const SECRET_FILE_NAME = "auth-secret";

/**
 * Returns `BETTER_AUTH_SECRET`, or else the secret stored in `auth-secret` of the data folder, generating and
 * storing a random one on first use. Sessions survive restarts because the file is reused.
 */
export function resolveAuthSecret(
  env: Record<string, string | undefined> = process.env,
  folder: string = dataDirectory(),
): string {
  const configured = env["BETTER_AUTH_SECRET"];
  if (configured) {
    return configured;
  }
  const file = path.join(folder, SECRET_FILE_NAME);
  return readSecret(file) ?? createSecret(file);
}

function readSecret(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if (isErrorCode(error, "ENOENT")) {
      return null;
    }
    throw error;
  }
}

function createSecret(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx" fails if the file exists, so when two processes start at once both use the first one.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if (isErrorCode(error, "EEXIST")) {
      return readFileSync(file, "utf8").trim();
    }
    throw error;
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
