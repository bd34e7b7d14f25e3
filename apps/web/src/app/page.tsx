import { redirect } from "next/navigation";

import { CHANGE_PASSWORD_PATH, getSessionState } from "@/server/access";

export default async function HomePage() {
  const state = await getSessionState();
  if (state?.passwordChangeRequired) {
    redirect(CHANGE_PASSWORD_PATH);
  }
  redirect(state ? "/courses" : "/sign-in");
}
