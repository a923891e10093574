// npm test: the whole suite. Format and lint check (Biome), type check, unit tests (Vitest) and
// browser tests (Playwright in real Chromium against `next build` + `next start`), on SQLite, and
// on PostgreSQL too when TEST_DATABASE_URL_PG names a scratch database (it is erased).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { baseEnv, bin, commandExists, ensureDependencies, root, run, SERVER_CONDITION, step } from "./lib/setup.mjs";

function hasPlaywrightChromium() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || path.join(os.homedir(), ".cache", "ms-playwright");
  return fs.existsSync(cache) && fs.readdirSync(cache).some((name) => name.startsWith("chromium"));
}

function ensureChromium() {
  if (fs.existsSync("/usr/bin/chromium") || fs.existsSync("/usr/bin/chromium-browser") || hasPlaywrightChromium())
    return;
  if (process.getuid?.() === 0 && commandExists("apt-get")) {
    step("Installing Chromium for the browser tests (apt-get install chromium)");
    run("apt-get", ["update"]);
    run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      env: { ...baseEnv, DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  console.error(
    "✖ The browser tests need Chromium: install it (Debian: apt-get install chromium) or run `npx playwright install chromium`.",
  );
  process.exit(1);
}

const pgUrl = process.env.TEST_DATABASE_URL_PG;
const targets = [{ name: "SQLite", url: "file:./data/test-e2e.db", distDir: ".next-e2e" }];
if (pgUrl) targets.push({ name: "PostgreSQL", url: pgUrl, distDir: ".next-e2e-pg" });

ensureDependencies();

// First, as it takes a second: formatting, import order and lint rules (biome.json); warnings fail too.
step("Format and lint (biome ci)");
run(bin("biome"), ["ci", "--error-on-warnings", "."]);

ensureChromium();
console.log(
  pgUrl
    ? "Databases: SQLite and PostgreSQL (TEST_DATABASE_URL_PG)."
    : "Databases: SQLite only (set TEST_DATABASE_URL_PG to add PostgreSQL).",
);

step("Type check (tsc --noEmit)");
run(bin("tsc"), ["--noEmit"]);

step("Unit and integration tests (Vitest)");
run(bin("vitest"), ["run"]);

// A fresh build for every run: its page cache must not hold pages of an earlier run's data.
step("Production build for the browser tests");
for (const target of targets) fs.rmSync(path.join(root, target.distDir), { recursive: true, force: true });
run(bin("next"), ["build"], { env: { ...baseEnv, NEXT_DIST_DIR: targets[0].distDir } });
for (const target of targets.slice(1))
  fs.cpSync(path.join(root, targets[0].distDir), path.join(root, target.distDir), { recursive: true });

for (const target of targets) {
  step(`Preparing the ${target.name} database for the browser tests`);
  run(bin("tsx"), [SERVER_CONDITION, "scripts/db/reset.mts", "--yes", "--seed"], {
    env: { ...baseEnv, DATABASE_URL: target.url },
  });
}

step("Browser tests (Playwright, Chromium)");
// The specs seed data through lib/ (server code): see SERVER_CONDITION.
run(bin("playwright"), ["test"], { env: { ...baseEnv, NODE_OPTIONS: SERVER_CONDITION } });
console.log("\n✔ All tests passed.");
