import { toNextJsHandler } from "better-auth/next-js";

import { getAuth } from "@/server/auth";
import { rejectAuthEndpoint } from "@/server/auth-endpoint-gate";

// The handler is built on the first request so that `next build` never creates the auth instance.
async function handle(request: Request): Promise<Response> {
  const rejection = await rejectAuthEndpoint(request);
  return rejection ?? getAuth().handler(request);
}

export const { GET, POST } = toNextJsHandler(handle);
