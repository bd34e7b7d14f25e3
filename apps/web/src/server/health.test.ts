import { afterEach, describe, expect, test } from "vitest";

import { createDatabase, type Database } from "@sawtooth/db";
import { createTestDatabase, type TestDatabase } from "@sawtooth/db/testing";

import { checkHealth } from "./health";

let testDatabase: TestDatabase | undefined;
let unreachable: Database | undefined;

afterEach(async () => {
  await testDatabase?.remove();
  testDatabase = undefined;
  await unreachable?.$disconnect();
  unreachable = undefined;
});

describe("checkHealth", () => {
  test("reports ok when the database answers", async () => {
    testDatabase = createTestDatabase();

    const report = await checkHealth(testDatabase.db);

    expect(report).toEqual({ httpStatus: 200, body: { status: "ok" } });
  });

  test("reports 503 without the database's address or password", async () => {
    // Port 1 on loopback refuses connections.
    unreachable = createDatabase("postgresql://sawtooth:hunter2-secret@127.0.0.1:1/sawtooth");

    const report = await checkHealth(unreachable);
    const body = JSON.stringify(report.body);

    expect(report.httpStatus).toBe(503);
    expect(report.body).toEqual({ status: "unavailable", reason: "The database query failed." });
    expect(body).not.toContain("hunter2-secret");
    expect(body).not.toContain("127.0.0.1");
  });
});
