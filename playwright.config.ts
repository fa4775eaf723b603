import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3100);
const BASE_URL = `http://localhost:${PORT}`;

// Debian's Chromium where present (these machines cannot download Playwright's browsers);
// otherwise Playwright's own, after `npx playwright install chromium`.
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  testMatch: /.*\.spec\.ts/,
  // One server, one database, two cores: specs run one after another.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "America/New_York",
    locale: "en-US",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: "node e2e/serve.mjs",
    url: `${BASE_URL}/signin/`,
    // Build (~20-60 s) + migrations + seed data before the server answers.
    timeout: 300_000,
    // E2E_REUSE=1 runs specs against a server already started with `node e2e/serve.mjs`.
    reuseExistingServer: process.env.E2E_REUSE === "1",
    stdout: "pipe",
    stderr: "pipe",
    env: {
      ...(process.env as Record<string, string>),
      PORT: String(PORT),
      DATA_DIR: "artifacts/e2e-data",
      DATABASE_URL: "",
      AUTH_SECRET: process.env.E2E_AUTH_SECRET || "e2e-secret-0123456789-0123456789-0123456789",
      NEXTAUTH_URL: BASE_URL,
      // The outbox worker runs so that e2e/self-service.spec.ts can open emailed links from the
      // dev mailbox (shown to agents in this production build with DEV_MAILBOX=on).
      NOTIFICATIONS_WORKER: "on",
      NOTIFICATIONS_WORKER_INTERVAL_MS: "500",
      DEV_MAILBOX: "on",
      MAIL_TRANSPORT: "local",
      RESEND_API_KEY: "",
      NEXT_TELEMETRY_DISABLED: "1",
      // The server runs 19 hours ahead of the browser (America/New_York, above), so a date that
      // a page formats in the process's own zone instead of the viewer's shows up as a hydration
      // error on most hours of the day, not only between midnight UTC and midnight in New York.
      TZ: "Pacific/Kiritimati",
    },
  },
});
