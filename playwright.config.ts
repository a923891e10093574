import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eTargets } from "./e2e/support/targets";

// Playwright cannot download its own browser on locked-down machines; use the system
// Chromium when there is one.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));
const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const targets = e2eTargets();

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    trace: "retain-on-failure",
    launchOptions: { executablePath: systemChromium, args: chromiumFlags },
  },
  projects: targets.map((target) => ({
    name: target.name,
    use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${target.port}` },
    metadata: { databaseUrl: target.databaseUrl },
  })),
  webServer: targets.map((target) => ({
    command: `node scripts/server.mjs --port ${target.port} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${target.port}/tags`,
    env: {
      DATABASE_URL: target.databaseUrl,
      NEXT_DIST_DIR: target.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      // The specs run with the react-server condition (npm run test:e2e); the server must not.
      NODE_OPTIONS: "",
      NEXTAUTH_URL: `http://127.0.0.1:${target.port}`,
      NEXTAUTH_SECRET: "e2e-only-secret-not-used-anywhere-else",
      // All test visitors share 127.0.0.1; per-user limits are still tested (e2e/api).
      SUBMISSIONS_PER_HOUR_PER_IP: "1000",
      SIGN_UPS_PER_HOUR_PER_IP: "1000",
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  })),
});
