// Shared steps of `npm start` and `npm test`. Plain Node (no dependencies), because it runs
// before `npm install` on a fresh clone.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// lib/ modules that touch the database import "server-only", whose plain entry throws so that a
// client bundle cannot include them. Scripts are server code: they resolve it with the
// react-server condition, as Next's server does.
export const SERVER_CONDITION = "--conditions=react-server";

export function step(message) {
  console.log(`\n▶ ${message}`);
}

export function run(command, args, { env = baseEnv } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`✖ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

export function bin(name) {
  return path.join(root, "node_modules", ".bin", name);
}

function mtime(file) {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const installed = mtime("node_modules/.package-lock.json");
  const generated =
    fs.existsSync(path.join(root, "generated/prisma-sqlite/client.ts")) &&
    fs.existsSync(path.join(root, "generated/prisma-postgres/client.ts"));
  if (installed && installed >= mtime("package-lock.json") && installed >= mtime("package.json") && generated) return;
  step("Installing dependencies (npm install)");
  run(npm, ["install", "--no-audit", "--no-fund"]);
  if (!fs.existsSync(path.join(root, "generated/prisma-sqlite/client.ts")))
    run(bin("tsx"), ["scripts/db/generate.mts"]);
}

export function tsx(script, env = baseEnv) {
  run(bin("tsx"), [SERVER_CONDITION, script], { env });
}

/** Runs a server-side script and parses the last line it prints as JSON. */
export function tsxJson(script, env = baseEnv, args = []) {
  const out = spawnSync(bin("tsx"), [SERVER_CONDITION, script, ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`${script}: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split("\n").pop());
}

const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma", "generated"];
const SOURCE_FILES = ["package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json"];

function listFiles(dir) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/** A hash of everything a production build is made from. */
export function sourceHash() {
  const hash = createHash("sha256");
  for (const file of [...SOURCE_DIRS.flatMap(listFiles), ...SOURCE_FILES]) {
    if (!fs.existsSync(path.join(root, file))) continue;
    hash
      .update(file)
      .update("\0")
      .update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

/** Runs `next build` into distDir unless a build of the same sources is already there. */
export function ensureBuild(distDir, env = baseEnv) {
  const stamp = path.join(root, distDir, "hivebrain-source-hash");
  // next.config.js bakes HSTS_MAX_AGE into the build's headers: a change needs a new build.
  const hash = `${sourceHash()} hsts=${env.HSTS_MAX_AGE ?? ""}`;
  if (
    fs.existsSync(path.join(root, distDir, "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === hash
  ) {
    console.log(`Build in ${distDir} is up to date.`);
    return;
  }
  step(`Building the production app (next build → ${distDir})`);
  run(bin("next"), ["build"], { env: { ...env, NEXT_DIST_DIR: distDir } });
  fs.writeFileSync(stamp, hash);
}

export function commandExists(command) {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
