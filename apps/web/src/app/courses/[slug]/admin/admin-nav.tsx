import Link from "next/link";

/** Links between the admin pages of a course. */
export function AdminNav({ courseSlug, title }: { courseSlug: string; title: string }) {
  const base = `/courses/${courseSlug}/admin`;
  const links = [
    [base, "Exercises"],
    [`${base}/members`, "Members"],
    [`${base}/settings`, "Settings"],
  ] as const;
  return (
    <nav aria-label="Course admin" className="flex gap-4 text-sm">
      <Link href={`/courses/${courseSlug}`} className="text-indigo-700 hover:underline">
        {title}
      </Link>
      {links.map(([href, label]) => (
        <Link key={href} href={href} className="text-indigo-700 hover:underline">
          {label}
        </Link>
      ))}
    </nav>
  );
}
