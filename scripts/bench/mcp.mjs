// npm run bench:mcp — hivebrain_search over MCP next to GET /api/v1/entries?q= for the same
// queries (scripts/bench/queries.ts), against one production server, the two interleaved query
// by query so that the machine's noise falls on both alike. Prints p50/p95 of each and their ratio.
// Settings: BENCH_MCP_ENTRIES (10000 generated entries, in data/bench-mcp.db; BENCH_REUSE=1 keeps
// a loaded database), BENCH_PORT (3311), BENCH_ROUNDS (20).
import path from "node:path";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { startServer, stopServer } from "../lib/server.mjs";
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

const ENTRIES = Number(process.env.BENCH_MCP_ENTRIES || 10_000);
const PORT = Number(process.env.BENCH_PORT || 3311);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 20);
const DIST = ".next-bench";
const env = { ...baseEnv, DATABASE_URL: "file:./data/bench-mcp.db", NEXT_DIST_DIR: DIST };

ensureDependencies();
ensureBuild(DIST, env);
const count = tsxJson("scripts/bench/count.mts", env);
if (process.env.BENCH_REUSE !== "1" || !(count >= ENTRIES)) {
  step(`Loading ${ENTRIES.toLocaleString("en")} generated entries into data/bench-mcp.db`);
  run(bin("tsx"), [SERVER_CONDITION, "scripts/db/reset.mts", "--yes"], { env });
  run(bin("tsx"), [SERVER_CONDITION, "scripts/bench/seed.mts", String(ENTRIES)], { env });
}
const queries = tsxJson("scripts/bench/query-list.mts", env);

const server = await startServer({ port: PORT, env, logFile: path.join(root, "data", "bench-mcp-server.log") });
try {
  const client = new Client({ name: "bench", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", server.base)));
  const overMcp = async (q) => {
    const started = performance.now();
    const result = await client.callTool({ name: "hivebrain_search", arguments: { query: q, limit: 20 } });
    if (result.isError) throw new Error(`hivebrain_search ${q}: ${JSON.stringify(result.content)}`);
    return performance.now() - started;
  };
  const overApi = async (q) => {
    const started = performance.now();
    const response = await fetch(`${server.base}/api/v1/entries?q=${encodeURIComponent(q)}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`API ${q}: HTTP ${response.status}`);
    return performance.now() - started;
  };
  for (const { q } of queries) await Promise.all([overMcp(q), overApi(q)]); // warm-up
  step(`${queries.length} queries × ${ROUNDS} rounds, MCP and API alternating`);
  const mcp = [];
  const api = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const { q } of queries) {
      // Alternate which goes first, so neither always runs on a warmer cache.
      if (round % 2 === 0) {
        mcp.push(await overMcp(q));
        api.push(await overApi(q));
      } else {
        api.push(await overApi(q));
        mcp.push(await overMcp(q));
      }
    }
  await client.close();
  const m = summary(mcp);
  const a = summary(api);
  console.table([
    { path: "hivebrain_search over MCP", n: m.n, "p50 ms": ms(m.p50), "p95 ms": ms(m.p95) },
    { path: "GET /api/v1/entries?q=", n: a.n, "p50 ms": ms(a.p50), "p95 ms": ms(a.p95) },
    { path: "ratio MCP / API", n: "", "p50 ms": (m.p50 / a.p50).toFixed(2), "p95 ms": (m.p95 / a.p95).toFixed(2) },
  ]);
} finally {
  await stopServer(server);
}
