import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-700">
        This course or exercise does not exist, or you are not a member of its course.
      </p>
      <Link href="/courses" className="mt-6 inline-block font-medium text-indigo-700 underline">
        Back to my courses
      </Link>
    </div>
  );
}
