import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./src/", import.meta.url)),
      // The real module throws outside React Server Components, which unit tests are not.
      "server-only": fileURLToPath(new URL("./src/testing/server-only.ts", import.meta.url)),
    },
  },
  test: {
    // Playwright's specs under e2e/ run with `pnpm test:e2e`, never with Vitest.
    include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
  },
});
