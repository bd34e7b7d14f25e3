"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { DataTable } from "@/components/data-table";
import { PersonName } from "@/components/person-name";
import { plural } from "@/lib/plural";
import type { Rejected } from "@/server/admin/admin-access";
import type { AppliedRegrade, RegradePreview, RegradeRow } from "@/server/admin/regrade";
import { applyRegradeAction, previewRegradeAction } from "@/server/actions/admin-exercises";

import { Button, Panel, ProblemList } from "../../admin-ui";
import {
  describeAfter,
  describeBefore,
  describeCountedChanges,
  describeCountedScore,
  describeOverride,
  listedRegradeRows,
} from "./regrade-format";

/** Lists the attempts a regrade changes, with the scores that count under the overrides choice. */
function RegradeTable({ rows, keepOverrides }: { rows: RegradeRow[]; keepOverrides: boolean }) {
  const columns = ["Attempt", "Student", "Now", "After", "Manual score", "Score that counts"];
  const listed = listedRegradeRows(rows, keepOverrides);
  if (listed.length === 0) {
    return <p className="text-sm text-slate-600">No attempt changes its grade or score.</p>;
  }
  return (
    <DataTable columns={columns} compact>
      {listed.map((row) => (
        <tr key={row.attemptId}>
          <td>
            #{row.attemptNumber} (version {row.oldVersion})
          </td>
          <td>
            <PersonName name={row.studentName} /> ({row.studentEmail})
          </td>
          <td>{describeBefore(row)}</td>
          <td>{describeAfter(row)}</td>
          <td>{describeOverride(row, keepOverrides)}</td>
          <td>{describeCountedScore(row, keepOverrides)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * A dry run of a regrade against a chosen version, then applying it on confirmation. The
 * preview follows the overrides box, and the applied result stays in the panel.
 */
export function RegradePanel({
  courseSlug,
  exerciseSlug,
  versions,
}: {
  courseSlug: string;
  exerciseSlug: string;
  /** Version numbers, newest first. */
  versions: number[];
}) {
  const router = useRouter();
  const [version, setVersion] = useState(versions[0] ?? 1);
  const [keepOverrides, setKeepOverrides] = useState(true);
  const [preview, setPreview] = useState<RegradePreview | null>(null);
  const [applied, setApplied] = useState<AppliedRegrade | null>(null);
  const [error, setError] = useState<Rejected | null>(null);
  const [pending, startTransition] = useTransition();
  // A new version, saved here or in another tab, becomes the chosen one and voids the preview.
  // The applied result stays, so its status is not lost when the page refreshes.
  const newest = versions[0] ?? 1;
  const [knownNewest, setKnownNewest] = useState(newest);
  if (newest !== knownNewest) {
    setKnownNewest(newest);
    setVersion(newest);
    setPreview(null);
  }

  function runPreview() {
    startTransition(async () => {
      const response = await previewRegradeAction({ courseSlug, exerciseSlug, version });
      setApplied(null);
      setError(response.status === "rejected" ? response : null);
      setPreview(response.status === "preview" ? response.preview : null);
    });
  }

  function apply() {
    const request = { courseSlug, exerciseSlug, version, keepOverrides };
    startTransition(async () => {
      const response = await applyRegradeAction(request);
      setError(response.status === "rejected" ? response : null);
      if (response.status === "applied") {
        setApplied(response);
        setPreview(null);
        router.refresh();
      }
    });
  }

  return (
    <Panel title="Regrade">
      <div className="flex items-end gap-4 text-sm">
        <label>
          <span className="font-medium">Grade every attempt against</span>
          <select
            value={version}
            onChange={(event) => {
              setVersion(Number(event.target.value));
              setPreview(null);
            }}
            className="ml-2 rounded border border-slate-300 bg-white px-2 py-1"
          >
            {versions.map((number) => (
              <option key={number} value={number}>
                version {number}
              </option>
            ))}
          </select>
        </label>
        <Button tone="plain" onClick={runPreview} disabled={pending}>
          Preview regrade
        </Button>
      </div>
      {error && (
        <ProblemList
          title="Regrade failed."
          problems={[{ place: "Regrade", message: error.message }]}
        />
      )}
      {applied && (
        <div aria-label="Regrade result" role="region" className="space-y-3">
          <p role="status" className="text-sm text-green-800">
            Regrade applied: {plural(applied.summary.attemptCount, "attempt")} regraded,{" "}
            {applied.summary.changedCount} changed,{" "}
            {plural(applied.summary.clearedOverrides, "override")} cleared.
            {applied.tooComplexCount > 0 &&
              ` ${applied.tooComplexCount} not graded (too complex) and left unchanged.`}{" "}
            {describeCountedChanges(applied.rows, applied.keepOverrides, "applied")}
          </p>
          <RegradeTable rows={applied.rows} keepOverrides={applied.keepOverrides} />
        </div>
      )}
      {preview && (
        <div aria-label="Regrade preview" role="region" className="space-y-3">
          <p className="text-sm">
            Against version {preview.version}: {plural(preview.rows.length, "attempt")},{" "}
            {preview.changedCount} would change, {preview.overrideCount} with a manual score
            {preview.tooComplexCount > 0 &&
              `, ${preview.tooComplexCount} not graded: too complex (applying leaves them unchanged)`}
            . {describeCountedChanges(preview.rows, keepOverrides, "preview")}
          </p>
          <RegradeTable rows={preview.rows} keepOverrides={keepOverrides} />
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={keepOverrides}
              onChange={(event) => setKeepOverrides(event.target.checked)}
            />
            Keep manual score overrides (unticked: clear them, each logged in the audit trail)
          </label>
          <Button onClick={apply} disabled={pending}>
            Apply regrade
          </Button>
        </div>
      )}
    </Panel>
  );
}
