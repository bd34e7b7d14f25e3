"use client";

import Link from "next/link";

import { errorMessage } from "@/components/error-message";

/**
 * Shows an error that a page or a server action call threw, with its message where it is meant
 * for the user (a rejected request states what was wrong), and a way to try again.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white p-8">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 break-words text-slate-700">{errorMessage(error)}</p>
      <div className="mt-6 flex flex-wrap gap-4">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Try again
        </button>
        <Link href="/courses" className="self-center font-medium text-indigo-700 underline">
          Back to my courses
        </Link>
      </div>
    </div>
  );
}
