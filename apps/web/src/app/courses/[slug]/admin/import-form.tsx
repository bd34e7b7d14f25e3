"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import type { ImportFile, ImportResponse } from "@/server/admin/course-import";
import { plural } from "@/lib/plural";
import { readTar } from "@/lib/tar";
import { importCourseFilesAction } from "@/server/actions/admin-exercises";

import { Button, Panel, ProblemList } from "./admin-ui";

/** Reads the chosen files; a .tar archive contributes each JSON file inside it. */
async function readFiles(list: FileList): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  const decoder = new TextDecoder();
  for (const file of Array.from(list)) {
    if (file.name.endsWith(".tar")) {
      const entries = readTar(new Uint8Array(await file.arrayBuffer()));
      for (const entry of entries) {
        files.push({ name: `${file.name}/${entry.path}`, text: decoder.decode(entry.data) });
      }
    } else {
      files.push({ name: file.name, text: await file.text() });
    }
  }
  return files;
}

/** Uploads exercise files or a course archive, and lists every problem or what was imported. */
export function ImportForm({ courseSlug }: { courseSlug: string }) {
  const router = useRouter();
  const [files, setFiles] = useState<FileList | null>(null);
  const [result, setResult] = useState<
    ImportResponse | { status: "unreadable"; message: string } | null
  >(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    if (!files || files.length === 0) return;
    startTransition(async () => {
      let read: ImportFile[];
      try {
        read = await readFiles(files);
      } catch (error) {
        setResult({ status: "unreadable", message: (error as Error).message });
        return;
      }
      const response = await importCourseFilesAction({ courseSlug, files: read });
      setResult(response);
      if (response.status === "imported") router.refresh();
    });
  }

  return (
    <Panel title="Import exercises">
      <p className="text-sm text-slate-600">
        Choose exercise JSON files (named after their id), optionally with course.json, or a .tar
        archive of a course folder. Every file is checked first, and nothing is written while any
        problem remains.
      </p>
      <input
        type="file"
        multiple
        accept=".json,.tar,application/json,application/x-tar"
        aria-label="Exercise files"
        onChange={(event) => setFiles(event.target.files)}
        className="block text-sm"
      />
      <Button onClick={submit} disabled={pending || !files || files.length === 0}>
        {pending ? "Importing…" : "Import"}
      </Button>
      {result?.status === "invalid" && (
        <ProblemList
          title={`Nothing was imported: ${plural(result.problems.length, "problem")}.`}
          problems={result.problems.map((problem) => ({
            place: problem.path === "" ? problem.file : `${problem.file}: ${problem.path}`,
            message: problem.message,
          }))}
        />
      )}
      {(result?.status === "rejected" || result?.status === "unreadable") && (
        <ProblemList
          title="Nothing was imported."
          problems={[{ place: "Import", message: result.message }]}
        />
      )}
      {result?.status === "imported" && (
        <p role="status" className="text-sm text-green-800">
          Imported: {result.report.created.length} created (
          {result.report.created.join(", ") || "none"}), {result.report.updated.length} with a new
          version ({result.report.updated.join(", ") || "none"}), {result.report.unchanged.length}{" "}
          unchanged
          {result.courseUpdated ? "; course title and description updated" : ""}.
        </p>
      )}
    </Panel>
  );
}
