"use client";

import { useId, useState, type ChangeEvent } from "react";

import { SentenceWithNumbers } from "@/components/exact-number";

import { formatName, summarizeUpload, type UploadSummary } from "./upload-summary";
import { readUploadText, type TextEncodingName } from "./upload-text";

interface UploadFieldProps {
  /** Replaces the editor's content with the file's text, after the engine has read it. */
  onLoad: (text: string) => void;
}

type UploadState =
  | { file: string; encoding: TextEncodingName; summary: UploadSummary }
  | { file: string; error: string };

/**
 * Uploads a .json file in the native or the PyTorch state_dict format. The engine reads it in
 * the browser, and the field shows the format, the layer mapping and the shapes it found
 * before loading the text into the editor. A file the engine rejects is not loaded.
 */
export function UploadField({ onLoad }: UploadFieldProps) {
  const id = useId();
  const [upload, setUpload] = useState<UploadState | null>(null);

  async function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file === undefined) return;
    const read = await readUploadText(file);
    if (!read.ok) {
      setUpload({ file: file.name, error: read.message });
      return;
    }
    const summary = summarizeUpload(read.text);
    setUpload({ file: file.name, encoding: read.encoding, summary });
    if (summary.ok) onLoad(read.text);
  }

  return (
    <div className="text-sm">
      <label htmlFor={id} className="font-medium">
        Upload a JSON file
      </label>{" "}
      <span className="text-slate-600">(native format or a PyTorch state_dict)</span>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        onChange={handleChange}
        className="mt-1 block text-sm file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1"
      />
      {upload && <UploadReport upload={upload} />}
    </div>
  );
}

function UploadReport({ upload }: { upload: UploadState }) {
  if ("error" in upload) {
    return (
      <p role="status" className="mt-2 text-red-700">
        {upload.error}
      </p>
    );
  }
  const { summary } = upload;
  if (!summary.ok) {
    return (
      <div role="status" className="mt-2 text-red-700">
        <p>{upload.file} was not loaded:</p>
        <ul className="list-disc pl-5">
          {summary.messages.map((message, i) => (
            <li key={i}>
              <SentenceWithNumbers text={message} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <section
      role="status"
      aria-label="Uploaded file"
      className="mt-2 rounded-md border border-slate-200 bg-white p-3"
    >
      <p>
        Loaded {upload.file}
        {upload.encoding !== "UTF-8" && ` (read as ${upload.encoding})`}:{" "}
        {formatName(summary.format)}, {summary.shapes.length} layers, {summary.parameters}{" "}
        parameters.
      </p>
      <table className="mt-2 text-left">
        <thead>
          <tr className="text-slate-600">
            {summary.format === "state-dict" && (
              <th className="pr-4 font-normal">state_dict key</th>
            )}
            <th className="pr-4 font-normal">layer</th>
            <th className="pr-4 font-normal">weights</th>
            <th className="font-normal">biases</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {summary.shapes.map((shape, i) => (
            <tr key={shape.layer}>
              {summary.format === "state-dict" && (
                <td className="pr-4">{summary.mapping[i]?.key} →</td>
              )}
              <td className="pr-4">layer {shape.layer}</td>
              <td className="pr-4">
                {shape.rows}×{shape.columns}
              </td>
              <td>{shape.rows}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.notes.length > 0 && (
        <p className="mt-1 text-slate-600">Note: {summary.notes.join("; ")}</p>
      )}
    </section>
  );
}
