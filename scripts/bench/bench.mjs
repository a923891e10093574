// npm run bench — search and page performance at 100,000 entries, printed as tables:
//  1. search latency p50/p95/p99 over a fixed query set (scripts/bench/queries.ts), in process
//     (lib/search) and over HTTP (GET /api/v1/entries?q=…);
//  2. server response times of the browse page and of entry pages;
//  3. requests per second under `autocannon -c 32` from a second process, for entry pages and
//     for the search API.
// Databases: data/bench.db (SQLite), and PostgreSQL too when BENCH_DATABASE_URL_PG names a
// scratch database (it is erased). Each is reset and loaded with generated entries
// (scripts/bench/seed.mts), unless BENCH_REUSE=1 and it already holds them.
// Settings: BENCH_ENTRIES (100000), BENCH_PORT (3310), BENCH_DURATION (20 s per load test),
// BENCH_ROUNDS (20 rounds of the query set), BENCH_ONLY=sqlite|postgresql.
import path from "node:path";
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
import { ms, summary } from "./stats.mjs";

const ENTRIES = Number(process.env.BENCH_ENTRIES || 100_000);
const PORT = Number(process.env.BENCH_PORT || 3310);
const DURATION_S = Number(process.env.BENCH_DURATION || 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 20);
const DIST = ".next-bench";

const targets = [{ name: "SQLite", url: "file:./data/bench.db" }];
if (process.env.BENCH_DATABASE_URL_PG) targets.push({ name: "PostgreSQL", url: process.env.BENCH_DATABASE_URL_PG });
const only = process.env.BENCH_ONLY;

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - started;
}

async function timeAll(base, paths, rounds = 1) {
  const times = [];
  for (let round = 0; round < rounds; round++) for (const p of paths) times.push(await timed(base + p));
  return summary(times);
}

const row = (label, s) => ({
  measurement: label,
  n: s.n,
  "p50 ms": ms(s.p50),
  "p95 ms": ms(s.p95),
  "p99 ms": ms(s.p99),
});

async function benchTarget(target) {
  const env = { ...baseEnv, DATABASE_URL: target.url, NEXT_DIST_DIR: DIST, BENCH_ROUNDS: String(ROUNDS) };
  const loaded = process.env.BENCH_REUSE === "1" && tsxJson("scripts/bench/count.mts", env) >= ENTRIES;
  if (!loaded) {
    step(`${target.name}: loading ${ENTRIES.toLocaleString("en")} generated entries into a fresh database`);
    run(bin("tsx"), [SERVER_CONDITION, "scripts/db/reset.mts", "--yes"], { env });
    run(bin("tsx"), [SERVER_CONDITION, "scripts/bench/seed.mts", String(ENTRIES)], { env });
  }

  step(`${target.name}: search latency in process (lib/search, ${ROUNDS} rounds)`);
  const inProcess = tsxJson("scripts/bench/latency.mts", env);
  console.table(inProcess.perQuery);

  const server = await startServer({ port: PORT, env, logFile: path.join(root, "data", "bench-server.log") });
  try {
    const { base } = server;
    const queries = tsxJson("scripts/bench/query-list.mts", env);
    const searchPaths = queries.map(({ q }) => `/api/v1/entries?q=${encodeURIComponent(q)}`);
    const slugs = tsxJson("scripts/measure/entry-slugs.mts", env);
    const sample = Array.from({ length: 200 }, (_, i) => slugs[Math.floor((i * slugs.length) / 200)]);
    const entryPaths = sample.map((slug) => `/entries/${slug}`);
    const browsePaths = ["/", "/?category=debug", "/?tag=python&sort=top", "/?language=go&status=all", "/?page=200"];

    step(`${target.name}: over HTTP`);
    await timeAll(base, [...searchPaths, ...browsePaths, entryPaths[0]]); // warm-up
    const results = [
      row("search API, in process (lib/search)", inProcess.overall),
      row("search API over HTTP", await timeAll(base, searchPaths, ROUNDS)),
      row(
        "search page /search?q= over HTTP",
        await timeAll(
          base,
          queries.map(({ q }) => `/search?q=${encodeURIComponent(q)}`),
          Math.max(1, ROUNDS / 4),
        ),
      ),
      row("browse page (5 filter views)", await timeAll(base, browsePaths, ROUNDS)),
      row("entry page, first render (200 entries)", await timeAll(base, entryPaths)),
      row("entry page, cached (200 entries)", await timeAll(base, entryPaths)),
    ];
    console.table(results);

    step(`${target.name}: load, autocannon -c 32 -d ${DURATION_S} from a second process`);
    const load = [
      loadTest({ base, name: "entry pages (rotating over 200)", paths: entryPaths, duration: DURATION_S }),
      // Slow queries queue up behind each other under load; count the ones that time out.
      loadTest({
        base,
        name: "search API (rotating over the query set)",
        paths: searchPaths,
        duration: DURATION_S,
        tolerateErrors: true,
      }),
    ];
    console.table(
      load.map((r) => ({
        target: r.name,
        "req/s": r.rps.toFixed(0),
        "p50 ms": r.p50,
        "p99 ms": r.p99,
        requests: r.total,
        "timed out": r.errors,
      })),
    );
    return { target: target.name, inProcess: inProcess.overall, results, load };
  } finally {
    await stopServer(server);
  }
}

ensureDependencies();
ensureBuild(DIST, { ...baseEnv, NEXT_DIST_DIR: DIST });
const summaries = [];
for (const target of targets)
  if (!only || target.name.toLowerCase() === only) summaries.push(await benchTarget(target));

step(`Summary (${ENTRIES.toLocaleString("en")} entries)`);
console.table(
  summaries.flatMap(({ target, results, load }) => [
    ...results.map((r) => ({ database: target, ...r })),
    ...load.map((r) => ({
      database: target,
      measurement: `${r.name}: req/s`,
      n: r.total,
      "p50 ms": r.p50,
      "p95 ms": "",
      "p99 ms": r.p99,
      "req/s": Math.round(r.rps),
      "timed out": r.errors,
    })),
  ]),
);
