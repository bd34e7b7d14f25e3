import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { RETURN_PARAMETER, safeReturnPath } from "@/lib/return-path";
import { CHANGE_PASSWORD_PATH, getSessionState } from "@/server/access";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  /** `next` is the path of the page that sent the user here, to return to after signing in. */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const returnPath = safeReturnPath((await searchParams)[RETURN_PARAMETER]);
  const state = await getSessionState();
  if (state?.passwordChangeRequired) {
    redirect(CHANGE_PASSWORD_PATH);
  }
  if (state) {
    redirect(returnPath);
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-sm text-slate-600">Use the account your course gave you.</p>
      <SignInForm returnPath={returnPath} />
    </div>
  );
}
