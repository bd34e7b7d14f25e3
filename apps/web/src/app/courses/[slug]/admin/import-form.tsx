"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type Ref } from "react";

import { errorMessage } from "@/components/error-message";
import {
  MAX_COURSE_EXERCISE_BYTES,
  MAX_DEFINITION_BYTES,
  MAX_IMPORT_ARCHIVE_BYTES,
  MAX_IMPORT_TEXT_BYTES,
} from "@/lib/course-limits";
import { DataTable } from "@/components/data-table";
import {
  ArchiveError,
  describeCourseArchive,
  detectArchiveFormat,
  hasTarName,
  readCourseArchive,
  type CourseArchive,
} from "@/lib/course-archive";
import type {
  ImportCheckResponse,
  ImportedDraft,
  ImportFile,
  ImportResponse,
  PlannedImport,
} from "@/server/admin/course-import";
import {
  describeImportReport,
  describePlannedCourse,
  describePlannedExercise,
} from "@/lib/import-report";
import { plural } from "@/lib/plural";
import { formatKibibytes, MAX_ACTION_BODY_BYTES, utf8Bytes } from "@/lib/submission-limits";
import { checkCourseImportAction, importCourseFilesAction } from "@/server/actions/admin-exercises";

import { Button, Panel, ProblemList } from "./admin-ui";

/** Returns whether any chosen file is a .tar or .tar.gz archive, which the form unpacks. */
function hasArchive(files: File[]): boolean {
  return files.some((file) => hasTarName(file.name));
}

/**
 * Returns the sentence for chosen files over the limit of one import, or null within it. It is
 * checked before the files are read: JSON files are sent as they are, so they count against
 * `MAX_IMPORT_TEXT_BYTES`, and a choice with an archive against `MAX_IMPORT_ARCHIVE_BYTES`,
 * the size of the largest course's export with room for the files the import skips.
 */
function importSizeProblem(list: FileList): string | null {
  const files = Array.from(list);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const max = hasArchive(files) ? MAX_IMPORT_ARCHIVE_BYTES : MAX_IMPORT_TEXT_BYTES;
  if (total <= max) return null;
  const chosen = files.length === 1 ? `${files[0]?.name ?? "The file"} is` : "The files are";
  return (
    `${chosen} ${formatKibibytes(total)}, larger than the maximum of ${formatKibibytes(max)} ` +
    "for one import: import the exercises in smaller parts"
  );
}

/**
 * Returns the sentence for read files whose texts exceed `MAX_IMPORT_TEXT_BYTES` or whose
 * request exceeds the body limit, which the server would reject. Returns null within the limits.
 * Only the texts of an archive can exceed the limit here, once unpacked.
 */
function requestSizeProblem(files: ImportFile[], request: unknown): string | null {
  const textBytes = files.reduce((sum, file) => sum + utf8Bytes(file.text), 0);
  if (textBytes > MAX_IMPORT_TEXT_BYTES) {
    return (
      `The files are ${formatKibibytes(textBytes)} once unpacked, larger than the maximum of ` +
      `${formatKibibytes(MAX_IMPORT_TEXT_BYTES)} of JSON files for one import: import the ` +
      "exercises in smaller parts"
    );
  }
  // Escaping can still push an edited file or odd file names past the body limit.
  const bytes = utf8Bytes(JSON.stringify([request]));
  if (bytes <= MAX_ACTION_BODY_BYTES) return null;
  return (
    `The files take ${formatKibibytes(bytes)} once encoded, larger than the maximum of ` +
    `${formatKibibytes(MAX_ACTION_BODY_BYTES)}: import the exercises in smaller parts`
  );
}

/** Writes the sentence on exercises imported as hidden drafts, or null for none. */
function describeDrafts(drafts: ImportedDraft[]): string | null {
  if (drafts.length === 0) return null;
  const list = drafts.map((draft) => `${draft.slug} (${draft.failing.join(", ")})`).join(", ");
  return (
    `Hidden drafts, because their self-test fails: ${list}. Publishing one is refused until ` +
    "its reference is graded correct and each known-wrong submission fails with its finding."
  );
}

/** The chosen files as the import sends them, and the archives they were read from. */
interface ReadFiles {
  files: ImportFile[];
  archives: CourseArchive[];
}

/**
 * Reads the chosen files. An archive, recognized by its first bytes or a .tar or .tar.gz name,
 * contributes the JSON files of its course folder. Any other file is sent as it is, so that the
 * server reports a chosen file that is not JSON. Throws an {@link ArchiveError} for an archive
 * the import cannot read.
 */
async function readFiles(list: FileList): Promise<ReadFiles> {
  const read: ReadFiles = { files: [], archives: [] };
  for (const file of Array.from(list)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (detectArchiveFormat(bytes) !== null || hasTarName(file.name)) {
      const archive = await readCourseArchive(file.name, bytes, MAX_IMPORT_ARCHIVE_BYTES);
      read.files.push(...archive.files);
      read.archives.push(archive);
    } else {
      read.files.push({ name: file.name, text: new TextDecoder().decode(bytes) });
    }
  }
  return read;
}

/** A check's plan, with the files it was computed for, which the import sends again. */
interface CheckedImport extends ReadFiles {
  planned: PlannedImport;
}

type FormResult =
  | ((ImportCheckResponse | ImportResponse) & { archives?: CourseArchive[] })
  | { status: "unreadable"; place: string; message: string }
  | null;

/**
 * Uploads exercise files or a course archive in two steps: "Check import" validates them and
 * shows the plan of what the import writes, and "Import" writes exactly that plan, unless the
 * course changed since, when it shows the new plan instead.
 */
export function ImportForm({ courseSlug }: { courseSlug: string }) {
  const router = useRouter();
  const [files, setFiles] = useState<FileList | null>(null);
  const [sizeProblem, setSizeProblem] = useState<string | null>(null);
  const [result, setResult] = useState<FormResult>(null);
  const [checked, setChecked] = useState<CheckedImport | null>(null);
  const [pending, startTransition] = useTransition();

  function choose(list: FileList | null) {
    setFiles(list);
    setResult(null);
    setChecked(null);
    setSizeProblem(list === null ? null : importSizeProblem(list));
  }

  function check() {
    if (!files || files.length === 0 || sizeProblem !== null) return;
    startTransition(async () => {
      setChecked(null);
      let read: ReadFiles;
      try {
        read = await readFiles(files);
      } catch (error) {
        // An archive's problem names the archive; a file the browser failed to read names none.
        const archive = error instanceof ArchiveError;
        const place = archive ? error.file : "Import";
        setResult({
          status: "unreadable",
          place,
          message: archive ? error.reason : (error as Error).message,
        });
        return;
      }
      const request = { courseSlug, files: read.files };
      const sizeMessage = requestSizeProblem(read.files, request);
      if (sizeMessage !== null) {
        setResult({ status: "unreadable", place: "Import", message: sizeMessage });
        return;
      }
      let response: ImportCheckResponse;
      try {
        response = await checkCourseImportAction(request);
      } catch (error) {
        setResult({ status: "unreadable", place: "Import", message: errorMessage(error) });
        return;
      }
      setResult({ ...response, archives: read.archives });
      if (response.status === "planned") setChecked({ ...read, planned: response });
    });
  }

  function write() {
    if (checked === null) return;
    const request = { courseSlug, files: checked.files, revision: checked.planned.plan.revision };
    startTransition(async () => {
      let response: ImportResponse;
      try {
        response = await importCourseFilesAction(request);
      } catch (error) {
        setResult({ status: "unreadable", place: "Import", message: errorMessage(error) });
        return;
      }
      setResult(response);
      setChecked(response.status === "stale" ? { ...checked, planned: response } : null);
      if (response.status === "imported") router.refresh();
    });
  }

  // The Import button is disabled while its request runs, which drops the focus, so the notice
  // of a stale plan takes it. Each stale response is a new object, so a repeat moves it again.
  const staleRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result?.status === "stale") staleRef.current?.focus();
  }, [result]);

  const canCheck = !pending && files !== null && files.length > 0 && sizeProblem === null;
  return (
    <Panel title="Import exercises">
      <p className="text-sm text-slate-600">
        Choose exercise JSON files (named after their id), optionally with course.json, or a .tar or
        .tar.gz archive of a course folder such as the export above, with the folder at its root or
        inside one top folder. From an archive, the import reads only the course folder&apos;s
        course.json and the .json files directly in its exercises/ folder, and skips every other
        file, such as package.json, a README or macOS&apos;s ._ files. An exercise file&apos;s{" "}
        <code>visibility</code> and <code>dueDate</code> set whether students see the exercise and
        when it is due. course.json sets the course&apos;s title, description, late-attempt rule and
        exercise order, and its <code>exercises</code> list must name each imported exercise once.
        Check import lists every problem, or shows what the import would change without writing
        anything. Import then writes exactly that, unless the course changed in the meantime.
      </p>
      <input
        type="file"
        multiple
        accept=".json,.tar,.tgz,.tar.gz,application/json,application/x-tar,application/gzip"
        aria-label="Exercise files"
        aria-describedby={sizeProblem === null ? "import-limit" : "import-limit import-size"}
        aria-invalid={sizeProblem === null ? undefined : true}
        onChange={(event) => choose(event.target.files)}
        className="block text-sm"
      />
      <p id="import-limit" className="text-xs text-slate-500">
        Limits: each exercise file up to {formatKibibytes(MAX_DEFINITION_BYTES)}, and the
        course&apos;s exercise files up to {formatKibibytes(MAX_COURSE_EXERCISE_BYTES)} together,
        counting those the import leaves as they are. One import takes up to{" "}
        {formatKibibytes(MAX_IMPORT_TEXT_BYTES)} of JSON files, course.json included, or an archive
        of up to {formatKibibytes(MAX_IMPORT_ARCHIVE_BYTES)}. The export of any course fits.
      </p>
      {sizeProblem !== null && (
        <p id="import-size" role="alert" className="text-sm font-medium text-red-700">
          {sizeProblem}
        </p>
      )}
      <Button onClick={check} disabled={!canCheck}>
        {pending && checked === null ? "Checking…" : "Check import"}
      </Button>
      <ImportResult result={result} staleRef={staleRef} />
      {checked !== null && (
        <>
          <ImportPlanView planned={checked.planned} archives={checked.archives} />
          <Button onClick={write} disabled={pending}>
            {pending ? "Importing…" : "Import"}
          </Button>
        </>
      )}
    </Panel>
  );
}

/** Shows the outcome of the last step: its problems, the stale-plan notice or what was imported. */
function ImportResult({
  result,
  staleRef,
}: {
  result: FormResult;
  staleRef: Ref<HTMLParagraphElement>;
}) {
  if (result?.status === "invalid") {
    return (
      <>
        <ProblemList
          title={`Nothing was imported: ${plural(result.problems.length, "problem")}.`}
          problems={result.problems.map((problem) => ({
            place: problem.path === "" ? problem.file : `${problem.file}: ${problem.path}`,
            message: problem.message,
          }))}
        />
        <ArchiveNotes archives={result.archives ?? []} />
      </>
    );
  }
  if (result?.status === "rejected" || result?.status === "unreadable") {
    const place = result.status === "unreadable" ? result.place : "Import";
    return (
      <ProblemList title="Nothing was imported." problems={[{ place, message: result.message }]} />
    );
  }
  if (result?.status === "stale") {
    return (
      <p ref={staleRef} tabIndex={-1} role="alert" className="text-sm font-medium text-red-700">
        Nothing was imported: the course changed after the check, by another save or import. The
        plan below is for the course as it is now: read it and import again.
      </p>
    );
  }
  if (result?.status === "imported") {
    return (
      <div role="status" className="space-y-1 text-sm text-green-800">
        <p>{describeImportReport(result.report)}</p>
        {result.drafts.length > 0 && <p>{describeDrafts(result.drafts)}</p>}
      </div>
    );
  }
  return null;
}

/** Says, for each archive read, which of its folders was read and which files were skipped. */
function ArchiveNotes({ archives }: { archives: CourseArchive[] }) {
  if (archives.length === 0) return null;
  return (
    <ul aria-label="Archives read" className="list-disc pl-5 text-sm">
      {archives.map((archive) => (
        <li key={archive.archive}>{describeCourseArchive(archive)}</li>
      ))}
    </ul>
  );
}

/**
 * Shows what a checked import would write: a row per exercise file, the course and the rest,
 * and what was read from each archive.
 */
function ImportPlanView({
  planned,
  archives,
}: {
  planned: PlannedImport;
  archives: CourseArchive[];
}) {
  const { plan, drafts } = planned;
  return (
    <section aria-label="Import plan" className="space-y-2 text-sm">
      <p className="font-medium">
        The files are valid. Nothing is written until you press Import, which makes these changes:
      </p>
      <DataTable columns={["Exercise", "Change"]} label="Exercises in the files" compact>
        {plan.exercises.map((exercise) => (
          <tr key={exercise.slug} className="align-top">
            <td className="font-mono">{exercise.slug}</td>
            <td>{describePlannedExercise(exercise)}</td>
          </tr>
        ))}
      </DataTable>
      <ul aria-label="Course" className="list-disc pl-5">
        {describePlannedCourse(plan.course).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {plan.kept.length > 0 && <p>Kept as they are: {plan.kept.join(", ")}.</p>}
      {drafts.length > 0 && <p>{describeDrafts(drafts)}</p>}
      <ArchiveNotes archives={archives} />
    </section>
  );
}
