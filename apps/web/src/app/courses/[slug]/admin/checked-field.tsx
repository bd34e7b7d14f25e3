"use client";

import { useId, type Ref } from "react";

/**
 * A labelled text input or text area whose problem shows under it. The problem marks the
 * control `aria-invalid` and describes it, and `maxLength` stops typing at the server's limit.
 */
export function CheckedField({
  label,
  value,
  onChange,
  error,
  hint,
  maxLength,
  type = "text",
  rows,
  inputRef,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  hint?: string;
  maxLength?: number;
  type?: string;
  /** Renders a text area of this many rows instead of an input. */
  rows?: number;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  const control = {
    id,
    ref: inputRef,
    value,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described.length > 0 ? described.join(" ") : undefined,
    className:
      "mt-1 block w-full rounded border px-2 py-1 font-mono text-sm " +
      (error ? "border-red-600 ring-1 ring-red-600" : "border-slate-300"),
  };

  return (
    <div className="block text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {rows === undefined ? (
        <input {...control} type={type} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <textarea
          {...control}
          rows={rows}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
