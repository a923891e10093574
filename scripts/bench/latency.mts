// In-process search latency: searchEntries() against DATABASE_URL for each benchmark query.
// Prints one JSON line: { overall, perQuery } with p50/p95/p99 in milliseconds.
import { createDb } from "../../lib/db.ts";
import { searchEntries } from "../../lib/search/search-entries.ts";
import { benchQueries } from "./queries.ts";
import { ms, summary } from "./stats.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS || 20);
const db = createDb();
const queries = benchQueries();
const run = (q: string) =>
  searchEntries({ db, query: q, filters: { tags: [] }, viewer: null, sort: "relevance", page: 1 });

for (const { q } of queries) await run(q); // warm the caches and the connection pool
const times = new Map<string, number[]>(queries.map(({ name }) => [name, []]));
const totals = new Map<string, number>();
for (let round = 0; round < ROUNDS; round++) {
  for (const { name, q } of queries) {
    const started = performance.now();
    const result = await run(q);
    times.get(name)!.push(performance.now() - started);
    totals.set(name, result.total);
  }
}
const all = [...times.values()].flat();
const perQuery = queries.map(({ name }) => {
  const s = summary(times.get(name)!);
  return { query: name, matches: totals.get(name), p50: ms(s.p50), p95: ms(s.p95) };
});
const overall = summary(all);
console.log(
  JSON.stringify({
    overall: { n: overall.n, p50: ms(overall.p50), p95: ms(overall.p95), p99: ms(overall.p99) },
    perQuery,
  }),
);
await db.$disconnect();
