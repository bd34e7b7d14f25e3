import "server-only";

import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";

import { createAuthDatabaseAdapter } from "@sawtooth/db";

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/password-rules";

import { resolveAuthSecret } from "./auth-secret";

/**
 * Returns the base URL of the auth routes. `BETTER_AUTH_URL` fixes it. Otherwise it follows the
 * request's host when that is a loopback name, so http://localhost:3000 and 127.0.0.1 both work.
 */
function authBaseUrl() {
  const configured = process.env["BETTER_AUTH_URL"];
  if (configured) {
    return configured;
  }
  return {
    allowedHosts: ["localhost:*", "127.0.0.1:*", "[::1]:*"],
    protocol: "http" as const,
  };
}

/**
 * Creates a better-auth instance with the app's configuration. `rateLimit` switches better-auth's
 * own limiter on or off. Without it better-auth (1.7) turns the limiter on in production only.
 */
export function createAuth({ rateLimit }: { rateLimit?: boolean } = {}) {
  return betterAuth({
    appName: "Sawtooth",
    baseURL: authBaseUrl(),
    secret: resolveAuthSecret(),
    database: createAuthDatabaseAdapter(),
    // Sign-up is off because accounts are created for course members, not by visitors.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    // A signed copy of the session in a cookie saves better-auth's session queries. The copy
    // outlives a session ended elsewhere by up to five minutes, so `readSessionState` in
    // access.ts still checks with one query that the session is stored.
    session: { cookieCache: { enabled: true, maxAge: 5 * 60 } },
    telemetry: { enabled: false },
    ...(rateLimit === undefined ? {} : { rateLimit: { enabled: rateLimit } }),
    // nextCookies must come last: it copies Set-Cookie headers from calls made in server actions.
    plugins: [nextCookies()],
  });
}

/** The configured better-auth instance. */
export type Auth = ReturnType<typeof createAuth>;

let instance: Auth | undefined;

/**
 * Returns the better-auth instance, creating it on first use. Creating it lazily keeps `next build`
 * from reading the secret or opening the database.
 */
export function getAuth(): Auth {
  instance ??= createAuth();
  return instance;
}
