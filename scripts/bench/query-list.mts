// Prints the benchmark's query set as JSON, for bench.mjs.
import { benchQueries } from "./queries.ts";

console.log(JSON.stringify(benchQueries()));
