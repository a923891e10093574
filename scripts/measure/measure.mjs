// npm run measure — numbers for the production build, printed as a table:
//  1. JS each page loads: the sum of the gzip sizes of the <script src> chunks in its HTML,
//     for the home page, an entry page and a bare page with no client components (/tags).
//  2. Throughput under `autocannon -c 32 -d 20` (from a separate process) for the entry page
//     (rotating over all entries), the home page, and the ceiling: a byte-for-byte copy of the
//     entry page's HTML served as a static file by the same server.
// Uses its own database (data/measure.db, reset and seeded) and build folder (.next-measure).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadTest, startServer, stopServer } from "../lib/server.mjs";
import { baseEnv, bin, ensureBuild, ensureDependencies, root, run, SERVER_CONDITION, step } from "../lib/setup.mjs";

const PORT = Number(process.env.MEASURE_PORT || 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_S = Number(process.env.MEASURE_DURATION || 20);
const CONNECTIONS = 32;
const DIST = ".next-measure";
const DATABASE_URL = process.env.MEASURE_DATABASE_URL || "file:./data/measure.db";
const STATIC_COPY = path.join(root, "public", "measure-static-copy.html");
const env = { ...baseEnv, DATABASE_URL, NEXT_DIST_DIR: DIST };

const startMeasureServer = () =>
  startServer({ port: PORT, env, logFile: path.join(root, "data", "measure-server.log") });

async function scriptBytes(pathname) {
  const html = await (await fetch(BASE + pathname)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let gzip = 0;
  for (const src of sources)
    gzip += gzipSync(Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer()), { level: 9 }).length;
  return { pathname, scripts: sources.length, gzipKiB: gzip / 1024, htmlKiB: Buffer.byteLength(html) / 1024 };
}

const load = (name, paths) => loadTest({ base: BASE, name, paths, connections: CONNECTIONS, duration: DURATION_S });

ensureDependencies();
step(`Preparing ${DATABASE_URL}`);
run(bin("tsx"), [SERVER_CONDITION, "scripts/db/reset.mts", "--yes", "--seed"], { env });
fs.rmSync(STATIC_COPY, { force: true });
ensureBuild(DIST, env);

step("Measuring client JavaScript");
let server = await startMeasureServer();

const entrySlugs = readSlugs();
const sizes = [await scriptBytes("/"), await scriptBytes(`/entries/${entrySlugs[0]}`), await scriptBytes("/tags")];
console.table(
  sizes.map((s) => ({
    page: s.pathname,
    "script chunks": s.scripts,
    "JS gzip KiB": s.gzipKiB.toFixed(1),
    "HTML KiB": s.htmlKiB.toFixed(1),
  })),
);
// Warm every entry page into the page cache before measuring, as a running site would be.
for (const slug of entrySlugs) await fetch(`${BASE}/entries/${slug}`);
const entryHtml = await (await fetch(`${BASE}/entries/${entrySlugs[0]}`)).text();
await stopServer(server);

fs.writeFileSync(STATIC_COPY, entryHtml);
try {
  server = await startMeasureServer();
  step(`Load: autocannon -c ${CONNECTIONS} -d ${DURATION_S} per target`);
  const results = [
    load(
      "entry pages (rotating)",
      entrySlugs.map((slug) => `/entries/${slug}`),
    ),
    load("home page", ["/"]),
    load("static copy of an entry page (ceiling)", ["/measure-static-copy.html"]),
  ];
  await stopServer(server);
  const ceiling = results[2].rps;
  console.table(
    results.map((r) => ({
      target: r.name,
      "req/s": r.rps.toFixed(0),
      "p50 ms": r.p50,
      "p99 ms": r.p99,
      "vs ceiling": (r.rps / ceiling).toFixed(2),
      errors: r.errors,
      non2xx: r.non2xx,
    })),
  );
} finally {
  fs.rmSync(STATIC_COPY, { force: true });
}

function readSlugs() {
  const out = spawnSync(bin("tsx"), [SERVER_CONDITION, "scripts/measure/entry-slugs.mts"], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split("\n").pop());
}
