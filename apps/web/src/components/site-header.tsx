import Link from "next/link";

import type { SessionUser } from "@/server/access";
import { signOut } from "@/server/actions/sign-out";

import { SignOutButton } from "./sign-out-button";

/**
 * Top bar with the product name and, when signed in, the user, links to change the password and
 * manage API tokens, and a sign-out button. On a narrow screen the email address is cut short
 * with an ellipsis (the full one is its tooltip), so the bar stays one row.
 */
export function SiteHeader({
  user,
  passwordChangeRequired,
}: {
  user: SessionUser | null;
  /** Hides the links that a user with a one-time password cannot use until they replace it. */
  passwordChangeRequired: boolean;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link
          href={user ? "/courses" : "/sign-in"}
          className="shrink-0 text-lg font-semibold tracking-tight"
        >
          Sawtooth
        </Link>
        {user && (
          <div className="flex min-w-0 items-center gap-3 text-sm sm:gap-4">
            <span className="truncate text-slate-600" title={user.email}>
              {user.email}
            </span>
            {!passwordChangeRequired && (
              <>
                <Link href="/account/password" className="shrink-0 text-indigo-700 hover:underline">
                  Password
                </Link>
                <Link href="/account/tokens" className="shrink-0 text-indigo-700 hover:underline">
                  API tokens
                </Link>
              </>
            )}
            <form action={signOut} className="shrink-0">
              <SignOutButton />
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
