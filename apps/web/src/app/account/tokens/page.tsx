import type { Metadata } from "next";

import { getDatabase, listApiTokens, type ApiTokenSummary } from "@sawtooth/db";

import { DataTable } from "@/components/data-table";
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
        <DataTable
          columns={["Name", "Starts with", "Expires", "Last used", "State", { hidden: "Revoke" }]}
          className="mt-2"
        >
          {tokens.map((token) => {
            const state = tokenState(token, now);
            return (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td className="font-mono">{token.prefix}…</td>
                <td>{formatDate(token.expiresAt, "Never")}</td>
                <td>{formatDate(token.lastUsedAt, "Never")}</td>
                <td>{state}</td>
                <td>
                  {state === "Active" && <RevokeTokenButton id={token.id} name={token.name} />}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
