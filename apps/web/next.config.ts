import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The db package exports TypeScript source, including the generated Prisma client.
  transpilePackages: ["@sawtooth/db"],
  poweredByHeader: false,
};

export default nextConfig;
