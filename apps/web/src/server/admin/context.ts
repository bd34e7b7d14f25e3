import "server-only";

import { getDatabase } from "@sawtooth/db";

import { getSessionUser } from "../access";
import type { AdminContext } from "./admin-access";

/** Builds the context of an admin action from the request's session. */
export async function requestAdminContext(): Promise<AdminContext> {
  const user = await getSessionUser();
  return { db: getDatabase(), userId: user?.id ?? null, now: new Date() };
}
