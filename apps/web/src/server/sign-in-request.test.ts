import type { IncomingMessage } from "node:http";

import { beforeAll, describe, expect, test } from "vitest";

import { addMember, beginSignIn, getDatabase } from "@sawtooth/db";

import { POST } from "@/app/api/auth/[...all]/route";
import { sendAuthRequest, setUpAuthTestDatabase } from "@/testing/auth-requests";

import {
  CLIENT_ADDRESS_HEADER,
  clientAddressOf,
  stampClientAddress,
} from "../../scripts/client-address.mjs";
import { createAuth } from "./auth";
import { clientAddress, limitSignInRoute, SIGN_IN_LIMIT, signInRequest } from "./sign-in-request";

const database = setUpAuthTestDatabase();

const NOW = new Date("2027-01-15T12:00:00Z");
let password = "";
let bobPassword = "";
let carolPassword = "";
let davePassword = "";

/** Adds a student with a new account and returns the one-time password. */
async function addStudent(courseId: string, name: string): Promise<string> {
  const member = { email: `${name.toLowerCase()}@example.com`, name, role: "student" } as const;
  const added = await addMember(database.current.db, courseId, member);
  if (added.status !== "added" || added.password === null) {
    throw new Error(`Expected a new account for ${name}, got ${added.status}.`);
  }
  return added.password;
}

beforeAll(async () => {
  const course = await database.current.db.course.create({ data: { slug: "c1", title: "C1" } });
  password = await addStudent(course.id, "Alice");
  bobPassword = await addStudent(course.id, "Bob");
  carolPassword = await addStudent(course.id, "Carol");
  davePassword = await addStudent(course.id, "Dave");
});

function form(email: string, typedPassword: string): FormData {
  const data = new FormData();
  data.set("email", email);
  data.set("password", typedPassword);
  data.set("next", "/courses/c1");
  return data;
}

function headersFrom(address: string): Headers {
  return new Headers({ host: "127.0.0.1:3000", [CLIENT_ADDRESS_HEADER]: address });
}

function send(email: string, typedPassword: string, address: string, now = NOW) {
  return signInRequest(getDatabase(), form(email, typedPassword), headersFrom(address), now);
}

function minutesLater(minutes: number): Date {
  return new Date(NOW.getTime() + minutes * 60_000);
}

describe("signInRequest", () => {
  test("signs in and returns the return path", async () => {
    const result = await send("Alice@Example.com ", password, "192.0.2.10");

    expect(result).toEqual({ status: "signed-in", returnPath: "/courses/c1" });
  });

  test("locks a pair after five failures, right password included", async () => {
    const address = "192.0.2.11";
    for (let i = 0; i < SIGN_IN_LIMIT.perPair; i++) {
      const failed = await send("alice@example.com", `wrong-${i}`, address, minutesLater(i));
      expect(failed).toMatchObject({ state: { error: "Invalid email or password." } });
    }

    const locked = await send("alice@example.com", password, address, minutesLater(5));
    const elsewhere = await send("alice@example.com", password, "192.0.2.12", minutesLater(5));
    const lastMinute = await send("alice@example.com", password, address, minutesLater(14.5));
    const afterWindow = await send("alice@example.com", password, address, minutesLater(15));

    expect(locked).toEqual({
      status: "rejected",
      state: {
        error: "Too many failed sign-ins for this email: try again in 10 minutes.",
        email: "alice@example.com",
      },
    });
    expect(elsewhere.status).toBe("signed-in");
    expect(lastMinute).toMatchObject({
      state: { error: "Too many failed sign-ins for this email: try again in 1 minute." },
    });
    expect(afterWindow.status).toBe("signed-in");
  });

  test("gives the same message for an unknown email", async () => {
    const address = "192.0.2.13";
    for (let i = 0; i < SIGN_IN_LIMIT.perPair; i++) {
      await send("nobody@example.com", "wrong", address, minutesLater(20));
    }

    const locked = await send("nobody@example.com", "wrong", address, minutesLater(20));

    expect(locked).toMatchObject({
      state: { error: "Too many failed sign-ins for this email: try again in 15 minutes." },
    });
  });

  // Six password checks of about 0.1 s each, which a loaded machine makes several seconds.
  test("clears the pair's failures on success", async () => {
    const later = minutesLater(60);
    for (let i = 0; i < SIGN_IN_LIMIT.perPair - 1; i++) {
      await send("alice@example.com", "wrong", "192.0.2.14", later);
    }

    const signedIn = await send("alice@example.com", password, "192.0.2.14", later);
    const failures = await database.current.db.signInFailure.count({
      where: { key: 'pair:"alice@example.com":192.0.2.14' },
    });
    const afterClear = await send("alice@example.com", "wrong", "192.0.2.14", later);

    expect(signedIn.status).toBe("signed-in");
    expect(failures).toBe(0);
    expect(afterClear).toMatchObject({ state: { error: "Invalid email or password." } });
  }, 30_000);

  // Each failed sign-in hashes a password, which makes fifty of them take several seconds.
  test("limits one address across emails", async () => {
    const address = "192.0.2.15";
    const later = minutesLater(120);
    for (let i = 0; i < SIGN_IN_LIMIT.perAddress; i++) {
      await send(`guess${i}@example.com`, "wrong", address, later);
    }

    const locked = await send("alice@example.com", password, address, later);
    const elsewhere = await send("alice@example.com", password, "192.0.2.16", later);

    expect(locked).toMatchObject({
      state: {
        error: "Too many failed sign-ins from your network address: try again in 15 minutes.",
      },
    });
    expect(elsewhere.status).toBe("signed-in");
  }, 60_000);

  test("caps an email's failures over all addresses", async () => {
    const later = minutesLater(180);
    // Failures from many addresses, counted without checking passwords to keep the test short.
    for (let i = 0; i < SIGN_IN_LIMIT.perEmail - 1; i++) {
      const keys = { email: "alice@example.com", address: `198.51.100.${i}` };
      await beginSignIn(database.current.db, keys, SIGN_IN_LIMIT, later);
    }

    const last = await send("alice@example.com", "wrong", "203.0.113.1", later);
    const locked = await send("alice@example.com", password, "203.0.113.2", later);

    expect(last).toMatchObject({ state: { error: "Invalid email or password." } });
    expect(locked).toMatchObject({
      state: {
        error:
          "Too many failed sign-ins for this email from many places: try again in 15 minutes, " +
          "or ask a course admin to reset your password.",
      },
    });
  }, 60_000);

  test("rejects a form without credentials uncounted", async () => {
    const before = await database.current.db.signInFailure.count();

    const result = await send("", "", "192.0.2.17");

    expect(result).toMatchObject({ state: { error: "Enter your email address and password." } });
    expect(await database.current.db.signInFailure.count()).toBe(before);
  });
});

describe("/api/auth/sign-in/email", () => {
  test("applies the same limit as the form", async () => {
    const statuses = [];
    for (let i = 0; i < SIGN_IN_LIMIT.perPair; i++) {
      const body = { email: "bob@example.com", password: `wrong-${i}` };
      statuses.push((await sendAuthRequest("/sign-in/email", { body })).status);
    }

    const body = { email: "bob@example.com", password: bobPassword };
    const locked = await sendAuthRequest("/sign-in/email", { body });

    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(await locked.json()).toEqual({
      code: "TOO_MANY_FAILED_SIGN_INS",
      message: "Too many failed sign-ins for this email: try again in 15 minutes.",
    });
    expect(locked.headers.getSetCookie()).toEqual([]);
  }, 30_000);

  test("counts form-encoded sign-ins", async () => {
    const statuses = [];
    for (let i = 0; i < SIGN_IN_LIMIT.perPair; i++) {
      const body = new URLSearchParams({ email: "carol@example.com", password: `wrong-${i}` });
      statuses.push((await postSignIn(body, "application/x-www-form-urlencoded")).status);
    }

    const body = new URLSearchParams({ email: "carol@example.com", password: carolPassword });
    const locked = await postSignIn(body, "application/x-www-form-urlencoded");

    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(locked.status).toBe(429);
  }, 30_000);

  test("leaves no failure of a sign-in that better-auth's limiter rejects", async () => {
    // better-auth's limiter is on in production only, and it allows 3 sign-ins in 10 seconds.
    const auth = createAuth({ rateLimit: true });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const headers = {
        host: "127.0.0.1:3000",
        origin: "http://127.0.0.1:3000",
        "content-type": "application/json",
        "x-forwarded-for": "198.51.100.200",
      };
      const body = JSON.stringify({ email: "dave@example.com", password: `wrong-${i}` });
      const url = "http://127.0.0.1:3000/api/auth/sign-in/email";
      const request = new Request(url, { method: "POST", headers, body });
      const response = await limitSignInRoute(getDatabase(), request, auth.handler, NOW);
      statuses.push(response.status);
    }

    expect(statuses).toEqual([401, 401, 401, 429]);
    const failures = await database.current.db.signInFailure.count({
      where: { key: 'pair:"dave@example.com":198.51.100.200' },
    });
    expect(failures).toBe(3);
  }, 30_000);

  test("rejects a form with two emails", async () => {
    const body = "email=decoy%40example.com&email=carol%40example.com&password=guess";

    const response = await postSignIn(body, "application/x-www-form-urlencoded");

    expect(response.status).toBe(400);
  });

  test("counts a JSON body typed as a form too", async () => {
    for (let i = 0; i < SIGN_IN_LIMIT.perPair; i++) {
      const body = { email: "dave@example.com", password: `wrong-${i}` };
      await sendAuthRequest("/sign-in/email", { body });
    }
    // A decoy email inside a JSON string, which a form reading of the body would count.
    const type = "application/json; x=application/x-www-form-urlencoded";
    const body = JSON.stringify({
      email: "dave@example.com",
      password: davePassword,
      x: "&email=decoy%40example.com&",
    });

    const response = await postSignIn(body, type);

    expect(response.status).toBe(429);
  }, 30_000);

  test("rejects a body without an email", async () => {
    const before = await database.current.db.signInFailure.count();

    const response = await postSignIn("password=guess", "text/plain");

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain("application/json");
    expect(await database.current.db.signInFailure.count()).toBe(before);
  });
});

/** Posts a sign-in body of the type given straight to the auth route. */
function postSignIn(body: URLSearchParams | string, type: string): Promise<Response> {
  const headers = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "content-type": type };
  const url = "http://127.0.0.1:3000/api/auth/sign-in/email";
  return POST(new Request(url, { method: "POST", headers, body }));
}

describe("clientAddress", () => {
  test.each([
    ["the only address", "192.0.2.1", "192.0.2.1"],
    ["the last of a proxy chain", "203.0.113.9, 192.0.2.1", "192.0.2.1"],
    ["an IPv6 address", "::1", "::1"],
    ["no header as unknown", null, "unknown"],
    ["an empty header as unknown", " ", "unknown"],
  ])("returns %s", (_case, header, expected) => {
    const headers = new Headers(header === null ? {} : { "x-forwarded-for": header });

    expect(clientAddress(headers)).toBe(expected);
  });

  test("prefers the address the server stamped", () => {
    const headers = new Headers({
      [CLIENT_ADDRESS_HEADER]: "198.51.100.7",
      "x-forwarded-for": "192.0.2.1",
    });

    expect(clientAddress(headers)).toBe("198.51.100.7");
  });
});

describe("clientAddressOf", () => {
  /** A request from the peer `remoteAddress` with the X-Forwarded-For header given. */
  function request(remoteAddress: string | undefined, forwarded?: string) {
    const headers = forwarded === undefined ? {} : { "x-forwarded-for": forwarded };
    return { socket: { remoteAddress }, headers } as unknown as IncomingMessage;
  }

  test("ignores X-Forwarded-For without a proxy", () => {
    expect(clientAddressOf(request("192.0.2.1", "203.0.113.9"), false)).toBe("192.0.2.1");
  });

  test("takes the proxy's last entry", () => {
    const forwarded = "203.0.113.9, 198.51.100.7";

    expect(clientAddressOf(request("10.0.0.2", forwarded), true)).toBe("198.51.100.7");
  });

  test("falls back to the peer", () => {
    expect(clientAddressOf(request("10.0.0.2"), true)).toBe("10.0.0.2");
    expect(clientAddressOf(request(undefined), false)).toBe("unknown");
  });

  test("replaces a header the client sent", () => {
    const sent = request("192.0.2.1");
    sent.headers[CLIENT_ADDRESS_HEADER] = "203.0.113.9";

    stampClientAddress(sent, false);

    expect(sent.headers[CLIENT_ADDRESS_HEADER]).toBe("192.0.2.1");
  });
});
