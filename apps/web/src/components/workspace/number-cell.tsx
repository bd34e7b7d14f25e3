"use client";

import { useId } from "react";

import type { Place } from "@sawtooth/theory";

import { cellProblem } from "./submission-check";

interface NumberCellProps {
  /** Accessible name, such as "Layer 1 weight, row 2, column 1". */
  label: string;
  value: string;
  /** The cell's place in the network, for the engine's message when its text is not a number. */
  place: Place;
  onChange: (text: string) => void;
}

/**
 * Renders a text input for one exact number (`-1/2`, `0.5`, `1e-3`, `−.5`). Text the engine cannot read
 * gets a red border, `aria-invalid` and the engine's message as its description.
 */
export function NumberCell({ label, value, place, onChange }: NumberCellProps) {
  const id = useId();
  const problem = cellProblem(value, place);
  const border = problem
    ? "border-red-600 bg-red-50 focus:outline-red-600"
    : "border-slate-300 focus:outline-indigo-600";
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        title={problem ?? undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`w-20 rounded border px-2 py-1 text-right font-mono text-sm focus:outline-2 ${border}`}
      />
      {problem && (
        <span id={`${id}-problem`} className="sr-only">
          {problem}
        </span>
      )}
    </>
  );
}
