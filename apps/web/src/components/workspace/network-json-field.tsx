"use client";

import { useId } from "react";

interface NetworkJsonFieldProps {
  value: string;
  /** The engine's messages when the text cannot be turned into grids; empty otherwise. */
  problems: string[];
  onChange: (text: string) => void;
}

/** Renders the "Network JSON" text area, kept in sync with the grids, for pasting a submission. */
export function NetworkJsonField({ value, problems, onChange }: NetworkJsonFieldProps) {
  const id = useId();
  const invalid = problems.length > 0;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        Network JSON
      </label>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        rows={14}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-problems` : undefined}
        className={`mt-1 block w-full rounded-md border bg-white p-2 font-mono text-xs focus:outline-2 ${
          invalid
            ? "border-red-600 focus:outline-red-600"
            : "border-slate-300 focus:outline-indigo-600"
        }`}
      />
      {invalid && (
        <div id={`${id}-problems`} className="mt-1 text-sm text-red-700">
          <p>The grids show the last readable network:</p>
          <ul className="list-disc pl-5">
            {problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
