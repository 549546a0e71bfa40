// Browser tests (npm run test:e2e): Debian's Chromium driven by Playwright
// against the production build on a fresh PGlite database with the demo
// data (tests/e2e/serve.ts starts it). One worker: the scenarios share that
// server and its demo accounts, each using its own people.
// E2E_NOW=2026-12-07T09:30:00Z runs everything as if at that instant
// (tests/e2e/clock.ts): the seed, the server, the specs and the pages.
import { defineConfig, devices } from "@playwright/test";
import { clockOffsetMs } from "./tests/e2e/clock";

const port = Number(process.env.E2E_PORT ?? 3310);
const baseURL = `http://127.0.0.1:${port}`;
// Taken once here, in the runner, and inherited by the workers and the server.
const clockOffset = clockOffsetMs();

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // Not Playwright's default (test-results/), which it empties at start:
  // CI keeps other reports and the role screenshots there.
  outputDir: "test-results/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    // A viewer in London looking at a Paris coach: the coach's zone is named.
    timezoneId: "Europe/London",
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // This machine has no network but loopback: keep Chromium from trying.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "sign-in", testMatch: "auth.setup.ts", use: { ...devices["Pixel 7"] } },
    { name: "phone", dependencies: ["sign-in"], use: { ...devices["Pixel 7"] } },
  ],
  webServer: {
    command: `npx tsx tests/e2e/serve.ts`,
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(port), E2E_CLOCK_OFFSET_MS: String(clockOffset) },
    // May build the app first.
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
