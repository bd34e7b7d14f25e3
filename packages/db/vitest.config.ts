import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The first query of each test file loads Prisma's WebAssembly query compiler, which can take
    // a few seconds on a busy machine.
    testTimeout: 20_000,
  },
});
