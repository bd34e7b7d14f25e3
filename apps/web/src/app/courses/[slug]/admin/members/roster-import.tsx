"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import type { RosterOutcome } from "@sawtooth/db";

import { DataTable } from "@/components/data-table";
import { decodeRosterFile, WINDOWS_1252_NOTE } from "@/lib/roster-file";
import { importRosterAction } from "@/server/actions/admin-members";

import { Button, Panel, ProblemList, TextArea } from "../admin-ui";

/** Renders the form that imports a CSV roster, with a report per row. */
export function RosterImport({ courseSlug }: { courseSlug: string }) {
  const router = useRouter();
  const [csv, setCsv] = useState("");
  const [encodingNote, setEncodingNote] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<RosterOutcome[] | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function readFile(file: File) {
    const { text, encoding } = decodeRosterFile(new Uint8Array(await file.arrayBuffer()));
    setCsv(text);
    setEncodingNote(encoding === "windows-1252" ? WINDOWS_1252_NOTE : null);
  }

  function importCsv() {
    startTransition(async () => {
      const response = await importRosterAction({ courseSlug, csv });
      setImportError(response.status === "rejected" ? response.message : null);
      setOutcomes(response.status === "imported" ? response.outcomes : null);
      router.refresh();
    });
  }

  return (
    <Panel title="Import a roster">
      <TextArea
        label="Roster CSV"
        value={csv}
        onChange={setCsv}
        hint={
          "A header row naming email, name and role, then one person per row, separated by " +
          "commas or semicolons. An import adds people and never changes the role of an " +
          "existing member: change roles in the table above."
        }
      />
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="Roster file"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (file) await readFile(file);
        }}
        className="block text-sm"
      />
      {encodingNote && (
        <p role="status" className="rounded bg-amber-50 p-2 text-sm">
          {encodingNote}
        </p>
      )}
      <Button onClick={importCsv} disabled={pending || csv.trim() === ""}>
        Import roster
      </Button>
      {importError && (
        <ProblemList
          title="Not imported."
          problems={[{ place: "Roster CSV", message: importError }]}
        />
      )}
      {outcomes && (
        <DataTable
          columns={["Line", "Email", "Outcome", "One-time password or reason"]}
          label="Roster report"
          compact
        >
          {outcomes.map((outcome) => (
            <tr key={outcome.line}>
              <td>{outcome.line}</td>
              <td className="wrap-anywhere">{outcome.email}</td>
              <td>
                {outcome.status}
                {outcome.role ? ` as ${outcome.role}` : ""}
              </td>
              <td className="font-mono">{outcome.password ?? outcome.reason ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
