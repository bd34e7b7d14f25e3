"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { getDatabase } from "@sawtooth/db";

import { signInRequest, type SignInState } from "../sign-in-request";

export type { SignInState };

/**
 * Signs in with email and password (see `signInRequest`, which also applies the limit on failed
 * sign-ins) and redirects to the form's return path when it is a path on this site, else to the
 * course list. The arguments are typed `unknown` because a hand-made request can call the
 * action with any values.
 */
export async function signIn(_previous: unknown, form: unknown): Promise<SignInState> {
  const result = await signInRequest(getDatabase(), form, await headers(), new Date());
  if (result.status === "rejected") {
    return result.state;
  }
  redirect(result.returnPath);
}
