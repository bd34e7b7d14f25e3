/** Marks an attempt at a hidden exercise, which its student cannot see until it is published. */
export function HiddenBadge() {
  return (
    <span
      title="Hidden from students: they cannot see this attempt until it is published again"
      className="ml-1 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800"
    >
      {/* The brackets keep the mark apart from the title for screen readers and copied text. */}
      <span className="sr-only"> (</span>
      hidden
      <span className="sr-only">)</span>
    </span>
  );
}
