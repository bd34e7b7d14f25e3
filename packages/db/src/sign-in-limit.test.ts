import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { beginSignIn, recordSignInSuccess, type SignInKeys } from "./sign-in-limit";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let testDatabase: TestDatabase;

beforeEach(() => {
  testDatabase = createTestDatabase();
});

afterEach(async () => {
  await testDatabase.remove();
});

const LIMIT = { perEmail: 3, perAddress: 5, windowMs: 60_000 };
const START = new Date("2027-01-01T00:00:00Z");
const ALICE: SignInKeys = { email: "alice@example.com", address: "192.0.2.1" };

function at(ms: number): Date {
  return new Date(START.getTime() + ms);
}

function begin(ms: number, keys: SignInKeys = ALICE) {
  return beginSignIn(testDatabase.db, keys, LIMIT, at(ms));
}

describe("beginSignIn", () => {
  test("allows the limit and rejects the next sign-in", async () => {
    const starts = [];
    for (let i = 0; i < 4; i++) {
      starts.push(await begin(i * 1000));
    }

    expect(starts.map((start) => start.status)).toEqual([
      "allowed",
      "allowed",
      "allowed",
      "limited",
    ]);
    expect(starts[3]).toEqual({ status: "limited", limitedBy: "email", retryAt: at(60_000) });
  });

  test("allows again once the oldest failure leaves the window", async () => {
    for (let i = 0; i < 3; i++) {
      await begin(i * 10_000);
    }

    const beforeExpiry = await begin(59_999);
    const atExpiry = await begin(60_000);

    expect(beforeExpiry.status).toBe("limited");
    expect(atExpiry.status).toBe("allowed");
  });

  test("limits an address across emails", async () => {
    const starts = [];
    for (let i = 0; i < 6; i++) {
      starts.push(await begin(i, { email: `user${i}@example.com`, address: "192.0.2.9" }));
    }

    expect(starts.slice(0, 5).every((start) => start.status === "allowed")).toBe(true);
    expect(starts[5]).toEqual({ status: "limited", limitedBy: "address", retryAt: at(60_000) });
    // The rejected sign-in counts against neither key.
    const emailFailures = await testDatabase.db.signInFailure.count({
      where: { key: "email:user5@example.com" },
    });
    expect(emailFailures).toBe(0);
  });

  test("keeps other emails and addresses apart", async () => {
    for (let i = 0; i < 3; i++) {
      await begin(i);
    }

    const otherEmail = await begin(10, { email: "bob@example.com", address: ALICE.address });
    const otherAddress = await begin(11, { email: ALICE.email, address: "192.0.2.2" });

    expect(otherEmail.status).toBe("allowed");
    expect(otherAddress).toMatchObject({ status: "limited", limitedBy: "email" });
  });

  test("counts concurrent sign-ins one at a time", async () => {
    const starts = await Promise.all(Array.from({ length: 8 }, () => begin(0)));

    const allowed = starts.filter((start) => start.status === "allowed");
    expect(allowed).toHaveLength(LIMIT.perEmail);
  });

  test("deletes keys idle for a window", async () => {
    await begin(0, { email: "old@example.com", address: "192.0.2.3" });

    await begin(60_000);

    const keys = await testDatabase.db.signInKey.findMany({ orderBy: { key: "asc" } });
    expect(keys.map((key) => key.key)).toEqual(["address:192.0.2.1", "email:alice@example.com"]);
    const failures = await testDatabase.db.signInFailure.count();
    expect(failures).toBe(2);
  });
});

describe("recordSignInSuccess", () => {
  test("clears the email's failures", async () => {
    await begin(0);
    await begin(1);
    const started = await begin(2);
    if (started.status !== "allowed") throw new Error("expected the third sign-in to be allowed");

    await recordSignInSuccess(testDatabase.db, ALICE, started);

    expect(
      await testDatabase.db.signInFailure.count({ where: { key: "email:alice@example.com" } }),
    ).toBe(0);
    expect((await begin(3)).status).toBe("allowed");
  });

  test("keeps the address's other failures", async () => {
    await begin(0, { email: "victim@example.com", address: ALICE.address });
    const started = await begin(1);
    if (started.status !== "allowed") throw new Error("expected the sign-in to be allowed");

    await recordSignInSuccess(testDatabase.db, ALICE, started);

    const addressFailures = await testDatabase.db.signInFailure.count({
      where: { key: `address:${ALICE.address}` },
    });
    expect(addressFailures).toBe(1);
  });
});
