import { redirect } from "next/navigation";

import { getSessionUser } from "@/server/access";

export default async function HomePage() {
  const user = await getSessionUser();
  redirect(user ? "/courses" : "/sign-in");
}
