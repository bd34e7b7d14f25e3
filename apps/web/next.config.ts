import type { NextConfig } from "next";

import { MAX_ACTION_BODY_BYTES } from "./src/lib/submission-limits";

const nextConfig: NextConfig = {
  // The workspace packages export TypeScript source, the db package with its generated client.
  transpilePackages: ["@sawtooth/db", "@sawtooth/theory"],
  // piscina starts its worker threads from its own files, which bundling would move away; pino
  // is on Next.js's list of server-external packages already.
  serverExternalPackages: ["piscina"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
  },
};

export default nextConfig;
