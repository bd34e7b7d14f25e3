import { toNextJsHandler } from "better-auth/next-js";

import { getDatabase } from "@sawtooth/db";

import { getAuth } from "@/server/auth";
import { rejectAuthEndpoint } from "@/server/auth-endpoint-gate";
import { limitSignInRoute } from "@/server/sign-in-request";

/** The sign-in endpoint, which counts failed sign-ins as the sign-in form does. */
const SIGN_IN_PATH = "/api/auth/sign-in/email";

// The handler is built on the first request so that `next build` never creates the auth instance.
async function handle(request: Request): Promise<Response> {
  const rejection = await rejectAuthEndpoint(request);
  if (rejection) {
    return rejection;
  }
  const auth = getAuth();
  if (request.method === "POST" && new URL(request.url).pathname === SIGN_IN_PATH) {
    return limitSignInRoute(getDatabase(), request, (limited) => auth.handler(limited), new Date());
  }
  return auth.handler(request);
}

export const { GET, POST } = toNextJsHandler(handle);
