import { defineConfig, devices } from "@playwright/test";

// End-to-end tests in real Chromium against a production build (`next start`) on a fresh,
// seeded database. Debian's Chromium is used: Playwright cannot download its own browsers here.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_SECRET = process.env.E2E_NEXTAUTH_SECRET ?? "keystone-e2e-secret-not-for-production";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

const phone = {
  ...devices["Pixel 5"],
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  launchOptions: chromium,
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  },
  projects: [
    {
      name: "desktop",
      testIgnore: /resilience/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions: chromium },
    },
    { name: "phone", testIgnore: /resilience/, use: phone },
    // Takes the database away and back: runs after the others.
    {
      name: "resilience",
      testMatch: /resilience/,
      dependencies: ["desktop", "phone"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
  ],
  webServer: {
    command: "npx --no-install tsx tests/e2e/server.ts",
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { E2E_PORT: String(E2E_PORT), E2E_NEXTAUTH_SECRET: E2E_SECRET },
  },
});
