import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The workspace packages export TypeScript source, the db package its generated Prisma client
  // too. The engine also runs in the browser for the editor's live plot.
  transpilePackages: ["@sawtooth/db", "@sawtooth/theory"],
  poweredByHeader: false,
};

export default nextConfig;
