/** Lists the invalid values of a review page's filters, each naming its field and the fix. */
export function FilterProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div
      role="alert"
      className="mt-4 rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800"
    >
      <p className="font-medium">
        {problems.length === 1 ? "A filter was not applied:" : "Some filters were not applied:"}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
