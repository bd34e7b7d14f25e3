"use client";

import { Fragment, useState } from "react";

import { abbreviateNumber, splitLongNumbers, type Abbreviation } from "@/lib/long-number";

/**
 * Shows an exact number: in full when it is short, else shortened with its digit count and a
 * decimal approximation (see `abbreviateNumber`). The full value stays in the title and behind
 * a "Show all digits" button, and copying the expanded number copies every digit.
 */
export function ExactNumber({ value, className }: { value: string; className?: string }) {
  const abbreviation = abbreviateNumber(value);
  if (abbreviation === null) {
    return className === undefined ? value : <span className={className}>{value}</span>;
  }
  return <LongNumber value={value} abbreviation={abbreviation} className={className} />;
}

/** Shows a sentence with each long exact number in it shortened as {@link ExactNumber} does. */
export function SentenceWithNumbers({ text }: { text: string }) {
  return splitLongNumbers(text).map((part, index) => (
    <Fragment key={index}>
      {typeof part === "string" ? part : <LongNumber value={part.exact} abbreviation={part} />}
    </Fragment>
  ));
}

interface LongNumberProps {
  value: string;
  abbreviation: Abbreviation;
  className?: string | undefined;
}

function LongNumber({ value, abbreviation, className }: LongNumberProps) {
  const [expanded, setExpanded] = useState(false);
  return (
    <span className={className} data-exact={value}>
      {expanded ? (
        <span className="break-all">{value}</span>
      ) : (
        <span title={value}>{abbreviation.short}</span>
      )}{" "}
      <span className="font-sans text-slate-600">({abbreviation.note})</span>{" "}
      <button
        type="button"
        aria-expanded={expanded}
        onClick={() => setExpanded(!expanded)}
        className="font-sans text-xs text-indigo-700 underline hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {expanded ? "Show fewer digits" : "Show all digits"}
      </button>
    </span>
  );
}
