"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

import { signInPath } from "@/lib/return-path";

/**
 * Renders a link to the sign-in page for a user whose session ended while a page was open.
 * Signing in returns to that page, with its query.
 */
export function SignInAgainLink() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const href = signInPath(query === "" ? pathname : `${pathname}?${query}`);
  return (
    <Link href={href} className="font-medium underline hover:text-red-900">
      Sign in again
    </Link>
  );
}
