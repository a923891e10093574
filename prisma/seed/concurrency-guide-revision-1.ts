// Revision 1 of the concurrency guide: the fixes and additions a Python expert asked for,
// proposed by a seeded editor and accepted by a seeded moderator (prisma/seed/guide-revision.ts
// adds it through the app's own revision functions). Revision 0 stays the original page
// (./concurrency-guide.ts). Every claim was checked against the Python documentation; every
// Python block is run by ./concurrency-guide-examples.test.ts (network calls against a local
// server: the examples read their base URL from EXAMPLE_URL), which also records what fails in
// revision 0's code.
import { concurrencyGuide } from "./concurrency-guide";
import type { SeedEntry, SeedUser } from "./types";

const FENCE = "```";

/** The account that proposes revision 1: an ordinary user, so the revision waits for review. */
export const guideEditor: SeedUser = { handle: "priya", name: "Priya Raman", role: "user" };
/** The seeded moderator who accepts it (one of ./sample-entries.ts's seedUsers). */
export const GUIDE_REVIEWER_HANDLE = "mara";

export const REVISION_1_SUMMARY =
  "Fix the examples (the Pool guard that spawn and forkserver need, the threading example's undefined names, the asyncio example's unread responses and missing bound) and add asyncio.to_thread, TaskGroup, subinterpreters and the free-threaded build.";

export const REVISION_1_REVIEW_NOTE =
  "Checked against the Python documentation. The examples run in the project's tests against a local server; the ones that need Python 3.14 are compiled there.";

const solution = `Decision guide based on workload type. Examples that start with a comment such as \`# Python 3.11+\` need that version or newer.

### CPU-bound work: use multiprocessing

${FENCE}python
from multiprocessing import Pool

def heavy_math(n):
    return sum(i*i for i in range(n))

if __name__ == "__main__":
    with Pool(processes=4) as pool:
        results = pool.map(heavy_math, [10**7]*8)
    # True parallelism - bypasses GIL
${FENCE}

The \`if __name__ == "__main__":\` guard is required. The *spawn* start method (the default on Windows and macOS) and *forkserver* (since Python 3.14 the default on Linux and the other POSIX systems but macOS) start every worker as a fresh interpreter that imports the main module. Without the guard each worker runs the \`Pool(...)\` line again while it starts and fails with \`RuntimeError: An attempt has been made to start a new process before the current process has finished its bootstrapping phase\`; the pool keeps replacing those workers, and the program never finishes. Only *fork*, the Linux default up to Python 3.13, runs the unguarded version. The function must be defined at the top level of a module, so that workers can import it, and its arguments and results are pickled. \`concurrent.futures.ProcessPoolExecutor\` needs the same guard.

### CPU-bound work in one process: subinterpreters (Python 3.14+)

Python 3.14 adds \`concurrent.interpreters\` (PEP 734) and \`concurrent.futures.InterpreterPoolExecutor\`: several interpreters in one process, each with its own GIL, so threads that run in different interpreters execute Python code in parallel, without starting processes.

${FENCE}python
# Python 3.14+
from concurrent.futures import InterpreterPoolExecutor

def heavy_math(n):
    return sum(i*i for i in range(n))

if __name__ == "__main__":
    # Four threads, each running its own interpreter with its own GIL
    with InterpreterPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(heavy_math, [10**6]*8))
${FENCE}

The same with \`concurrent.interpreters\` itself: create the interpreters, call the function in each from a thread of its own, and collect the results through a queue that every interpreter can use.

${FENCE}python
# Python 3.14+
from concurrent import interpreters

def heavy_math(n, results):
    results.put(sum(i*i for i in range(n)))

if __name__ == "__main__":
    results = interpreters.create_queue()
    workers = [interpreters.create() for _ in range(4)]
    threads = [interp.call_in_thread(heavy_math, 10**6, results) for interp in workers]
    for thread in threads:
        thread.join()
    print(sorted(results.get() for _ in workers))
    for interp in workers:
        interp.close()
${FENCE}

Interpreters share no objects: arguments and results are copied (\`str\`, \`bytes\`, \`float\`, \`int\` up to \`sys.maxsize\` and tuples of them cheaply, most other objects with pickle), and every interpreter imports its own modules. Not every extension module supports running in several interpreters yet. Keep the \`__main__\` guard here too: a function defined in the script can reach another interpreter by running the script there again, under another name than \`__main__\`.

### CPU-bound work on the free-threaded build: use threads

Python 3.13 added an optional build of CPython without the GIL (PEP 703), and Python 3.14 made it officially supported (PEP 779). It is still not the default build: it installs as a separate interpreter, \`python3.14t\`. On it, threads run Python code in parallel on several cores, which changes the first rule: CPU-bound work can use a \`ThreadPoolExecutor\`, with no pickling and no extra processes.

${FENCE}python
import sys
import sysconfig
from concurrent.futures import ThreadPoolExecutor

def heavy_math(n):
    return sum(i*i for i in range(n))

# Py_GIL_DISABLED: a free-threaded build; sys._is_gil_enabled() (3.13+): is the GIL on now?
free_threaded = sysconfig.get_config_var("Py_GIL_DISABLED") == 1
gil_enabled = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
print(f"free-threaded build: {free_threaded}, GIL enabled: {gil_enabled}")

with ThreadPoolExecutor(max_workers=4) as pool:
    results = list(pool.map(heavy_math, [10**6]*8))
# Parallel on python3.14t; one thread at a time wherever the GIL is enabled
${FENCE}

\`sysconfig.get_config_var("Py_GIL_DISABLED")\` is \`1\` on a free-threaded build. \`sys._is_gil_enabled()\` (3.13+) says whether the GIL is enabled right now: even the free-threaded build enables it when \`PYTHON_GIL=1\` is set, or when it imports an extension module that does not declare support for running without it. Threads that really run at the same time make data races real: guard shared data with a \`threading.Lock\`. Single-threaded code runs somewhat slower on this build. On the default build the example still works, one thread at a time; there, CPU-bound work needs processes or subinterpreters.

### I/O-bound with many connections: use asyncio

${FENCE}python
import asyncio
import os

import aiohttp

BASE_URL = os.environ.get("EXAMPLE_URL", "https://example.com/")

async def fetch(session, url):
    async with session.get(url) as resp:  # gives the connection back on exit
        resp.raise_for_status()
        return await resp.text()  # read the body while the response is open

async def fetch_all(urls, limit=10):
    # At most \`limit\` connections at once (aiohttp's default is 100); other requests wait.
    connector = aiohttp.TCPConnector(limit=limit)
    async with aiohttp.ClientSession(connector=connector) as session:
        return await asyncio.gather(*(fetch(session, url) for url in urls))
# Best for: 100s-1000s of network requests

urls = [f"{BASE_URL}?page={i}" for i in range(50)]
pages = asyncio.run(fetch_all(urls))
print(len(pages), "pages")
${FENCE}

Each response is read inside \`async with session.get(url) as resp:\`, which gives its connection back to the pool when the block ends; a response that is never read or released keeps its connection. One event loop can wait on thousands of connections, but only on as many as you allow: aiohttp's \`TCPConnector\` opens at most \`limit\` connections at once (100 when not set, no limit with \`0\`), and the other requests wait for a free one. With a client that has no such pool, bound the requests in flight with an \`asyncio.Semaphore\` (\`async with semaphore:\` around each request). Every open connection is a file descriptor, and a process may only have so many (\`ulimit -n\`, often 1,024).

#### When one failure should cancel the rest: asyncio.TaskGroup (Python 3.11+)

\`asyncio.gather\` raises the first exception but leaves the other tasks running. A \`TaskGroup\` cancels the others as soon as one task fails, waits for them, and raises the failures together in an \`ExceptionGroup\`, which \`except*\` handles:

${FENCE}python
# Python 3.11+
import asyncio

async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(f"{name} failed")
    return name

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            slow = tg.create_task(job("slow", 10))
            tg.create_task(job("broken", 0.1, fail=True))
    except* ValueError as group:
        print("failed:", [str(error) for error in group.exceptions])
    print("slow task cancelled:", slow.cancelled())

asyncio.run(main())
${FENCE}

With \`gather\`, the slow task would have gone on for its 10 seconds after the error. \`fetch_all\` above can create its tasks in a \`TaskGroup\` the same way, so that one failed download stops the others.

### Blocking calls inside async code: asyncio.to_thread (Python 3.9+)

A blocking call inside a coroutine (a library without async support, file I/O, \`time.sleep\`) stops the whole event loop until it returns. \`asyncio.to_thread\` runs it in a thread of the loop's default thread pool and lets the loop go on meanwhile:

${FENCE}python
# Python 3.9+
import asyncio
import os
import urllib.request

BASE_URL = os.environ.get("EXAMPLE_URL", "https://example.com/")

def fetch_blocking(url):  # a blocking library: urllib, requests, a database driver...
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read()

async def main():
    urls = [f"{BASE_URL}?page={i}" for i in range(3)]
    # Called directly, fetch_blocking would stop the event loop until it returned;
    # to_thread runs it in a worker thread while the loop goes on with other tasks.
    pages = await asyncio.gather(*(asyncio.to_thread(fetch_blocking, url) for url in urls))
    print(len(pages), "pages")

asyncio.run(main())
${FENCE}

Because of the GIL this is for calls that wait (I/O) or that release the GIL. A CPU-heavy step in Python code belongs in a process pool: \`await loop.run_in_executor(process_pool, func, arg)\` with a \`ProcessPoolExecutor\` (on the free-threaded build, \`to_thread\` serves it too).

### I/O-bound with blocking libraries: use threading

${FENCE}python
import os
import urllib.request
from concurrent.futures import ThreadPoolExecutor

BASE_URL = os.environ.get("EXAMPLE_URL", "https://example.com/")

def download(url):
    with urllib.request.urlopen(url, timeout=10) as resp:  # Blocking library
        return resp.read()

urls = [f"{BASE_URL}?page={i}" for i in range(20)]

with ThreadPoolExecutor(max_workers=10) as pool:
    results = list(pool.map(download, urls))
# Good when async library isn't available
${FENCE}

Blocking calls such as \`urllib.request.urlopen\` or \`requests.get\` release the GIL while they wait, so ten threads keep up to ten requests in flight.

### Decision tree

1. CPU-bound? -> multiprocessing (or ProcessPoolExecutor), under \`if __name__ == "__main__":\`; on Python 3.14+ also InterpreterPoolExecutor; on a free-threaded build (python3.14t), threads
2. I/O-bound + async library exists? -> asyncio, with a bound on connections (TaskGroup on 3.11+)
3. I/O-bound + blocking library? -> threading
4. Blocking call inside async code? -> asyncio.to_thread
5. Simple parallelism? -> concurrent.futures (unified API)
6. Need shared state? -> threading (with locks) or multiprocessing.Manager

${FENCE}decision-tree
start: workload
questions:
  workload:
    text: What kind of concurrent work do you have?
    answers:
      - text: Heavy computation in Python code (CPU-bound)
        next: cpu-python
      - text: Waiting on the network or disk (I/O-bound)
        next: io-library
      - text: A few independent calls to run in parallel, as simply as possible
        next: concurrent-futures
      - text: Workers that read and update shared state
        next: shared-state
  cpu-python:
    text: Which Python runs the computation?
    answers:
      - text: A free-threaded build (python3.14t) with the GIL disabled
        next: free-threading
      - text: Python 3.14 or newer with the GIL, and every module the work imports supports subinterpreters
        next: interpreters
      - text: An older Python, or modules without subinterpreter support (or you are not sure)
        next: multiprocessing
  io-library:
    text: Is there an async (asyncio) library for your I/O, such as aiohttp?
    answers:
      - text: Yes, an async library exists
        next: asyncio
      - text: No, only blocking libraries (such as requests)
        next: threading
      - text: The code is already async, but one call in it blocks (a library without async support, a file)
        next: to-thread
outcomes:
  multiprocessing:
    title: Use multiprocessing (or ProcessPoolExecutor)
    text: >-
      Each process runs its own interpreter with its own GIL, so CPU-bound work runs truly in
      parallel on several cores. Arguments and results are pickled and copied between processes,
      and every process costs memory. Start the pool under if __name__ == "__main__": the spawn
      and forkserver start methods (the defaults on Windows, macOS and, since Python 3.14, Linux)
      import the main module in every worker.
    section: solution-cpu-bound-work-use-multiprocessing
  interpreters:
    title: Use InterpreterPoolExecutor (subinterpreters, Python 3.14+)
    text: >-
      Each worker thread runs its own interpreter with its own GIL, so CPU-bound Python code runs
      in parallel inside one process. Interpreters share no objects: arguments and results are
      copied, and each interpreter imports its own modules.
    section: solution-cpu-bound-work-in-one-process-subinterpreters-python-314
  free-threading:
    title: Use threads (ThreadPoolExecutor) on the free-threaded build
    text: >-
      Without the GIL, threads run Python code in parallel on several cores, with no pickling and
      no extra processes. Guard shared data with locks; importing an extension module that does
      not support free threading turns the GIL back on.
    section: solution-cpu-bound-work-on-the-free-threaded-build-use-threads
  asyncio:
    title: Use asyncio
    text: >-
      One thread runs an event loop that switches between tasks while they wait, so it handles
      thousands of concurrent network requests with little memory, within a bound you set on
      connections. Every I/O call must be async: one blocking call stalls the whole loop. On
      Python 3.11+, a TaskGroup cancels the other tasks when one fails.
    section: solution-io-bound-with-many-connections-use-asyncio
  to-thread:
    title: Use asyncio.to_thread for the blocking call
    text: >-
      The call runs in a worker thread while the event loop goes on with other tasks. This suits
      calls that wait on I/O; CPU-heavy Python code belongs in a process pool
      (loop.run_in_executor with a ProcessPoolExecutor).
    section: solution-blocking-calls-inside-async-code-asyncioto_thread-python-39
  threading:
    title: Use threading (ThreadPoolExecutor)
    text: >-
      Blocking calls such as requests.get release the GIL while they wait on I/O, so a pool of
      threads overlaps the waiting. The GIL still keeps the Python code of threads from running
      in parallel (except on the free-threaded build).
    section: solution-io-bound-with-blocking-libraries-use-threading
  concurrent-futures:
    title: Use concurrent.futures (unified API)
    text: >-
      ThreadPoolExecutor and ProcessPoolExecutor (and, on Python 3.14+, InterpreterPoolExecutor)
      share one interface (submit, map, as_completed), as in the threading example above. Use
      threads for I/O-bound calls and processes for CPU-bound ones; switching is a one-word change.
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
| asyncio | 1 thread | None: one thread switches between tasks | 10K+ concurrent I/O ops are possible, as many as you allow: set a bound (the connector's limit, a semaphore) below the open-files limit | Low |
| asyncio.to_thread | The event loop and its default thread pool (min(32, CPUs + 4) threads) | As threading | Up to one blocking call per pool thread | Moderate |
| threading | N threads | GIL limits CPU parallelism | Up to N blocking calls at once (one per thread) | Moderate |
| threading on the free-threaded build (3.14t) | N threads | True parallelism; shared data needs locks | Up to N blocking calls at once (one per thread) | Moderate |
| subinterpreters (3.14+) | N interpreters in one process, one thread each | True parallelism: one GIL per interpreter | Up to N blocking calls at once (one per thread) | Between threads and processes: one process, but each interpreter imports its own modules |
| multiprocessing | N processes | True parallelism | Up to N blocking calls at once (one per process) | High (copies per process) |

No timings here: they depend on the machine and the workload, so measure yours.
`;

const why =
  "On the default build, Python's GIL prevents true CPU parallelism with threads (the free-threaded build has no GIL, and every subinterpreter has its own). Choosing the wrong concurrency model results in either no speedup (threading for CPU) or unnecessary complexity (multiprocessing for I/O).";

/** What revision 1 changes: the fields a proposal sends (the others keep revision 0's values). */
export const revision1Changes = {
  solution: solution.trimEnd(),
  why,
  // The examples ran on this Python (prisma/seed/concurrency-guide-examples.test.ts); those that
  // need 3.14 were compiled only, so 3.14 is not claimed.
  verifiedWith: [{ subject: "Python", version: "3.11.7", date: "2026-12-02", by: "@hivebrain-editors" }],
};

/** The guide as revision 1 shows it (what the entry page shows once the seed has added it). */
export const concurrencyGuideRevision1: SeedEntry = { ...concurrencyGuide, ...revision1Changes };
