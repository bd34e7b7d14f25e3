import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a browser downloaded by `playwright install`. The networking flags
// stop its background connections to update and sync services.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  // Starts the production server on a free loopback port with a temporary database and sets
  // SAWTOOTH_E2E_BASE_URL, which the workers read below.
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env["CI"]),
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: process.env["SAWTOOTH_E2E_BASE_URL"],
    browserName: "chromium",
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env["CHROMIUM_PATH"] || "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
});
