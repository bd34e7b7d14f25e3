"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { getAuth } from "../auth";

/** Ends the current session and returns to the sign-in page. */
export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
