/** Marks an attempt submitted after its exercise's due date. */
export function LateBadge({ dueDate }: { dueDate: Date | null }) {
  const title = dueDate ? `Submitted after the due date ${dueDate.toISOString()}` : undefined;
  return (
    <span
      title={title}
      className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900"
    >
      late
    </span>
  );
}
