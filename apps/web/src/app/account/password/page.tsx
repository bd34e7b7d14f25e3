import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { getSessionState } from "@/server/access";

import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

/**
 * The password form. A user who signed in with a one-time password is sent here from every
 * other page until they choose their own; any signed-in user may use it.
 */
export default async function ChangePasswordPage() {
  const state = await getSessionState();
  if (!state) {
    redirect("/sign-in");
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Change password</h1>
      {state.passwordChangeRequired ? (
        <p role="status" className="mt-2 text-sm text-slate-700">
          You signed in with a one-time password from your course. Choose your own password to
          continue.
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600">
          Changing the password signs you out on your other devices.
        </p>
      )}
      <ChangePasswordForm />
    </div>
  );
}
