"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { SignInAgainLink } from "@/components/sign-in-again-link";
import { createTokenAction, revokeTokenAction } from "@/server/actions/api-tokens";
import type { CreateTokenResult } from "@/server/token-management";

const LIFETIMES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
] as const;

/** The form that creates a token and shows its text once. */
export function CreateTokenForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [lifetime, setLifetime] = useState<string>("90");
  const [result, setResult] = useState<CreateTokenResult | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const response = await createTokenAction({ name, lifetime });
      setResult(response);
      if (response.status === "created") {
        setName("");
        router.refresh();
      }
    });
  }

  return (
    <section
      aria-label="Create a token"
      className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 className="text-lg font-semibold">Create a token</h2>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-4">
        <label className="block text-sm">
          <span className="font-medium">Name</span>
          <input
            value={name}
            required
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
            placeholder="notebook on my laptop"
            className="mt-1 block w-64 rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <label className="block text-sm">
          <span className="font-medium">Expires after</span>
          <select
            value={lifetime}
            onChange={(event) => setLifetime(event.target.value)}
            className="mt-1 block rounded border border-slate-300 px-2 py-1 text-sm"
          >
            {LIFETIMES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          Create token
        </button>
      </form>
      {result?.status === "rejected" && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {result.reason === "signed-out" ? (
            <>
              You are signed out. <SignInAgainLink /> to create the token.
            </>
          ) : (
            result.message
          )}
        </p>
      )}
      {result?.status === "created" && (
        <div role="status" className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p>
            Token <strong>{result.name}</strong> created. Copy it now: it is shown only once.
          </p>
          <code aria-label="New token" className="mt-2 block font-mono break-all select-all">
            {result.token}
          </code>
        </div>
      )}
    </section>
  );
}

/** A button that revokes one token after the user confirms. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    if (!window.confirm(`Revoke the token "${name}"? Scripts using it stop working at once.`)) {
      return;
    }
    startTransition(async () => {
      const response = await revokeTokenAction({ tokenId: id });
      setError(response.status === "rejected" ? response.message : null);
      router.refresh();
    });
  }

  return (
    <>
      <button
        type="button"
        onClick={revoke}
        disabled={pending}
        aria-label={`Revoke ${name}`}
        className="text-sm text-red-700 hover:underline disabled:opacity-50"
      >
        Revoke
      </button>
      {error && (
        <span role="alert" className="ml-2 text-red-700">
          {error}
        </span>
      )}
    </>
  );
}
