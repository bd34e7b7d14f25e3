"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";

import type { RosterOutcome } from "@sawtooth/db";

import { DataTable } from "@/components/data-table";
import {
  decodeRosterFile,
  ROSTER_LIMIT_HINT,
  rosterSizeProblem,
  WINDOWS_1252_NOTE,
} from "@/lib/roster-file";
import { importRosterAction } from "@/server/actions/admin-members";

import { Button, Panel, ProblemList, TextArea } from "../admin-ui";

/** Renders the form that imports a CSV roster, with a report per row. */
export function RosterImport({ courseSlug }: { courseSlug: string }) {
  const router = useRouter();
  const [csv, setCsv] = useState("");
  const [encodingNote, setEncodingNote] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<RosterOutcome[] | null>(null);
  const [importError, setImportError] = useState<{ place: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const fileHintId = useId();

  async function readFile(file: File) {
    const { text, encoding } = decodeRosterFile(new Uint8Array(await file.arrayBuffer()));
    const sizeProblem = rosterSizeProblem(text.length, "The file");
    setImportError(sizeProblem === null ? null : { place: "Roster file", message: sizeProblem });
    setOutcomes(null);
    if (sizeProblem !== null) return;
    setCsv(text);
    setEncodingNote(encoding === "windows-1252" ? WINDOWS_1252_NOTE : null);
  }

  function importCsv() {
    const sizeProblem = rosterSizeProblem(csv.length, "The roster");
    if (sizeProblem !== null) {
      setImportError({ place: "Roster CSV", message: sizeProblem });
      return;
    }
    startTransition(async () => {
      const response = await importRosterAction({ courseSlug, csv });
      const rejected = response.status === "rejected";
      setImportError(rejected ? { place: "Roster CSV", message: response.message } : null);
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
          "existing member: change roles in the table above. " +
          ROSTER_LIMIT_HINT
        }
      />
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="Roster file"
        aria-describedby={fileHintId}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (file) await readFile(file);
        }}
        className="block text-sm"
      />
      <p id={fileHintId} className="text-xs text-slate-500">
        A CSV file in UTF-8 or Windows-1252. {ROSTER_LIMIT_HINT}
      </p>
      {encodingNote && (
        <p role="status" className="rounded bg-amber-50 p-2 text-sm">
          {encodingNote}
        </p>
      )}
      <Button onClick={importCsv} disabled={pending || csv.trim() === ""}>
        Import roster
      </Button>
      {importError && <ProblemList title="Not imported." problems={[importError]} />}
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
