// npm run measure — numbers for the production build, in one run, printed as two tables:
//  1. Page weight: HTML (raw and gzip) and the gzip size of the <script src> chunks each page
//     loads, for the home page, the guide, a tag page, a search and a bare page (/tags).
//  2. Throughput under `autocannon -c 32 -d 20` (from a separate process) for entry pages
//     (rotating over all), the guide, the home page, a filtered view, a tag page, one search
//     repeated, and searches never made before; each as a ratio to a ceiling of similar size:
//     a byte-for-byte copy of the guide's or the home page's HTML served as a static file by
//     the same server.
// Uses its own database (data/measure.db, reset and seeded) and build folder (.next-measure).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadTest, startServer, stopServer } from "../lib/server.mjs";
import {
  baseEnv,
  bin,
  ensureBuild,
  ensureDependencies,
  root,
  run,
  SERVER_CONDITION,
  step,
  tsxJson,
} from "../lib/setup.mjs";

const PORT = Number(process.env.MEASURE_PORT || 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_S = Number(process.env.MEASURE_DURATION || 20);
const CONNECTIONS = 32;
const DIST = ".next-measure";
const DATABASE_URL = process.env.MEASURE_DATABASE_URL || "file:./data/measure.db";
const GUIDE = "/entries/python-multiprocessing-vs-threading-vs-asyncio";
const CEILINGS = { guide: "measure-static-guide.html", home: "measure-static-home.html" };
const env = { ...baseEnv, DATABASE_URL, NEXT_DIST_DIR: DIST };

const startMeasureServer = () =>
  startServer({ port: PORT, env, logFile: path.join(root, "data", "measure-server.log") });
const text = async (pathname) => (await fetch(BASE + pathname)).text();
const kib = (bytes) => (bytes / 1024).toFixed(1);

async function pageWeight(name, pathname) {
  const html = await text(pathname);
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let js = 0;
  for (const src of sources)
    js += gzipSync(Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer()), { level: 9 }).length;
  return {
    page: `${name} (${pathname})`,
    "HTML KiB": kib(Buffer.byteLength(html)),
    "HTML gzip KiB": kib(gzipSync(html).length),
    "script chunks": sources.length,
    "JS gzip KiB": kib(js),
  };
}

const load = (name, paths, ceiling) => ({
  ceiling,
  ...loadTest({ base: BASE, name, paths, connections: CONNECTIONS, duration: DURATION_S }),
});

ensureDependencies();
step(`Preparing ${DATABASE_URL}`);
run(bin("tsx"), [SERVER_CONDITION, "scripts/db/reset.mts", "--yes", "--seed"], { env });
const ceilingFiles = Object.values(CEILINGS).map((file) => path.join(root, "public", file));
for (const file of ceilingFiles) fs.rmSync(file, { force: true });
ensureBuild(DIST, env);

const { slugs, tags, words } = tsxJson("scripts/measure/entry-slugs.mts", env);
const tagPage = `/tags/${encodeURIComponent(tags[0])}`;
const filtered = "/?category=gotcha&sort=top";
const search = `/search?q=${encodeURIComponent(words[0])}`;
// Two words at a time: far more searches than 20 s of load can send, so none repeats.
const freshSearches = words.flatMap((a, i) =>
  words.slice(i + 1).flatMap((b) => [`${a} ${b}`, `${b} ${a}`].map((q) => `/search?q=${encodeURIComponent(q)}`)),
);

step("Page weight");
let server = await startMeasureServer();
const weights = [];
for (const [name, pathname] of [
  ["home", "/"],
  ["guide", GUIDE],
  ["tag page", tagPage],
  ["search", search],
  ["bare page", "/tags"],
])
  weights.push(await pageWeight(name, pathname));
console.table(weights);
// Warm what is cached into the page cache before measuring, as a running site would have it.
for (const pathname of [...slugs.map((slug) => `/entries/${slug}`), "/", filtered, tagPage, search])
  await fetch(BASE + pathname);
const ceilingHtml = { guide: await text(GUIDE), home: await text("/") };
await stopServer(server);

// Written before the server starts: Next lists the public files when it starts.
fs.mkdirSync(path.join(root, "public"), { recursive: true });
for (const [name, file] of Object.entries(CEILINGS))
  fs.writeFileSync(path.join(root, "public", file), ceilingHtml[name]);
try {
  server = await startMeasureServer();
  step(`Load: autocannon -c ${CONNECTIONS} -d ${DURATION_S} per target`);
  const ceilings = {
    guide: load(`ceiling: static copy of the guide (${kib(ceilingHtml.guide.length)} KiB)`, [`/${CEILINGS.guide}`]),
    home: load(`ceiling: static copy of the home page (${kib(ceilingHtml.home.length)} KiB)`, [`/${CEILINGS.home}`]),
  };
  const results = [
    ceilings.guide,
    ceilings.home,
    load(
      `entry pages (rotating over ${slugs.length})`,
      slugs.map((slug) => `/entries/${slug}`),
      "guide",
    ),
    load("the guide", [GUIDE], "guide"),
    load("home page", ["/"], "home"),
    load(`filtered view (${filtered})`, [filtered], "home"),
    load(`tag page (${tagPage})`, [tagPage], "home"),
    load(`one search, repeated (${search})`, [search], "home"),
    load(`new searches (${freshSearches.length} two-word queries, none repeated)`, freshSearches, "home"),
  ];
  await stopServer(server);
  console.table(
    results.map((r) => ({
      target: r.name,
      "req/s": r.rps.toFixed(0),
      "p50 ms": r.p50,
      "p99 ms": r.p99,
      "× ceiling": r.ceiling ? (r.rps / ceilings[r.ceiling].rps).toFixed(2) : "",
      requests: r.total,
    })),
  );
} finally {
  await stopServer(server); // at once when it has stopped already
  for (const file of ceilingFiles) fs.rmSync(file, { force: true });
}
