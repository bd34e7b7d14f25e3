import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The budget tests build f^21's two million breakpoints before they stop. Under a full
    // `npm test`, which runs the web build beside them on two cores, that passed Vitest's 5 s
    // default; the limit only guards against hangs, so it is set far above any normal run.
    testTimeout: 60_000,
  },
});
