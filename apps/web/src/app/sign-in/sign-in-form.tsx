"use client";

import { useActionState } from "react";

import { RETURN_PARAMETER } from "@/lib/return-path";
import { signIn, type SignInState } from "@/server/actions/sign-in";

const initialState: SignInState = { error: null, email: "" };

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-indigo-600 focus:outline-2 focus:outline-indigo-600";

/**
 * Email and password form. The server action sets the session cookie and redirects to
 * `returnPath`, which the action checks again because a form field can be forged.
 */
export function SignInForm({ returnPath }: { returnPath: string }) {
  const [state, action, pending] = useActionState(signIn, initialState);
  return (
    <form
      action={action}
      className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6"
    >
      <input type="hidden" name={RETURN_PARAMETER} value={returnPath} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          required
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </div>
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
        Sign in
      </button>
    </form>
  );
}
