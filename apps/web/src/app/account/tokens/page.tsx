import type { Metadata } from "next";

import { getDatabase, listApiTokens, type ApiTokenSummary } from "@sawtooth/db";

import { requireUser } from "@/server/access";

import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function formatDate(date: Date | null, none: string): string {
  return date === null ? none : `${dateFormat.format(date)} UTC`;
}

function tokenState(token: ApiTokenSummary, now: Date): string {
  if (token.revokedAt !== null) return `Revoked ${formatDate(token.revokedAt, "")}`;
  if (token.expiresAt !== null && token.expiresAt <= now) return "Expired";
  return "Active";
}

export default async function TokensPage() {
  const user = await requireUser();
  const tokens = await listApiTokens(getDatabase(), user.id);
  const now = new Date();

  return (
    <div>
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <p className="mt-2 text-slate-600">
        A personal access token lets a script or notebook use the API at <code>/api/v1</code> as
        you: send it as <code>Authorization: Bearer &lt;token&gt;</code>. The API reference is at{" "}
        <a href="/api/v1/openapi.json" className="text-indigo-700 hover:underline">
          /api/v1/openapi.json
        </a>
        .
      </p>
      <CreateTokenForm />
      <h2 className="mt-8 text-lg font-semibold">Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="mt-2 text-slate-600">You have no tokens yet.</p>
      ) : (
        <table className="mt-2 w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Starts with</th>
              <th className="px-3 py-2">Expires</th>
              <th className="px-3 py-2">Last used</th>
              <th className="px-3 py-2">State</th>
              <th className="px-3 py-2">
                <span className="sr-only">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const state = tokenState(token, now);
              return (
                <tr key={token.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">{token.name}</td>
                  <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                  <td className="px-3 py-2">{formatDate(token.expiresAt, "Never")}</td>
                  <td className="px-3 py-2">{formatDate(token.lastUsedAt, "Never")}</td>
                  <td className="px-3 py-2">{state}</td>
                  <td className="px-3 py-2">
                    {state === "Active" && <RevokeTokenButton id={token.id} name={token.name} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
