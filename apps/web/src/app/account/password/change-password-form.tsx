"use client";

import { useActionState } from "react";

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/password-rules";
import { changePassword, type ChangePasswordState } from "@/server/actions/change-password";

const initialState: ChangePasswordState = { error: null };

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-indigo-600 focus:outline-2 focus:outline-indigo-600";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

/**
 * Renders the form for the current password and the new one twice. The server action checks
 * all three again.
 */
export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePassword, initialState);
  return (
    <form
      action={action}
      className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6"
    >
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={field.name} className="block text-sm font-medium">
            {field.label}
          </label>
          <input
            id={field.name}
            name={field.name}
            type="password"
            autoComplete={field.autoComplete}
            required
            minLength={field.name === "currentPassword" ? undefined : MIN_PASSWORD_LENGTH}
            maxLength={MAX_PASSWORD_LENGTH}
            className={inputClass}
          />
        </div>
      ))}
      <p className="text-sm text-slate-600">At least {MIN_PASSWORD_LENGTH} characters.</p>
      {state.error && (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
      >
        Change password
      </button>
    </form>
  );
}
