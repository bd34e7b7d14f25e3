"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { RETURN_PARAMETER, safeReturnPath } from "@/lib/return-path";

import { getAuth } from "../auth";

/** State of the sign-in form between submissions. */
export interface SignInState {
  /** Message to show, or null. */
  error: string | null;
  /** Email address to fill in again after a failed attempt. */
  email: string;
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/**
 * Signs in with email and password, sets the session cookie and redirects to the form's return
 * path when it is a path on this site, else to the course list. A wrong email and a wrong
 * password get the same message, so the form does not reveal accounts. The arguments are typed
 * `unknown` because a hand-made request can call the action with any values.
 */
export async function signIn(_previous: unknown, form: unknown): Promise<SignInState> {
  if (!(form instanceof FormData)) {
    return { error: "Invalid sign-in request: reload the page and sign in again.", email: "" };
  }
  const email = form.get("email");
  const credentials = credentialsSchema.safeParse({ email, password: form.get("password") });
  const typedEmail = typeof email === "string" ? email : "";
  if (!credentials.success) {
    return { error: "Enter your email address and password.", email: typedEmail };
  }

  // NOTE: better-auth (1.7.29) applies its rate limiter only in its HTTP handler, so sign-in
  // attempts through this server action are not rate-limited yet.
  try {
    await getAuth().api.signInEmail({ body: credentials.data, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError && error.status === "UNAUTHORIZED") {
      return { error: "Invalid email or password.", email: typedEmail };
    }
    throw error;
  }

  redirect(safeReturnPath(form.get(RETURN_PARAMETER)));
}
