import { afterEach, beforeEach, describe, expect, test } from "vitest";

import {
  beginSignIn,
  cancelSignIn,
  clearSignInFailures,
  recordSignInSuccess,
  type SignInKeys,
} from "./sign-in-limit";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let testDatabase: TestDatabase;

beforeEach(() => {
  testDatabase = createTestDatabase();
});

afterEach(async () => {
  await testDatabase.remove();
});

const LIMIT = { perPair: 3, perAddress: 5, perEmail: 4, windowMs: 60_000 };
const START = new Date("2027-01-01T00:00:00Z");
const ALICE: SignInKeys = { email: "alice@example.com", address: "192.0.2.1" };
const ALICE_PAIR = 'pair:"alice@example.com":192.0.2.1';

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
    expect(starts[3]).toEqual({ status: "limited", limitedBy: "pair", retryAt: at(60_000) });
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
    // The rejected sign-in counts against no key.
    const failures = await testDatabase.db.signInFailure.count({
      where: { key: { in: ["email:user5@example.com", 'pair:"user5@example.com":192.0.2.9'] } },
    });
    expect(failures).toBe(0);
  });

  test("limits an email across addresses", async () => {
    const starts = [];
    for (let i = 0; i < 5; i++) {
      starts.push(await begin(i, { email: ALICE.email, address: `198.51.100.${i}` }));
    }

    expect(starts.slice(0, 4).every((start) => start.status === "allowed")).toBe(true);
    expect(starts[4]).toEqual({ status: "limited", limitedBy: "email", retryAt: at(60_000) });
    // The rejected sign-in counts against no key.
    const failures = await testDatabase.db.signInFailure.count({
      where: { key: { in: ["address:198.51.100.4", 'pair:"alice@example.com":198.51.100.4'] } },
    });
    expect(failures).toBe(0);
  });

  test("keeps a pair's lockout to the pair", async () => {
    for (let i = 0; i < 3; i++) {
      await begin(i);
    }

    const samePair = await begin(9);
    const otherEmail = await begin(10, { email: "bob@example.com", address: ALICE.address });
    const otherAddress = await begin(11, { email: ALICE.email, address: "192.0.2.2" });

    expect(samePair).toMatchObject({ status: "limited", limitedBy: "pair" });
    expect(otherEmail.status).toBe("allowed");
    expect(otherAddress.status).toBe("allowed");
  });

  test("counts concurrent sign-ins one at a time", async () => {
    const starts = await Promise.all(Array.from({ length: 8 }, () => begin(0)));

    const allowed = starts.filter((start) => start.status === "allowed");
    expect(allowed).toHaveLength(LIMIT.perPair);
  });

  test("deletes keys idle for a window", async () => {
    await begin(0, { email: "old@example.com", address: "192.0.2.3" });

    await begin(60_000);

    const keys = await testDatabase.db.signInKey.findMany({ orderBy: { key: "asc" } });
    expect(keys.map((key) => key.key)).toEqual([
      "address:192.0.2.1",
      "email:alice@example.com",
      ALICE_PAIR,
    ]);
    const failures = await testDatabase.db.signInFailure.count();
    expect(failures).toBe(3);
  });
});

describe("recordSignInSuccess", () => {
  test("clears the pair's failures", async () => {
    await begin(0);
    await begin(1);
    const started = await begin(2);
    if (started.status !== "allowed") throw new Error("expected the third sign-in to be allowed");

    await recordSignInSuccess(testDatabase.db, ALICE, started);

    expect(await testDatabase.db.signInFailure.count({ where: { key: ALICE_PAIR } })).toBe(0);
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

describe("cancelSignIn", () => {
  test("leaves no failure of the sign-in", async () => {
    await begin(0);
    const started = await begin(1);
    if (started.status !== "allowed") throw new Error("expected the sign-in to be allowed");

    await cancelSignIn(testDatabase.db, started);

    const failures = await testDatabase.db.signInFailure.groupBy({
      by: ["key"],
      _count: true,
      orderBy: { key: "asc" },
    });
    expect(failures.map((row) => [row.key, row._count])).toEqual([
      ["address:192.0.2.1", 1],
      ["email:alice@example.com", 1],
      [ALICE_PAIR, 1],
    ]);
  });
});

describe("clearSignInFailures", () => {
  test("clears the email's failures from every address", async () => {
    const ann = { email: "ann_lee@example.com", address: "192.0.2.1" };
    for (let i = 0; i < 3; i++) {
      await begin(i, ann);
    }
    await begin(3, { email: ann.email, address: "192.0.2.2" });
    // "_" is a wildcard of SQL's LIKE, so this email must keep its failures.
    await begin(4, { email: "ann-lee@example.com", address: "192.0.2.3" });
    await begin(5, { email: "bob@example.com", address: ann.address });

    await clearSignInFailures(testDatabase.db, " Ann_Lee@Example.com");

    const failures = await testDatabase.db.signInFailure.findMany({
      select: { key: true },
      orderBy: { key: "asc" },
    });
    expect(failures.map((failure) => failure.key)).toEqual([
      "address:192.0.2.1",
      "address:192.0.2.1",
      "address:192.0.2.1",
      "address:192.0.2.1",
      "address:192.0.2.2",
      "address:192.0.2.3",
      "email:ann-lee@example.com",
      "email:bob@example.com",
      'pair:"ann-lee@example.com":192.0.2.3',
      'pair:"bob@example.com":192.0.2.1',
    ]);
    expect((await begin(6, ann)).status).toBe("allowed");
  });
});
