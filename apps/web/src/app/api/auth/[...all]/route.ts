import { toNextJsHandler } from "better-auth/next-js";

import { getAuth } from "@/server/auth";

// The handler is built on the first request so that `next build` never creates the auth instance.
function handle(request: Request): Promise<Response> {
  return getAuth().handler(request);
}

export const { GET, POST } = toNextJsHandler(handle);
