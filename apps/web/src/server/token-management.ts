import "server-only";

import { z } from "zod";

import {
  createApiToken,
  isPasswordChangeRequired,
  revokeApiToken,
  type Database,
} from "@sawtooth/db";

import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from "@/lib/password-rules";

/** The database, the signed-in user (null when signed out) and the time of a token request. */
export interface TokenContext {
  db: Database;
  userId: string | null;
  /** True when a signed-in user must replace a one-time password first, so `userId` is null. */
  passwordChangeRequired?: boolean;
  now: Date;
}

/** Lifetimes the account page offers, in days; "never" keeps the token until it is revoked. */
export const TOKEN_LIFETIMES = ["7", "30", "90", "365", "never"] as const;

/** Longest token name, in characters. */
export const MAX_TOKEN_NAME_LENGTH = 100;

const createRequestSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(MAX_TOKEN_NAME_LENGTH),
  lifetime: z.enum(TOKEN_LIFETIMES),
});

/** Result of creating a token: its text is in this result only, shown once. */
export type CreateTokenResult =
  | { status: "created"; token: string; name: string; expiresAt: string | null }
  | { status: "rejected"; message: string; reason?: "signed-out" };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a personal access token for the signed-in user from the account page's form. */
export async function createTokenRequest(
  context: TokenContext,
  request: unknown,
): Promise<CreateTokenResult> {
  const parsed = createRequestSchema.safeParse(request);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join(" ");
    return { status: "rejected", message: `Invalid token request: ${message}` };
  }
  if (context.passwordChangeRequired) {
    return { status: "rejected", message: PASSWORD_CHANGE_REQUIRED_MESSAGE };
  }
  if (context.userId === null) {
    return {
      status: "rejected",
      reason: "signed-out",
      message: "You are signed out. Sign in again.",
    };
  }
  // Checked here as well as in the session lookup, because the admin who set a one-time password
  // also has it, and a token made with it would outlive the password change.
  if (await isPasswordChangeRequired(context.db, context.userId)) {
    return { status: "rejected", message: PASSWORD_CHANGE_REQUIRED_MESSAGE };
  }

  const { name, lifetime } = parsed.data;
  const expiresAt =
    lifetime === "never" ? null : new Date(context.now.getTime() + Number(lifetime) * DAY_MS);
  const input = { userId: context.userId, name, expiresAt };
  const result = await createApiToken(context.db, input, context.now);
  if (result.status === "too-many") {
    const message =
      `You have ${result.limit} active tokens, the maximum: revoke one you no longer use ` +
      "and create this one again.";
    return { status: "rejected", message };
  }
  return {
    status: "created",
    token: result.token,
    name,
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}

/** Revokes one of the signed-in user's tokens; another user's token is "not found". */
export async function revokeTokenRequest(
  context: TokenContext,
  request: unknown,
): Promise<{ status: "revoked" } | { status: "rejected"; message: string }> {
  const parsed = z.object({ tokenId: z.string().min(1).max(200) }).safeParse(request);
  if (context.passwordChangeRequired) {
    return { status: "rejected", message: PASSWORD_CHANGE_REQUIRED_MESSAGE };
  }
  if (!parsed.success || context.userId === null) {
    return { status: "rejected", message: "Token not found: reload the page." };
  }
  const revoked = await revokeApiToken(
    context.db,
    context.userId,
    parsed.data.tokenId,
    context.now,
  );
  return revoked
    ? { status: "revoked" }
    : { status: "rejected", message: "Token not found: reload the page." };
}
