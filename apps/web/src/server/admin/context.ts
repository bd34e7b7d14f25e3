import "server-only";

import { getDatabase } from "@sawtooth/db";

import { getRequestUser } from "../access";
import type { AdminContext } from "./admin-access";

/** Builds the context of an admin action from the request's session. */
export async function requestAdminContext(): Promise<AdminContext> {
  return { db: getDatabase(), ...(await getRequestUser()), now: new Date() };
}
