"use client";

import { clearDrafts } from "@/components/workspace/draft-storage";

/**
 * The sign-out button. It removes the saved drafts from this browser before the form signs out,
 * so a shared computer keeps no student's work for the next person.
 */
export function SignOutButton() {
  return (
    <button
      type="submit"
      onClick={() => clearDrafts(localStorage)}
      className="rounded-md border border-slate-300 px-3 py-1.5 font-medium whitespace-nowrap hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      Sign out
    </button>
  );
}
