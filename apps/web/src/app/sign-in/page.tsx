import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { getSessionUser } from "@/server/access";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getSessionUser()) {
    redirect("/courses");
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-sm text-slate-600">Use the account your course gave you.</p>
      <SignInForm />
    </div>
  );
}
