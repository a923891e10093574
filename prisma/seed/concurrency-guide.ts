// The flagship entry, rebuilt from the original HiveBrain page (/work/shared/seeds/concurrency-guide.txt):
// every code sample, rule and number is kept; the rules also appear as an interactive decision tree.
import type { SeedEntry } from "./types";

const FENCE = "```";

const solution = `Decision guide based on workload type:

### CPU-bound work: use multiprocessing

${FENCE}python
from multiprocessing import Pool

def heavy_math(n):
    return sum(i*i for i in range(n))

with Pool(processes=4) as pool:
    results = pool.map(heavy_math, [10**7]*8)
# True parallelism - bypasses GIL
${FENCE}

### I/O-bound with many connections: use asyncio

${FENCE}python
import asyncio
import aiohttp

async def fetch_all(urls):
    async with aiohttp.ClientSession() as session:
        tasks = [session.get(url) for url in urls]
        return await asyncio.gather(*tasks)
# Best for: 100s-1000s of network requests
${FENCE}

### I/O-bound with blocking libraries: use threading

${FENCE}python
from concurrent.futures import ThreadPoolExecutor

def download(url):
    return requests.get(url)  # Blocking library

with ThreadPoolExecutor(max_workers=10) as pool:
    results = list(pool.map(download, urls))
# Good when async library isn't available
${FENCE}

### Decision tree

1. CPU-bound? -> multiprocessing (or ProcessPoolExecutor)
2. I/O-bound + async library exists? -> asyncio
3. I/O-bound + blocking library? -> threading
4. Simple parallelism? -> concurrent.futures (unified API)
5. Need shared state? -> threading (with locks) or multiprocessing.Manager

${FENCE}decision-tree
start: workload
questions:
  workload:
    text: What kind of concurrent work do you have?
    answers:
      - text: Heavy computation in Python code (CPU-bound)
        next: multiprocessing
      - text: Waiting on the network or disk (I/O-bound)
        next: io-library
      - text: A few independent calls to run in parallel, as simply as possible
        next: concurrent-futures
      - text: Workers that read and update shared state
        next: shared-state
  io-library:
    text: Is there an async (asyncio) library for your I/O, such as aiohttp?
    answers:
      - text: Yes, an async library exists
        next: asyncio
      - text: No, only blocking libraries (such as requests)
        next: threading
outcomes:
  multiprocessing:
    title: Use multiprocessing (or ProcessPoolExecutor)
    text: >-
      Each process runs its own interpreter with its own GIL, so CPU-bound work runs truly in
      parallel on several cores. Arguments and results are pickled and copied between processes,
      and every process costs memory.
    section: solution-cpu-bound-work-use-multiprocessing
  asyncio:
    title: Use asyncio
    text: >-
      One thread runs an event loop that switches between tasks while they wait, so it handles
      thousands of concurrent network requests with little memory. Every I/O call must be async:
      one blocking call stalls the whole loop.
    section: solution-io-bound-with-many-connections-use-asyncio
  threading:
    title: Use threading (ThreadPoolExecutor)
    text: >-
      Blocking calls such as requests.get release the GIL while they wait on I/O, so a pool of
      threads overlaps the waiting. The GIL still keeps the Python code of threads from running
      in parallel.
    section: solution-io-bound-with-blocking-libraries-use-threading
  concurrent-futures:
    title: Use concurrent.futures (unified API)
    text: >-
      ThreadPoolExecutor and ProcessPoolExecutor share one interface (submit, map, as_completed),
      as in the threading example above. Use threads for I/O-bound calls and processes for
      CPU-bound ones; switching is a one-word change.
    section: solution-io-bound-with-blocking-libraries-use-threading
  shared-state:
    title: Use threading with locks, or multiprocessing.Manager
    text: >-
      Threads share memory: guard shared data with a threading.Lock. Processes do not share
      memory (each has its own copy); a multiprocessing.Manager keeps the state in a server
      process and hands out proxies to it.
    section: solution-performance-characteristics
${FENCE}

### Performance characteristics

| Model | Workers | Parallelism | Concurrent I/O | Memory |
| --- | --- | --- | --- | --- |
| asyncio | 1 thread | None: one thread switches between tasks | 10K+ concurrent I/O ops | Low |
| threading | N threads | GIL limits CPU parallelism | Up to N blocking calls at once (one per thread) | Moderate |
| multiprocessing | N processes | True parallelism | Up to N blocking calls at once (one per process) | High (copies per process) |
`;

export const concurrencyGuide: SeedEntry = {
  slug: "python-multiprocessing-vs-threading-vs-asyncio",
  title: "Python multiprocessing vs threading vs asyncio decision guide",
  category: "pattern",
  language: "python",
  framework: null,
  severity: "major",
  status: "pending",
  authorHandle: null,
  ageDays: 0,
  tags: ["multiprocessing", "threading", "asyncio", "GIL", "concurrent.futures", "parallelism"],
  problem: "Need to choose between multiprocessing, threading, and asyncio for concurrent Python code.",
  solution,
  why: "Python's GIL prevents true CPU parallelism with threads. Choosing the wrong concurrency model results in either no speedup (threading for CPU) or unnecessary complexity (multiprocessing for I/O).",
  context: "Python applications needing concurrent execution",
  gotchas: [],
  errorMessages: [],
};
