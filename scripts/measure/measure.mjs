// npm run measure — numbers for the production build, printed as a table:
//  1. JS each page loads: the sum of the gzip sizes of the <script src> chunks in its HTML,
//     for the home page, an entry page and a bare page with no client components (/tags).
//  2. Throughput under `autocannon -c 32 -d 20` (from a separate process) for the entry page
//     (rotating over all entries), the home page, and the ceiling: a byte-for-byte copy of the
//     entry page's HTML served as a static file by the same server.
// Uses its own database (data/measure.db, reset and seeded) and build folder (.next-measure).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { baseEnv, bin, ensureBuild, ensureDependencies, root, run, step } from "../lib/setup.mjs";

const PORT = Number(process.env.MEASURE_PORT || 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_S = Number(process.env.MEASURE_DURATION || 20);
const CONNECTIONS = 32;
const DIST = ".next-measure";
const DATABASE_URL = process.env.MEASURE_DATABASE_URL || "file:./data/measure.db";
const STATIC_COPY = path.join(root, "public", "measure-static-copy.html");
const env = { ...baseEnv, DATABASE_URL, NEXT_DIST_DIR: DIST };

async function startServer() {
  if (await fetch(`${BASE}/`).then(() => true, () => false)) throw new Error(`port ${PORT} is already in use; stop that server or set MEASURE_PORT`);
  const log = fs.openSync(path.join(root, "data", "measure-server.log"), "a");
  const server = spawn(bin("next"), ["start", "--port", String(PORT), "--hostname", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", log, log], detached: true });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/tags`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill();
  throw new Error("next start did not come up");
}

async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  // `next start` serves from a child process: signal the whole process group.
  process.kill(-server.pid, "SIGTERM");
  await exited;
  for (let i = 0; i < 50 && (await fetch(`${BASE}/`).then(() => true, () => false)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function scriptBytes(pathname) {
  const html = await (await fetch(BASE + pathname)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let gzip = 0;
  for (const src of sources) gzip += gzipSync(Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer()), { level: 9 }).length;
  return { pathname, scripts: sources.length, gzipKiB: gzip / 1024, htmlKiB: Buffer.byteLength(html) / 1024 };
}

function load(name, paths) {
  const config = JSON.stringify({ url: BASE, connections: CONNECTIONS, duration: DURATION_S, requests: paths.map((p) => ({ method: "GET", path: p })) });
  // autocannon runs in its own process so that it does not share a core's event loop with the server.
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", `
    import autocannon from "autocannon";
    const r = await autocannon(${config});
    console.log(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, total: r.requests.total }));
  `], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  const measured = { name, ...JSON.parse(result.stdout.trim().split("\n").pop()) };
  if (measured.non2xx || measured.errors) throw new Error(`${name}: ${measured.non2xx} non-2xx responses, ${measured.errors} errors`);
  return measured;
}

ensureDependencies();
step(`Preparing ${DATABASE_URL}`);
run(bin("tsx"), ["scripts/db/reset.mts", "--yes", "--seed"], { env });
fs.rmSync(STATIC_COPY, { force: true });
ensureBuild(DIST, env);

step("Measuring client JavaScript");
let server = await startServer();

const entrySlugs = readSlugs();
const sizes = [await scriptBytes("/"), await scriptBytes(`/entries/${entrySlugs[0]}`), await scriptBytes("/tags")];
console.table(sizes.map((s) => ({ page: s.pathname, "script chunks": s.scripts, "JS gzip KiB": s.gzipKiB.toFixed(1), "HTML KiB": s.htmlKiB.toFixed(1) })));
// Warm every entry page into the page cache before measuring, as a running site would be.
for (const slug of entrySlugs) await fetch(`${BASE}/entries/${slug}`);
const entryHtml = await (await fetch(`${BASE}/entries/${entrySlugs[0]}`)).text();
await stopServer(server);

fs.writeFileSync(STATIC_COPY, entryHtml);
try {
  server = await startServer();
  step(`Load: autocannon -c ${CONNECTIONS} -d ${DURATION_S} per target`);
  const results = [
    load("entry pages (rotating)", entrySlugs.map((slug) => `/entries/${slug}`)),
    load("home page", ["/"]),
    load("static copy of an entry page (ceiling)", ["/measure-static-copy.html"]),
  ];
  await stopServer(server);
  const ceiling = results[2].rps;
  console.table(results.map((r) => ({ target: r.name, "req/s": r.rps.toFixed(0), "p50 ms": r.p50, "p99 ms": r.p99, "vs ceiling": (r.rps / ceiling).toFixed(2), errors: r.errors, non2xx: r.non2xx })));
} finally {
  fs.rmSync(STATIC_COPY, { force: true });
}

function readSlugs() {
  const out = spawnSync(bin("tsx"), ["scripts/measure/entry-slugs.mts"], { cwd: root, env, encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split("\n").pop());
}
