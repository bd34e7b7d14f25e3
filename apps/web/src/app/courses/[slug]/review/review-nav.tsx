import Link from "next/link";

const SECTIONS = [
  { path: "", label: "Dashboard" },
  { path: "/attempts", label: "Attempts" },
  { path: "/mistakes", label: "Wrong answers" },
] as const;

/** Links between the review pages of a course, with the current one marked. */
export function ReviewNav({ courseSlug, current }: { courseSlug: string; current: string }) {
  const base = `/courses/${courseSlug}/review`;
  return (
    <nav aria-label="Review" className="mt-4 flex flex-wrap gap-2 text-sm">
      {SECTIONS.map((section) => (
        <Link
          key={section.path}
          href={`${base}${section.path}`}
          aria-current={section.path === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 ${
            section.path === current
              ? "bg-indigo-600 text-white"
              : "bg-white text-indigo-700 ring-1 ring-slate-200 hover:bg-slate-50"
          }`}
        >
          {section.label}
        </Link>
      ))}
      <a
        href={`${base}/gradebook`}
        download
        className="rounded-md bg-white px-3 py-1.5 text-indigo-700 ring-1 ring-slate-200 hover:bg-slate-50"
      >
        Download gradebook (CSV)
      </a>
    </nav>
  );
}
