"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { clearPasswordChangeRequired, getDatabase } from "@sawtooth/db";

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/password-rules";

import { getSessionState } from "../access";
import { getAuth } from "../auth";

/** State of the password form between submissions: the message to show, or null. */
export interface ChangePasswordState {
  error: string | null;
}

const passwordsSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, "Enter your current password.")
      .max(MAX_PASSWORD_LENGTH, "The current password is invalid: it is too long."),
    newPassword: z
      .string()
      .min(
        MIN_PASSWORD_LENGTH,
        `Choose a new password of at least ${MIN_PASSWORD_LENGTH} characters.`,
      )
      .max(
        MAX_PASSWORD_LENGTH,
        `Choose a new password of at most ${MAX_PASSWORD_LENGTH} characters.`,
      ),
    confirmPassword: z.string(),
  })
  .refine((passwords) => passwords.newPassword === passwords.confirmPassword, {
    message: "The two new passwords differ: type the same password in both fields.",
  })
  .refine((passwords) => passwords.newPassword !== passwords.currentPassword, {
    message: "The new password is the current one: choose a different password.",
  });

/**
 * Replaces the signed-in user's password through better-auth's change-password endpoint, which
 * checks the current password and ends the user's other sessions, then clears the flag that
 * sent a user with a one-time password here, and goes to the course list.
 */
export async function changePassword(
  _previous: ChangePasswordState,
  form: FormData,
): Promise<ChangePasswordState> {
  const state = await getSessionState();
  if (!state) {
    redirect("/sign-in");
  }
  const parsed = passwordsSchema.safeParse({
    currentPassword: form.get("currentPassword"),
    newPassword: form.get("newPassword"),
    confirmPassword: form.get("confirmPassword"),
  });
  if (!parsed.success) {
    return { error: parsed.error.issues[0]?.message ?? "Fill in all three fields." };
  }

  const { currentPassword, newPassword } = parsed.data;
  try {
    await getAuth().api.changePassword({
      body: { currentPassword, newPassword, revokeOtherSessions: true },
      headers: await headers(),
    });
  } catch (error) {
    if (error instanceof APIError && error.body?.code === "INVALID_PASSWORD") {
      return { error: "The current password is wrong: enter the one you signed in with." };
    }
    throw error;
  }

  await clearPasswordChangeRequired(getDatabase(), state.user.id);
  redirect("/courses");
}
