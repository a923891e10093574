// Hand-written seed entries: realistic, technically checked content used to populate
// a fresh HiveBrain database (lists, tag pages, search, moderation queues).
// Text fields are Markdown; errorMessages are verbatim tool output.
import type { SeedEntry, SeedUser } from "./types";

/**
 * A verification of a sample: its code (problem, solution and the claims about what it prints,
 * which errors it raises, which plans it gets) was run or compiled with this, on this day. Only
 * what was actually run is stated; the Go and Django samples state none.
 */
const ranWith = (subject: string, version: string) => ({
  subject,
  version,
  date: "2026-12-02",
  by: "@hivebrain-editors",
});

export const seedUsers: SeedUser[] = [
  { handle: "mara", name: "Mara Lindqvist", role: "moderator" },
  { handle: "devon", name: "Devon Okafor", role: "user" },
  { handle: "ines", name: "Inês Duarte", role: "user" },
];

export const sampleEntries: SeedEntry[] = [
  // ---------------------------------------------------------------------------
  {
    slug: "prisma-with-sqlite-under-concurrent-writes-wal-mode-and-busy-timeout",
    title: "Prisma with SQLite under concurrent writes: WAL mode and busy timeout",
    category: "guide",
    language: "typescript",
    framework: "prisma",
    severity: "major",
    status: "pending",
    authorHandle: "ines",
    ageDays: 0,
    tags: ["prisma", "sqlite", "concurrency", "performance", "node.js"],
    problem: `A Next.js app and a second process (a background worker, a seed script, a cron job, another \`next start\`) share one SQLite file through Prisma. Under load some writes fail with \`database is locked\`, and a long-running report stalls every writer until it finishes.`,
    solution: `SQLite allows **one writer at a time** per database file. Two settings decide what happens when another connection wants the lock: the journal mode and the busy timeout.

### 1. Switch the database to WAL (once)

\`\`\`bash
sqlite3 prisma/dev.db "PRAGMA journal_mode = WAL;"   # prints: wal
\`\`\`

WAL mode is stored in the database file, so it survives restarts and applies to every process that opens it. Do it while nothing else has the file open.

### 2. Give every connection a busy timeout

With Prisma 7 and \`@prisma/adapter-better-sqlite3\`, the adapter passes its options straight to \`better-sqlite3\`, whose \`timeout\` is the busy timeout:

\`\`\`ts
// lib/db.ts
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";

const adapter = new PrismaBetterSqlite3({
  url: process.env.DATABASE_URL ?? "file:./prisma/dev.db",
  timeout: 10_000, // ms to wait for a lock before SQLITE_BUSY (better-sqlite3 default: 5000)
});

export const prisma = new PrismaClient({ adapter });

export async function initDb() {
  // No-op if step 1 was done; returns [{ journal_mode: "wal" }]
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL;");
  // Per connection: fewer fsyncs. In WAL a power loss can drop the last commits but cannot corrupt the file.
  // (better-sqlite3 already defaults to NORMAL in WAL mode; being explicit keeps other drivers in line.)
  await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL;");
}
\`\`\`

| Setting | Default | Recommended | Scope |
| --- | --- | --- | --- |
| \`journal_mode\` | \`delete\` | \`wal\` | stored in the database file |
| busy timeout (\`timeout\` / \`PRAGMA busy_timeout\`) | 5000 ms in better-sqlite3, 0 in the C library | 5000–15000 ms | per connection |
| \`synchronous\` | \`FULL\` (better-sqlite3: \`NORMAL\` once in WAL) | \`NORMAL\` with WAL | per connection |

### 3. What WAL changes

- Readers no longer block the writer and the writer no longer blocks readers: the slow report stops stalling writes.
- There is still only one writer at a time; other writers wait up to the busy timeout, then fail.
- Commits are appended to \`dev.db-wal\` and copied back into \`dev.db\` by automatic checkpoints (every ~1000 pages by default).

### 4. Retry transactions that read before they write

Interactive transactions start with a plain (deferred) \`BEGIN\`. If a transaction reads, another process then commits, and the transaction tries to write, SQLite fails **immediately** with \`SQLITE_BUSY_SNAPSHOT\` — waiting cannot help, because the snapshot it read is already stale. Prisma reports it as \`P1008\`. Retry the whole transaction:

\`\`\`ts
import { Prisma } from "../generated/prisma/client";

function isBusy(e: unknown): boolean {
  return (
    e instanceof Prisma.PrismaClientKnownRequestError &&
    (e.code === "P1008" || e.message.includes("SQLITE_BUSY"))
  );
}

export async function withBusyRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (!isBusy(e) || i >= attempts) throw e;
      await new Promise((resolve) => setTimeout(resolve, 25 * i + Math.random() * 25));
    }
  }
}

await withBusyRetry(() =>
  prisma.$transaction(async (tx) => {
    const item = await tx.item.findUniqueOrThrow({ where: { id } });
    if (item.stock < qty) throw new Error("out of stock");
    await tx.item.update({ where: { id }, data: { stock: { decrement: qty } } });
  }),
);
\`\`\``,
    why: `SQLite serialises writers with a file lock. In the default rollback-journal mode a writer also needs every reader gone before it can commit, so one long read blocks all writes. In WAL mode writers append to a separate log and readers keep reading their snapshot of the main file, so the two stop blocking each other. The busy timeout makes a connection that finds the lock taken sleep and retry instead of failing on the first attempt; without it, any overlap between two writers is an error.`,
    context: `SQLite-backed Prisma apps with more than one process touching the file: web server plus worker, \`next start\` plus a cron script, or test suites running in parallel. Checked with Prisma 7 and \`@prisma/adapter-better-sqlite3\`.`,
    gotchas: [
      "WAL relies on shared memory: every process must run on the same host. Don't put the database on NFS, SMB or another network volume.",
      "Back up with `sqlite3 dev.db \".backup backup.db\"` or `VACUUM INTO 'backup.db'`. Copying only `dev.db` misses commits that are still in `dev.db-wal`.",
      "A read transaction left open stops checkpoints from finishing, so `dev.db-wal` keeps growing.",
      "The adapter opens the `file:` path as given, so a relative path is resolved from the process's working directory. Start the app and the worker from the same directory, or use an absolute path.",
    ],
    errorMessages: [
      "Raw query failed. Code: `SQLITE_BUSY`. Message: `database is locked`",
      "Operation has timed out",
      "SqliteError: database is locked",
    ],
    verifiedWith: [ranWith("Prisma", "7.10.0"), ranWith("better-sqlite3", "12.11.1"), ranWith("Node.js", "20.20.2")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "range-for-over-std-vector-breaks-after-push-back-iterator-invalidation",
    title: "Range-for over std::vector breaks after push_back (iterator invalidation)",
    category: "debug",
    language: "cpp",
    framework: null,
    severity: "critical",
    status: "pending",
    authorHandle: null,
    ageDays: 3,
    tags: ["c++", "stl", "iterator-invalidation", "undefined-behavior", "addresssanitizer"],
    problem: `Appending to a vector inside a range-based \`for\` over the same vector compiles without a warning, usually doesn't crash, and gives wrong results:

\`\`\`cpp
#include <iostream>
#include <vector>

int main() {
    std::vector<int> v{1, 2, 3};
    for (int x : v) {
        if (x % 2 == 1) v.push_back(x * 10);  // may reallocate while the loop holds iterators
    }
    for (int x : v) std::cout << x << ' ';
    std::cout << '\\n';
}
\`\`\`

Expected \`1 2 3 10 30\`. A GCC 12 \`-O0\` build printed \`1 2 3 10 50\`. Other builds may crash or happen to print the right answer.`,
    solution: `### Make the bug visible

\`\`\`bash
g++ -std=c++20 -g -fsanitize=address main.cpp && ./a.out   # heap-use-after-free at the loop line
g++ -std=c++20 -g -D_GLIBCXX_DEBUG main.cpp && ./a.out     # libstdc++ checked iterators abort
\`\`\`

### Fix: iterate by index over the original size

\`\`\`cpp
const std::size_t n = v.size();                  // elements appended below are not visited
for (std::size_t i = 0; i < n; ++i) {
    if (v[i] % 2 == 1) v.push_back(v[i] * 10);   // indices stay valid across reallocation
}
\`\`\`

### Or collect first, then append

\`\`\`cpp
std::vector<int> extra;
for (int x : v) {
    if (x % 2 == 1) extra.push_back(x * 10);
}
v.insert(v.end(), extra.begin(), extra.end());
\`\`\`

### Erasing while iterating

\`\`\`cpp
std::erase_if(v, [](int x) { return x % 2 == 0; });                                // C++20
v.erase(std::remove_if(v.begin(), v.end(), [](int x) { return x % 2 == 0; }), v.end()); // before C++20

for (auto it = v.begin(); it != v.end();) {   // when each erase needs side effects
    if (*it % 2 == 0) it = v.erase(it);       // erase returns the next valid iterator
    else ++it;
}
\`\`\`

### Invalidation rules worth knowing

| Container | Operation | What is invalidated |
| --- | --- | --- |
| \`std::vector\` | \`push_back\`, \`emplace_back\`, \`insert\` | everything if it reallocates (\`size() == capacity()\`); otherwise \`end()\` and elements after the insertion point |
| \`std::vector\` | \`erase\` | the erased element, everything after it, and \`end()\` |
| \`std::deque\` | \`push_back\`, \`push_front\` | all iterators; references to elements stay valid |
| \`std::list\`, \`std::map\`, \`std::set\` | insert | nothing |
| \`std::list\`, \`std::map\`, \`std::set\` | erase | only the erased element |
| \`std::unordered_map\` | insert | all iterators if it rehashes; references stay valid |`,
    why: `A \`push_back\` that exceeds \`capacity()\` allocates a bigger buffer, moves the elements over, and frees the old one. A range-for is shorthand for \`for (auto it = v.begin(), end = v.end(); it != end; ++it)\`, so both \`it\` and the cached \`end\` still point into the freed buffer. Reading through them is undefined behaviour. The program may crash, read stale values, or seem to work until the allocation pattern changes. Rust rejects the same loop at compile time (\`E0502\`).`,
    context: `Any C++ code that changes a \`std::vector\`, \`std::string\` or \`std::deque\` while it holds iterators, pointers or references into it, including a reference from \`v.back()\` or \`&v[0]\` kept across a \`push_back\`.`,
    gotchas: [
      "`reserve()` does not make the range-for version correct: `push_back` always invalidates `end()`, and the loop cached `end()` before it started.",
      "Pointers and references into the vector (`int& first = v[0];`) dangle after a reallocation too, not only iterators.",
      "`-D_GLIBCXX_DEBUG` changes the layout of standard containers. Compile every translation unit that shares containers with the same setting.",
      "Optimised builds often produce the right output by luck. Run the tests under AddressSanitizer in CI.",
    ],
    errorMessages: [
      "==6935==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000014 at pc 0x556bfbedb5c2 bp 0x7ffd833fe470 sp 0x7ffd833fe468",
      "Error: attempt to increment a singular iterator.",
    ],
    verifiedWith: [ranWith("GCC", "12.2.0")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "choosing-postgresql-indexes-column-order-partial-expression-covering-and-gin",
    title: "Choosing PostgreSQL indexes: column order, partial, expression, covering and GIN",
    category: "guide",
    language: "sql",
    framework: null,
    severity: "major",
    status: "approved",
    authorHandle: null,
    ageDays: 11,
    tags: ["sql", "postgresql", "indexes", "performance", "query-planning"],
    problem: `A table grew and its queries got slow. Adding a single-column index for every column in a \`WHERE\` clause helped some queries, slowed down writes, and left other queries still doing a \`Seq Scan\`.`,
    solution: `Start from the slow query and its plan, not from the schema.

### 1. Read the plan

\`\`\`sql
EXPLAIN (ANALYZE, BUFFERS)
SELECT created_at, total_cents
FROM orders
WHERE customer_id = 42 AND created_at >= now() - interval '30 days'
ORDER BY created_at;
\`\`\`

Look for a \`Seq Scan\` on a large table, a large \`Rows Removed by Filter\`, and a \`Sort\` node that an index could have made unnecessary.

### 2. Composite B-tree: equality columns first, then the range or sort column

\`\`\`sql
CREATE INDEX orders_customer_created_idx
  ON orders (customer_id, created_at) INCLUDE (total_cents);
\`\`\`

- Serves \`customer_id = ?\` alone, and \`customer_id = ? AND created_at >= ?\` with the rows already in \`created_at\` order, so no \`Sort\` step is needed.
- Does **not** serve a filter on \`created_at\` alone, because the leading column is missing. (PostgreSQL 18's skip scan can help when \`customer_id\` has few distinct values.)
- \`INCLUDE\` stores \`total_cents\` in the index, so the query above becomes an \`Index Only Scan\` once \`VACUUM\` has updated the visibility map.

### 3. Partial index for a hot subset

\`\`\`sql
CREATE INDEX orders_pending_idx ON orders (created_at) WHERE status = 'pending';
-- used by: SELECT ... WHERE status = 'pending' ORDER BY created_at LIMIT 50;

-- partial + expression: case-insensitive unique email among live users only
CREATE UNIQUE INDEX users_email_live_key ON users (lower(email)) WHERE deleted_at IS NULL;
\`\`\`

### 4. Expression index: the query must use the same expression

\`\`\`sql
CREATE INDEX users_lower_email_idx ON users (lower(email));

SELECT * FROM users WHERE lower(email) = lower($1);  -- can use the index
SELECT * FROM users WHERE email = $1;                -- cannot
\`\`\`

### 5. GIN for "contains" queries

\`\`\`sql
-- jsonb containment: data @> '{"tags": ["sql"]}'
CREATE INDEX docs_data_idx ON docs USING gin (data jsonb_path_ops);

-- substring search: name ILIKE '%son%'
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_name_trgm_idx ON users USING gin (name gin_trgm_ops);
\`\`\`

\`jsonb_path_ops\` is smaller and faster for \`@>\`, but does not support the key-exists operators (\`?\`, \`?|\`, \`?&\`). Use the default \`jsonb_ops\` if you need those.

### Which index type?

| Type | Good for | Not for |
| --- | --- | --- |
| B-tree (default) | \`=\`, \`<\`, \`>\`, \`BETWEEN\`, \`ORDER BY\`, prefix \`LIKE 'abc%'\` (C collation or \`text_pattern_ops\`) | \`LIKE '%abc%'\`, jsonb/array containment |
| GIN | jsonb \`@>\`, arrays \`@>\`/\`&&\`, full-text \`@@\`, trigram \`LIKE\`/\`ILIKE\` | ranges and sorting; slower to update |
| GiST | range types, exclusion constraints, PostGIS geometry, nearest-neighbour \`ORDER BY <->\` | plain equality on scalars |
| BRIN | very large append-only tables filtered on a column that follows insertion order (timestamps) | randomly ordered data |
| Hash | equality only | ranges and sorting; rarely better than a B-tree |

### 6. Build without blocking writes, and find dead weight

\`\`\`sql
CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at);

-- indexes never scanned since statistics were last reset
SELECT relname, indexrelname, idx_scan,
       pg_size_pretty(pg_relation_size(indexrelid)) AS size
FROM pg_stat_user_indexes
WHERE idx_scan = 0
ORDER BY pg_relation_size(indexrelid) DESC;
\`\`\``,
    why: `An index is a sorted copy of some columns that has to be updated on every write to the table. A B-tree is ordered by its first column, then by the second column within equal first values, and so on. It can only narrow a search through a leading prefix of its columns. Putting equality columns first keeps the matching rows together, and a trailing range or sort column can then be read in order. GIN and BRIN trade write cost or precision for queries that a B-tree cannot answer.`,
    context: `PostgreSQL 11 or later (\`INCLUDE\` was added in 11). The plans described here were checked on PostgreSQL 15.`,
    gotchas: [
      "PostgreSQL does not index foreign-key columns automatically; only the referenced key has an index. Add one for joins and for `ON DELETE CASCADE`.",
      "`CREATE INDEX CONCURRENTLY` cannot run inside a transaction, and many migration tools wrap each migration in one. If the build fails, it leaves an `INVALID` index: drop it and try again.",
      "`EXPLAIN ANALYZE` really executes the statement. Wrap `UPDATE`/`DELETE` in `BEGIN; … ROLLBACK;`.",
      "`idx_scan = 0` also lists indexes that enforce primary keys and unique constraints, and the counters are per server. Check the replicas before dropping anything.",
    ],
    errorMessages: ["ERROR:  CREATE INDEX CONCURRENTLY cannot run inside a transaction block"],
    verifiedWith: [ranWith("PostgreSQL", "15.18")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "useeffect-with-an-empty-dependency-array-reads-stale-state",
    title: "useEffect with an empty dependency array reads stale state",
    category: "gotcha",
    language: "typescript",
    framework: "react",
    severity: "major",
    status: "approved",
    authorHandle: "ines",
    ageDays: 27,
    tags: ["react", "hooks", "typescript", "closures", "useeffect"],
    problem: `A timer started in an effect keeps seeing the value from the first render:

\`\`\`tsx
function Counter() {
  const [count, setCount] = useState(0);

  useEffect(() => {
    const id = setInterval(() => {
      setCount(count + 1); // \`count\` is always 0 inside this closure
    }, 1000);
    return () => clearInterval(id);
  }, []); // the effect runs once, so the callback is never recreated

  return <p>{count}</p>; // shows 1 forever
}
\`\`\`

Event listeners, WebSocket \`onmessage\` handlers and other callbacks registered once behave the same way.`,
    solution: `### Only need the previous state? Use an updater function

\`\`\`tsx
useEffect(() => {
  const id = setInterval(() => setCount((c) => c + 1), 1000);
  return () => clearInterval(id);
}, []);
\`\`\`

React passes the current state to the updater, so the closure never reads \`count\`.

### Need current props or state for something else? List them as dependencies

\`\`\`tsx
useEffect(() => {
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Enter") search(query);
  }
  window.addEventListener("keydown", onKeyDown);
  return () => window.removeEventListener("keydown", onKeyDown);
}, [query, search]); // re-subscribes with a fresh closure whenever either changes
\`\`\`

### Subscription that must not restart? Read the latest value through a ref

\`\`\`tsx
function useInterval(callback: () => void, delayMs: number) {
  const latest = useRef(callback);

  useEffect(() => {
    latest.current = callback; // after every render, point at the newest callback
  });

  useEffect(() => {
    const id = setInterval(() => latest.current(), delayMs);
    return () => clearInterval(id);
  }, [delayMs]);
}
\`\`\``,
    why: `Each render is a separate call of the component function, with its own \`count\` constant. An effect's callback closes over the values from the render that created it. With \`[]\`, React never re-runs the effect, so the timers and listeners it registered keep reading the first render's values. The dependency array is not an optimisation hint: it is the list of values the closure reads.`,
    context: `Function components whose effects register callbacks: timers, DOM or event-bus listeners, sockets, store subscriptions. The \`react-hooks/exhaustive-deps\` ESLint rule reports most of these.`,
    gotchas: [
      "Silencing `react-hooks/exhaustive-deps` with an `eslint-disable` comment almost always hides a stale read.",
      "Functions and objects created during render are new on every render. As dependencies they re-run the effect each time, so wrap them in `useCallback`/`useMemo` or move them inside the effect.",
      "In development, StrictMode runs setup, cleanup, then setup again on mount. A missing `clearInterval` shows up as a timer ticking twice as fast.",
      "React 19.2 and later ship `useEffectEvent`, a built-in version of the ref pattern above.",
    ],
    errorMessages: [
      "React Hook useEffect has a missing dependency: 'count'. Either include it or remove the dependency array. You can also do a functional update 'setCount(c => ...)' if you only need 'count' in the 'setCount' call.",
    ],
    verifiedWith: [ranWith("React", "19.3.1"), ranWith("TypeScript", "5.9.3")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "floating-point-rounding-in-javascript-money-math-store-integer-cents",
    title: "Floating-point rounding in JavaScript money math: store integer cents",
    category: "gotcha",
    language: "javascript",
    framework: null,
    severity: "critical",
    status: "approved",
    authorHandle: null,
    ageDays: 45,
    tags: ["javascript", "node.js", "floating-point", "money", "precision"],
    problem: `\`\`\`js
0.1 + 0.2;                                  // 0.30000000000000004
0.1 + 0.2 === 0.3;                          // false
[0.1, 0.2, 0.3].reduce((a, b) => a + b, 0); // 0.6000000000000001
(1.005).toFixed(2);                         // "1.00", not "1.01"
\`\`\`

Cart totals drift by a cent, equality checks on totals fail, and rounding at the wrong step produces invoices whose lines don't add up to the total.`,
    solution: `Keep every amount as an **integer number of minor units** (cents) from parsing to storage, and turn it into a decimal string only for display.

| Expression | Result |
| --- | --- |
| \`0.1 + 0.2\` | \`0.30000000000000004\` |
| \`1.005 * 100\` | \`100.49999999999999\` |
| \`10 + 20\` (cents) | \`30\`, exactly |
| \`Number.MAX_SAFE_INTEGER\` | \`9007199254740991\` (about $90 trillion in cents) |

### Parse input without going through a float

\`\`\`js
// "19.99" -> 1999, "5" -> 500, "-0.5" -> -50; more than two decimals is rejected
function parseCents(input) {
  const m = /^(-)?(\\d+)(?:\\.(\\d{1,2}))?$/.exec(input.trim());
  if (!m) throw new RangeError(\`Invalid amount: \${input}\`);
  const [, sign, whole, frac = ""] = m;
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return sign ? -cents : cents;
}
\`\`\`

### Do arithmetic on integers and round once, at a defined step

\`\`\`js
const subtotal = items.reduce((sum, it) => sum + it.priceCents * it.qty, 0);
const tax = Math.round((subtotal * 825) / 10_000); // 8.25 % written as 825 basis points
const total = subtotal + tax;
\`\`\`

### Split an amount without losing a cent

\`\`\`js
function allocate(totalCents, parts) {
  const base = Math.floor(totalCents / parts);
  const remainder = totalCents - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

allocate(1000, 3); // [334, 333, 333]: sums to 1000
\`\`\`

### Format only at the edge

\`\`\`js
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
usd.format(1999 / 100); // "$19.99"
\`\`\`

Dividing for display is fine, because the formatter rounds to the currency's two decimals.`,
    why: `JavaScript numbers are IEEE 754 binary64. Most decimal fractions (0.1, 0.2, 1.005) have no exact binary representation, so each one is stored as the nearest representable value, and every operation rounds again. Integers up to 2^53 − 1 are stored exactly, and sums and products that stay within that range are exact, so arithmetic in cents has no representation error at all.`,
    context: `Checkouts, invoices, wallets, and any other code that adds up, compares or splits prices, in the browser or in Node.js.`,
    gotchas: [
      "Not every currency has two decimals: JPY has 0, KWD and BHD have 3. Store the currency with the amount and get the exponent from it (`new Intl.NumberFormat('en', { style: 'currency', currency: 'KWD' }).resolvedOptions().maximumFractionDigits` is `3`).",
      "`Math.round` rounds halves toward +∞ (`Math.round(-16.5)` is `-16`). Use the rounding rule your finance team or jurisdiction requires, and apply it to the absolute value if refunds must round the same way as charges.",
      "Store amounts as `bigint` cents or `numeric(12, 2)` in the database, never as `real` or `double precision`.",
      "For amounts above `Number.MAX_SAFE_INTEGER`, or rates with many decimals, use `BigInt` or a decimal library such as `decimal.js`.",
    ],
    errorMessages: [],
    verifiedWith: [ranWith("Node.js", "20.20.2")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "error-e0502-when-pushing-to-a-vec-while-iterating-over-it",
    title: "error[E0502] when pushing to a Vec while iterating over it",
    category: "debug",
    language: "rust",
    framework: null,
    severity: "minor",
    status: "approved",
    authorHandle: "ines",
    ageDays: 62,
    tags: ["rust", "borrow-checker", "iterator-invalidation", "ownership"],
    problem: `\`\`\`rust
fn main() {
    let mut v = vec![1, 2, 3];
    for x in &v {
        if *x % 2 == 1 {
            v.push(*x * 10);
        }
    }
}
\`\`\`

\`\`\`text
error[E0502]: cannot borrow \`v\` as mutable because it is also borrowed as immutable
 --> src/main.rs:5:13
  |
3 |     for x in &v {
  |              --
  |              |
  |              immutable borrow occurs here
  |              immutable borrow later used here
4 |         if *x % 2 == 1 {
5 |             v.push(*x * 10);
  |             ^^^^^^^^^^^^^^^ mutable borrow occurs here
\`\`\``,
    solution: `### Collect first, then extend (the usual fix)

\`\`\`rust
let mut v = vec![1, 2, 3];
let extra: Vec<i32> = v.iter().filter(|&&x| x % 2 == 1).map(|&x| x * 10).collect();
v.extend(extra); // the shared borrow ended when collect() returned
assert_eq!(v, [1, 2, 3, 10, 30]);
\`\`\`

### Loop over indices of the original length

\`\`\`rust
for i in 0..v.len() {      // the range is evaluated once, so new elements are not visited
    if v[i] % 2 == 1 {
        v.push(v[i] * 10); // OK: the argument is read before push takes its mutable borrow
    }
}
\`\`\`

### Changing or removing elements in place

\`\`\`rust
for x in v.iter_mut() {
    *x *= 10;              // mutate each element through &mut
}
v.retain(|&x| x != 20);    // remove elements instead of deleting inside a loop
\`\`\``,
    why: `\`for x in &v\` holds a shared borrow of \`v\` for the whole loop, and \`push\` needs \`&mut v\`. Rust forbids a mutable borrow while a shared one is alive because \`push\` may reallocate the buffer and leave the iterator pointing at freed memory. In C++ the same loop compiles and is undefined behaviour (\`std::vector\` iterator invalidation); in Java it throws \`ConcurrentModificationException\`.`,
    context: `Any loop that grows, shrinks or reorders the collection it iterates over: \`Vec\`, \`String\`, \`HashMap\` (inserting while iterating is the same error).`,
    gotchas: [
      "`for x in v.clone()` also compiles, but copies the whole vector first. That's fine for small data and wasteful in hot loops.",
      "For a `HashMap`, collect the keys or changes first, then apply them, or use `retain` / the `entry` API.",
      "Prefer `for i in 0..v.len()` to a hand-written `while i < v.len()` when new elements must not be visited: the range bound is fixed once.",
    ],
    errorMessages: ["error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable"],
    verifiedWith: [ranWith("rustc", "1.95.0")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "keyset-cursor-pagination-instead-of-offset-in-postgresql",
    title: "Keyset (cursor) pagination instead of OFFSET in PostgreSQL",
    category: "snippet",
    language: "sql",
    framework: null,
    severity: "major",
    status: "approved",
    authorHandle: "mara",
    ageDays: 98,
    tags: ["sql", "postgresql", "pagination", "performance", "indexes"],
    problem: `\`ORDER BY created_at DESC OFFSET 200000 LIMIT 20\` gets slower on every page, because PostgreSQL reads and throws away all the skipped rows. Rows inserted while a user is paging also shift the window, so items appear twice or are skipped.`,
    solution: `### Index that matches the sort, with a unique tie-breaker last

\`\`\`sql
CREATE INDEX posts_created_at_id_idx ON posts (created_at DESC, id DESC);
\`\`\`

### First page

\`\`\`sql
SELECT id, title, created_at
FROM posts
ORDER BY created_at DESC, id DESC
LIMIT 20;
\`\`\`

### Next page: pass the last row's \`(created_at, id)\` as the cursor

\`\`\`sql
SELECT id, title, created_at
FROM posts
WHERE (created_at, id) < ($1, $2)
ORDER BY created_at DESC, id DESC
LIMIT 20;
\`\`\`

The row comparison \`(a, b) < (x, y)\` is lexicographic, and PostgreSQL uses it directly as an index condition (\`Index Cond: (ROW(created_at, id) < ROW(...))\`).

### Mixed sort directions: expand the comparison, keep a leading bound

\`\`\`sql
-- index: (score DESC, id ASC)
SELECT id, score
FROM items
WHERE score <= $1 AND (score < $1 OR id > $2)
ORDER BY score DESC, id ASC
LIMIT 20;
\`\`\`

Without the redundant \`score <= $1\`, the equivalent \`score < $1 OR (score = $1 AND id > $2)\` is only a filter, and the scan starts from the top of the index again.

| | \`OFFSET\` | Keyset |
| --- | --- | --- |
| Cost of a deep page | reads offset + limit rows | reads limit rows |
| Measured, page at row 200,000 of 300,000 (PG 15) | ~90 ms | ~0.1 ms |
| Jump to page 37 | yes | no, only next/previous |
| Stable while rows are inserted | no, rows shift | yes |`,
    why: `\`OFFSET\` is applied after ordering: to return rows 200,001–200,020 the executor has to produce and discard the first 200,000, even when it reads them from an index. A keyset predicate turns "skip N rows" into "start after this key", and the B-tree can seek to that key directly, so every page costs the same. The cursor is a value rather than a position, so inserts before it don't shift later pages.`,
    context: `Infinite scroll, feeds, API list endpoints, and batch jobs that walk a large table. Not suitable when users need to jump to an arbitrary page number.`,
    gotchas: [
      "The sort key must be unique. Without the `id` tie-breaker, rows that share a `created_at` are skipped or repeated at page boundaries.",
      "Nullable sort columns break the comparison, because `NULL` compares as unknown. Make them `NOT NULL`, or sort on the same `COALESCE(...)` in the index and the query.",
      "JavaScript `Date` has millisecond precision but `timestamptz` has microseconds, so a cursor that passes through `Date` can skip rows. Send the timestamp as the original string.",
      "Make the cursor opaque (for example base64-encoded JSON) so clients don't depend on its shape.",
    ],
    errorMessages: [],
    verifiedWith: [ranWith("PostgreSQL", "15.18")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "prevent-goroutine-leaks-guard-every-channel-send-with-ctx-done",
    title: "Prevent goroutine leaks: guard every channel send with ctx.Done()",
    category: "pattern",
    language: "go",
    framework: null,
    severity: "major",
    status: "approved",
    authorHandle: "devon",
    ageDays: 140,
    tags: ["go", "concurrency", "goroutines", "context", "channels"],
    problem: `A "first response wins" helper returns as soon as one goroutine answers:

\`\`\`go
func firstResult(urls []string) string {
	ch := make(chan string) // unbuffered
	for _, u := range urls {
		go func(u string) {
			body, _ := fetch(context.Background(), u)
			ch <- body // losers block here forever: nobody receives any more
		}(u)
	}
	return <-ch
}
\`\`\`

Every call leaks \`len(urls) - 1\` goroutines, along with everything they reference. \`runtime.NumGoroutine()\` and memory grow until the process is killed.`,
    solution: `### Cancel on return, and give every send an exit

\`\`\`go
type result struct {
	body string
	err  error
}

func firstResult(ctx context.Context, urls []string) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // on return: stop the losers' work and unblock their sends

	ch := make(chan result)
	for _, u := range urls {
		go func(u string) {
			body, err := fetch(ctx, u) // fetch must honour ctx
			select {
			case ch <- result{body, err}:
			case <-ctx.Done(): // nobody is receiving any more: exit instead of blocking
			}
		}(u)
	}

	var lastErr error
	for range urls {
		select {
		case r := <-ch:
			if r.err == nil {
				return r.body, nil
			}
			lastErr = r.err
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	return "", lastErr
}
\`\`\`

The receive loop also covers the case where every fetch fails: it returns after \`len(urls)\` results instead of waiting forever.

### Catch leaks in tests

\`\`\`go
import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m) // fails the package if goroutines are still running after the tests
}
\`\`\`

In production, \`/debug/pprof/goroutine?debug=2\` (from \`net/http/pprof\`) dumps every goroutine's stack. Thousands of them parked in \`[chan send]\` at the same line point to this bug.`,
    why: `A send on an unbuffered channel blocks until another goroutine receives. After \`firstResult\` returns, nothing will ever receive, so the losing goroutines block forever, and the garbage collector never frees a blocked goroutine or anything it references. A \`select\` on \`ctx.Done()\` gives every send a way out, and \`defer cancel()\` makes sure that way opens as soon as the caller is done.`,
    context: `Fan-out/fan-in, "first response wins", timeouts around worker goroutines, and producers feeding a consumer that can stop early (for example an HTTP handler whose client disconnected).`,
    gotchas: [
      "A channel buffered to `len(urls)` also prevents the leak, but the losing goroutines still do all their work. Cancel the context as well.",
      "Receives leak too: a consumer blocked in `for v := range ch` stays blocked if the producer never closes `ch`.",
      "`go vet` (the `lostcancel` check) reports a `cancel` function that is never called. Always `defer cancel()`.",
      "`errgroup.WithContext` from `golang.org/x/sync` packages the cancel-on-first-error half of this pattern.",
    ],
    errorMessages: [],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "exhaustive-switch-over-a-discriminated-union-with-a-never-check",
    title: "Exhaustive switch over a discriminated union with a never check",
    category: "pattern",
    language: "typescript",
    framework: null,
    severity: "minor",
    status: "approved",
    authorHandle: "mara",
    ageDays: 187,
    tags: ["typescript", "discriminated-unions", "type-safety", "refactoring"],
    problem: `A \`switch\` over a union's \`kind\` silently misses a new variant. Someone adds \`"triangle"\` to the type, nothing fails to compile, and at runtime the function returns \`undefined\` or takes a wrong \`default\` branch.`,
    solution: `### The pattern

\`\`\`ts
type Shape =
  | { kind: "circle"; radius: number }
  | { kind: "square"; side: number }
  | { kind: "rect"; width: number; height: number };

function assertNever(value: never): never {
  throw new Error(\`Unhandled variant: \${JSON.stringify(value)}\`);
}

function area(s: Shape): number {
  switch (s.kind) {
    case "circle":
      return Math.PI * s.radius ** 2;
    case "square":
      return s.side ** 2;
    case "rect":
      return s.width * s.height;
    default:
      return assertNever(s); // s is \`never\` here only if every variant is handled
  }
}
\`\`\`

### What happens when a variant is added

Add \`| { kind: "triangle"; base: number; height: number }\` to \`Shape\`, and every switch that doesn't handle it fails to compile:

\`\`\`text
error TS2345: Argument of type '{ kind: "triangle"; base: number; height: number; }' is not assignable to parameter of type 'never'.
\`\`\`

### Variations

- **TypeScript 4.9+ without a helper:** \`default: s satisfies never; throw new Error("unreachable");\` (fails with \`TS1360\`).
- **Lookup tables instead of switches:** \`const labels = { circle: "Circle", square: "Square", rect: "Rectangle" } satisfies Record<Shape["kind"], string>;\` fails when a key is missing.
- **No \`default\` at all:** with a declared return type, a missing case gives \`TS2366: Function lacks ending return statement\`. That only works for functions that return a value, and there's no runtime guard.`,
    why: `Inside each \`case\`, TypeScript narrows \`s\` to the matching variant. Once every variant has been handled, the remaining type is \`never\`. Passing \`s\` to a parameter of type \`never\` compiles only when nothing is left, so a new variant becomes a compile error at every switch that must handle it. The runtime \`throw\` covers data the compiler never saw, such as a newer API version sending an unknown \`kind\`.`,
    context: `Reducers, state machines, API response handling, rendering by \`type\`/\`kind\`: anywhere the same union is switched on in more than one place.`,
    gotchas: [
      'A `default` branch that returns a "safe" value (`default: return 0`) disables the check. Keep `default` for `assertNever` only.',
      "The discriminant must be a literal type. A member with `kind: string` breaks narrowing for the whole union.",
      "typescript-eslint's `switch-exhaustiveness-check` rule reports the same problem without a helper function.",
    ],
    errorMessages: [
      "error TS2345: Argument of type '{ kind: \"triangle\"; base: number; height: number; }' is not assignable to parameter of type 'never'.",
    ],
    verifiedWith: [ranWith("TypeScript", "5.9.3")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "bash-strict-mode-set-euo-pipefail-and-the-cases-it-does-not-cover",
    title: "Bash strict mode: set -euo pipefail and the cases it does not cover",
    category: "snippet",
    language: "bash",
    framework: null,
    severity: "minor",
    status: "rejected",
    authorHandle: "devon",
    ageDays: 233,
    tags: ["bash", "shell", "scripting", "error-handling"],
    problem: `A deploy script keeps going after a command fails. A misspelt variable expands to an empty string (\`rm -rf "$BUILD_DIR/"*\` becomes \`rm -rf /*\`). A failure in the middle of a pipeline is ignored, because only the last command's status counts.`,
    solution: `### Header

\`\`\`bash
#!/usr/bin/env bash
set -Eeuo pipefail
trap 'echo "error: \${BASH_SOURCE[0]}:\${LINENO}: \\"\${BASH_COMMAND}\\" exited with $?" >&2' ERR

tmpdir=$(mktemp -d)
trap 'rm -rf -- "$tmpdir"' EXIT

: "\${DEPLOY_ENV:?DEPLOY_ENV must be set}"  # required variable, with a clear message
region=\${REGION:-us-east-1}                # optional variable, with a default
\`\`\`

| Option | Effect |
| --- | --- |
| \`-e\` | exit when a command fails (with the exceptions below) |
| \`-u\` | expanding an unset variable is an error |
| \`-o pipefail\` | a pipeline fails if any command in it fails, not only the last one |
| \`-E\` | the \`ERR\` trap also runs inside functions, command substitutions and subshells |

### Where \`-e\` does not stop the script

- Commands tested by \`if\`, \`while\`, \`until\`, \`!\`, or placed before \`&&\`/\`||\`. A function called that way runs with \`-e\` off for its **entire body**.
- \`local out=$(cmd)\`: the status is that of \`local\`, which is 0. Split it: \`local out; out=$(cmd)\`.
- Command substitutions don't inherit \`-e\`: \`x=$(false; echo hi)\` sets \`x=hi\`. Add \`shopt -s inherit_errexit\` (bash 4.4+).

### Where it stops the script when you didn't expect it

\`\`\`bash
count=0
((count++))                            # status 1 because the expression's value is 0: script exits
count=$((count + 1))                   # safe

matches=$(grep -c ERROR app.log || true)   # grep exits 1 when nothing matches
first=$(sort big.txt | sed -n 1p)          # not "head -n 1": sort can die of SIGPIPE (141) under pipefail
\`\`\``,
    why: `By default bash runs every line whatever happened before, treats unset variables as empty strings, and gives a pipeline the status of its last command. \`-e\`, \`-u\` and \`pipefail\` flip those defaults, and \`-E\` lets the \`ERR\` trap report where things failed. \`-e\` predates these idioms and deliberately ignores failures in any context that tests a status, which is where its exceptions come from.`,
    context: `CI steps, deploy and build scripts, Docker entrypoints. Needs bash 4.4+ for \`inherit_errexit\`; macOS ships bash 3.2 as \`/bin/bash\`.`,
    gotchas: [
      "`set -e` is a safety net, not error handling. Check commands that are expected to fail explicitly: `if ! cmd; then …; fi`.",
      "The `ERR` trap does not run when `-u` aborts on an unset variable. Bash only prints the `unbound variable` message.",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash, not a template
      'Before bash 4.4, `"${arr[@]}"` on an empty array is an unbound-variable error under `-u`. Use `${arr[@]+"${arr[@]}"}` there.',
      "`sh script.sh` ignores the shebang. On Debian and Ubuntu `sh` is dash, which rejects `pipefail` (dash 0.5.12) and other bash features.",
    ],
    errorMessages: [
      "./deploy.sh: line 8: DEPLOY_ENV: DEPLOY_ENV must be set",
      "./deploy.sh: line 12: BUILD_DIR: unbound variable",
      "deploy.sh: 2: set: Illegal option -o pipefail",
    ],
    verifiedWith: [ranWith("Bash", "5.2.15"), ranWith("dash", "0.5.12")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "mutable-default-arguments-are-shared-between-python-function-calls",
    title: "Mutable default arguments are shared between Python function calls",
    category: "gotcha",
    language: "python",
    framework: null,
    severity: "major",
    status: "approved",
    authorHandle: "devon",
    ageDays: 301,
    tags: ["python", "functions", "mutable-state", "dataclasses"],
    problem: `\`\`\`python
def add_item(item, items=[]):
    items.append(item)
    return items

add_item("a")  # ['a']
add_item("b")  # ['a', 'b']  <- expected ['b']
\`\`\`

The list persists across calls, so state leaks between requests, tests or users.`,
    solution: `### Use \`None\` as the default and create the object inside

\`\`\`python
def add_item(item, items=None):
    if items is None:
        items = []
    items.append(item)
    return items
\`\`\`

### When \`None\` is a meaningful value, use a private sentinel

\`\`\`python
_MISSING = object()

def get_setting(settings, key, default=_MISSING):
    try:
        return settings[key]
    except KeyError:
        if default is _MISSING:
            raise
        return default
\`\`\`

### Dataclasses: \`default_factory\`

\`\`\`python
from dataclasses import dataclass, field

@dataclass
class Cart:
    items: list[str] = field(default_factory=list)  # a new list per instance
\`\`\`

Dataclasses refuse a bare \`items: list = []\` when the class is defined.

### Let the linter catch it

Ruff and flake8-bugbear report **B006** (mutable argument default) and **B008** (function call in an argument default, such as \`def log(msg, ts=datetime.now())\`).`,
    why: `\`def\` is an executable statement. Default expressions are evaluated **once**, when the function object is created, and stored on it (\`add_item.__defaults__\`). Every call that omits the argument gets that same list object, so changes accumulate across calls. The same applies to dicts, sets and other mutable objects, and to values like \`datetime.now()\`: a timestamp default is fixed at import time.`,
    context: `Any Python function or method with a default argument. Common in helpers that accumulate results and in constructors (\`def __init__(self, tags=[])\`).`,
    gotchas: [
      "`items = items or []` also replaces an *empty* list passed by the caller, so the caller never sees the appended items. Use `if items is None`.",
      "Immutable defaults (`None`, numbers, strings, tuples, `frozenset`) are safe.",
      "Code sometimes relies on the shared default as a cache (`def f(x, _cache={})`). Use `functools.cache` so the intent is obvious.",
    ],
    errorMessages: ["ValueError: mutable default <class 'list'> for field items is not allowed: use default_factory"],
    verifiedWith: [ranWith("Python", "3.11.7")],
  },

  // ---------------------------------------------------------------------------
  {
    slug: "eliminate-n-1-queries-in-django-with-select-related-and-prefetch-related",
    title: "Eliminate N+1 queries in Django with select_related and prefetch_related",
    category: "pattern",
    language: "python",
    framework: "django",
    severity: "major",
    status: "archived",
    authorHandle: "mara",
    ageDays: 398,
    tags: ["python", "django", "orm", "n-plus-one", "performance", "sql"],
    problem: `\`\`\`python
class Author(models.Model):
    name = models.CharField(max_length=100)

class Book(models.Model):
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=True)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")

for book in Book.objects.all():
    print(book.title, book.author.name)  # one extra query per book
\`\`\`

With 30 books this runs 31 queries: one for the books and one for each \`book.author\`. List pages get slower as the table grows.`,
    solution: `### Forward \`ForeignKey\` / \`OneToOneField\`: \`select_related\` (SQL JOIN)

\`\`\`python
for book in Book.objects.select_related("author"):
    print(book.title, book.author.name)  # 1 query in total
\`\`\`

### Reverse FK / many-to-many: \`prefetch_related\` (one extra query per relation)

\`\`\`python
for author in Author.objects.prefetch_related("books"):
    titles = [b.title for b in author.books.all()]  # 2 queries in total
\`\`\`

### Filtered or ordered prefetch: \`Prefetch(..., to_attr=...)\`

\`\`\`python
from django.db.models import Prefetch

authors = Author.objects.prefetch_related(
    Prefetch("books", queryset=Book.objects.filter(published=True), to_attr="published_books")
)
for author in authors:
    author.published_books  # a plain list; still 2 queries in total
\`\`\`

| Relation from the queried model | Use | Queries |
| --- | --- | --- |
| \`ForeignKey\`, \`OneToOneField\` (forward) | \`select_related("author")\` | 1 (JOIN) |
| reverse \`ForeignKey\`, \`ManyToManyField\` | \`prefetch_related("books")\` | 1 + 1 per relation |
| either, with a filter or ordering | \`Prefetch("books", queryset=..., to_attr=...)\` | 1 + 1 |

### Lock the query count in a test

\`\`\`python
from django.test import TestCase

class BookListQueries(TestCase):
    def test_query_count_does_not_grow_with_rows(self):
        author = Author.objects.create(name="A")
        Book.objects.bulk_create(Book(title=f"b{i}", author=author) for i in range(20))
        with self.assertNumQueries(1):
            rows = [(b.title, b.author.name) for b in Book.objects.select_related("author")]
        self.assertEqual(len(rows), 20)
\`\`\``,
    why: `Reading a relation that wasn't loaded makes the ORM run a query for that one object. Inside a loop that becomes one query per row. Each query is cheap, but the round trips add up to seconds on real data. \`select_related\` widens the original query with a \`JOIN\`. \`prefetch_related\` runs one extra \`WHERE ... IN (...)\` query per relation and joins the results in Python.`,
    context: `Django list views, DRF serializers with nested fields, admin \`list_display\` (use \`list_select_related\`), and templates that read \`obj.related.field\` inside a loop.`,
    gotchas: [
      "Calling `.filter()` or `.order_by()` on a prefetched relation (`author.books.filter(...)`) bypasses the prefetch cache and queries again (12 queries instead of 2 for 10 authors). Use `Prefetch(..., to_attr=...)`.",
      "Reading a field that was deferred with `.only()` or `.defer()` also costs one query per row.",
      "`select_related` does not accept many-valued relations; use `prefetch_related` for those.",
      "django-debug-toolbar, or the `django.db.backends` logger at DEBUG level, shows the queries run for each request.",
    ],
    errorMessages: [
      "django.core.exceptions.FieldError: Invalid field name(s) given in select_related: 'books'. Choices are: (none)",
    ],
  },
];
