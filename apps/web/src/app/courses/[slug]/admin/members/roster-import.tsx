"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";

import type { RosterOutcome } from "@sawtooth/db";

import { DataTable } from "@/components/data-table";
import { useLeaveWarning } from "@/components/leave-warning";
import { plural } from "@/lib/plural";
import {
  decodeRosterFile,
  ROSTER_LIMIT_HINT,
  rosterSizeProblem,
  WINDOWS_1252_NOTE,
} from "@/lib/roster-file";
import { countRosterRows, rosterReportCsv } from "@/lib/roster-report";
import { importRosterAction } from "@/server/actions/admin-members";

import { Button, Panel, ProblemList, TextArea } from "../admin-ui";

const LEAVE_QUESTION =
  "The one-time passwords of this import are shown only on this page, and the report is not " +
  "downloaded. Leave the page and lose them?";

const NOT_IMPORTED = "Not imported.";

/**
 * Renders the form that imports a CSV roster, with a report per row and its download. The page
 * warns before it is left while an import runs, and while the report shows one-time passwords
 * that were not downloaded.
 */
export function RosterImport({ courseSlug }: { courseSlug: string }) {
  const router = useRouter();
  const [csv, setCsv] = useState("");
  const [encodingNote, setEncodingNote] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<RosterOutcome[] | null>(null);
  // The title says "Not imported." only once an import was tried, not when a file is chosen.
  const [importError, setImportError] = useState<{
    title: string;
    place: string;
    message: string;
  } | null>(null);
  const [pending, startTransition] = useTransition();
  const [importingRows, setImportingRows] = useState<number | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const fileHintId = useId();
  const hasPasswords = outcomes?.some((outcome) => outcome.password !== null) ?? false;
  useLeaveWarning("roster-import", pending || (hasPasswords && !downloaded), LEAVE_QUESTION);

  async function readFile(file: File) {
    const { text, encoding } = decodeRosterFile(new Uint8Array(await file.arrayBuffer()));
    const sizeProblem = rosterSizeProblem(text.length, "The file");
    setImportError(
      sizeProblem === null
        ? null
        : { title: "File over the limit.", place: "Roster file", message: sizeProblem },
    );
    setOutcomes(null);
    if (sizeProblem !== null) return;
    setCsv(text);
    setEncodingNote(encoding === "windows-1252" ? WINDOWS_1252_NOTE : null);
  }

  function importCsv() {
    const sizeProblem = rosterSizeProblem(csv.length, "The roster");
    if (sizeProblem !== null) {
      setImportError({ title: NOT_IMPORTED, place: "Roster CSV", message: sizeProblem });
      return;
    }
    setImportingRows(countRosterRows(csv));
    setOutcomes(null);
    setDownloaded(false);
    startTransition(async () => {
      const response = await importRosterAction({ courseSlug, csv });
      const rejected = response.status === "rejected";
      setImportError(
        rejected ? { title: NOT_IMPORTED, place: "Roster CSV", message: response.message } : null,
      );
      setOutcomes(response.status === "imported" ? response.outcomes : null);
      router.refresh();
    });
  }

  function downloadReport(rows: RosterOutcome[]) {
    const blob = new Blob([rosterReportCsv(rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `roster-report-${courseSlug}.csv`;
    link.click();
    // Revoking the URL at once can cancel the download in some browsers, so it waits a minute.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setDownloaded(true);
  }

  const progress =
    importingRows === null ? "Importing the roster…" : `Importing ${plural(importingRows, "row")}…`;

  return (
    <Panel title="Import a roster" busy={pending}>
      <input
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        aria-label="Roster file"
        aria-describedby={fileHintId}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (file) await readFile(file);
        }}
        className="block text-sm"
      />
      <p id={fileHintId} className="text-xs text-slate-500">
        A CSV or tab-separated file in UTF-8, UTF-16 or Windows-1252. {ROSTER_LIMIT_HINT}
      </p>
      {encodingNote && (
        <p role="status" className="rounded bg-amber-50 p-2 text-sm">
          {encodingNote}
        </p>
      )}
      <TextArea
        label="Roster CSV"
        value={csv}
        onChange={setCsv}
        hint={
          "A header row naming email, name and role, then one person per row, separated by " +
          "commas, semicolons or tabs. An import adds people and never changes the role of an " +
          "existing member: change roles in the table above. " +
          ROSTER_LIMIT_HINT
        }
      />
      <Button onClick={importCsv} disabled={pending || csv.trim() === ""}>
        {pending ? progress : "Import roster"}
      </Button>
      <p role="status" className="text-sm">
        {pending &&
          `${progress} Creating an account takes a fraction of a second, so a roster of ` +
            "thousands takes minutes. Keep this page open until the report appears."}
      </p>
      {importError && <ProblemList title={importError.title} problems={[importError]} />}
      {outcomes && (
        <div className="flex flex-wrap items-center gap-3">
          <Button tone="plain" onClick={() => downloadReport(outcomes)}>
            Download the report (CSV)
          </Button>
          {hasPasswords && (
            <p className="text-sm">
              {downloaded
                ? "Report downloaded. Keep the file safe: it contains one-time passwords."
                : "The one-time passwords are shown only here: download the report before " +
                  "leaving the page."}
            </p>
          )}
        </div>
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
