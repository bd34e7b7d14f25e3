/** Marks a student who was removed from the course and cannot see their attempts any more. */
export function RemovedBadge() {
  return (
    <span
      title="No longer a member of the course"
      className="ml-1 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800"
    >
      {/* The brackets keep the mark apart from the name for screen readers and copied text. */}
      <span className="sr-only"> (</span>
      removed
      <span className="sr-only">)</span>
    </span>
  );
}
