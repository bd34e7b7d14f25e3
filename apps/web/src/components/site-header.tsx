import Link from "next/link";

import type { SessionUser } from "@/server/access";
import { signOut } from "@/server/actions/sign-out";

import { SignOutButton } from "./sign-out-button";

/** Top bar with the product name and, when signed in, the user and a sign-out button. */
export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl items-center justify-between px-6 py-3">
        <Link
          href={user ? "/courses" : "/sign-in"}
          className="text-lg font-semibold tracking-tight"
        >
          Sawtooth
        </Link>
        {user && (
          <div className="flex items-center gap-4 text-sm">
            <span className="text-slate-600">{user.email}</span>
            <form action={signOut}>
              <SignOutButton />
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
