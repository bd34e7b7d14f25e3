import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { hashPassword } from "better-auth/crypto";

import { createDatabase } from "@sawtooth/db";

import { SECOND_STUDENT } from "./accounts";

const webFolder = fileURLToPath(new URL("..", import.meta.url));
const dbFolder = path.join(webFolder, "..", "..", "packages", "db");
const nextBin = path.join(webFolder, "node_modules", "next", "dist", "bin", "next");

/**
 * Builds the app if no production build exists, migrates and seeds a database in a temporary
 * folder, and starts `next start` on a free port of 127.0.0.1. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(path.join(webFolder, ".next", "BUILD_ID"))) {
    run(process.execPath, [nextBin, "build"], webFolder, {});
  }

  const folder = mkdtempSync(path.join(tmpdir(), "sawtooth-e2e-"));
  const env = {
    DATABASE_URL: `file:${path.join(folder, "e2e.db")}`,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    SAWTOOTH_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  run("pnpm", ["exec", "prisma", "migrate", "deploy"], dbFolder, env);
  run("pnpm", ["run", "seed"], dbFolder, env);
  await addCourseWithoutMembers(env.DATABASE_URL);
  await addSecondStudent(env.DATABASE_URL);

  const port = await findFreePort();
  const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", `${port}`], {
    cwd: webFolder,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${baseUrl}/sign-in`, server);
  process.env["SAWTOOTH_E2E_BASE_URL"] = baseUrl;

  return async () => {
    await stop(server);
    rmSync(folder, { recursive: true, force: true });
  };
}

/** Adds a course that exists but has no members, for the test that a non-member gets a 404. */
async function addCourseWithoutMembers(url: string): Promise<void> {
  const db = createDatabase(url);
  try {
    await db.course.create({ data: { slug: "private-course", title: "Private course" } });
  } finally {
    await db.$disconnect();
  }
}

/**
 * Adds a second student to the lecture's course, for the test that a student cannot open another
 * student's attempt. The account is stored as better-auth stores an email-and-password sign-up.
 */
async function addSecondStudent(url: string): Promise<void> {
  const db = createDatabase(url);
  try {
    const course = await db.course.findUniqueOrThrow({ where: { slug: "deep-learning-theory" } });
    const userId = randomUUID();
    await db.user.create({
      data: {
        id: userId,
        name: SECOND_STUDENT.name,
        email: SECOND_STUDENT.email,
        emailVerified: true,
        accounts: {
          create: {
            id: randomUUID(),
            accountId: userId,
            providerId: "credential",
            password: await hashPassword(SECOND_STUDENT.password),
          },
        },
        memberships: { create: { courseId: course.id, role: "student" } },
      },
    });
  } finally {
    await db.$disconnect();
  }
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): void {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}.`);
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`next start exited with code ${server.exitCode} before it was ready.`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop(server);
  throw new Error(`next start timed out: ${url} did not respond within 30 s.`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}
