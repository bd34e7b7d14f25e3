"use server";

import { revalidatePath } from "next/cache";

import { getDatabase } from "@sawtooth/db";

import { getRequestUser } from "../access";
import {
  createTokenRequest,
  revokeTokenRequest,
  type CreateTokenResult,
  type TokenContext,
} from "../token-management";

async function tokenContext(): Promise<TokenContext> {
  return { db: getDatabase(), ...(await getRequestUser()), now: new Date() };
}

/** Creates a personal access token; its text is returned once and never stored. */
export async function createTokenAction(request: unknown): Promise<CreateTokenResult> {
  const result = await createTokenRequest(await tokenContext(), request);
  if (result.status === "created") {
    revalidatePath("/account/tokens");
  }
  return result;
}

/** Revokes one of the signed-in user's tokens, which the API then rejects at once. */
export async function revokeTokenAction(
  request: unknown,
): Promise<{ status: "revoked" } | { status: "rejected"; message: string }> {
  const result = await revokeTokenRequest(await tokenContext(), request);
  if (result.status === "revoked") {
    revalidatePath("/account/tokens");
  }
  return result;
}
