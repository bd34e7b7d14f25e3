const format = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Renders a due date in UTC, or a dash when there is none. */
export function DueDate({ date }: { date: Date | null }) {
  if (!date) {
    return <span className="text-slate-400">—</span>;
  }
  return <time dateTime={date.toISOString()}>{format.format(date)} UTC</time>;
}
