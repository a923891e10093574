// Generated entries for the benchmark: varied titles, bodies, tags and error messages drawn
// from a fixed seed, so every run (and both databases) gets the same 100,000 entries.
import type { EntryContent } from "../../lib/entries/schema.ts";
import type { EntryStatus } from "../../lib/entries/taxonomy.ts";

export interface GeneratedEntry {
  content: EntryContent;
  status: EntryStatus;
  createdAt: Date;
  score: number;
  viewCount: number;
}

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGES: Record<string, { frameworks: string[]; modules: string[]; errors: string[] }> = {
  python: {
    frameworks: ["django", "flask", "fastapi", "asyncio", "pandas", "celery", "sqlalchemy"],
    modules: ["worker", "views", "models", "tasks", "utils", "client", "pipeline"],
    errors: [
      `Traceback (most recent call last):\n  File "/srv/app/{module}.py", line {line}, in {fn}\nTypeError: 'NoneType' object is not subscriptable`,
      `Traceback (most recent call last):\n  File "/srv/app/{module}.py", line {line}, in {fn}\nKeyError: '{field}'`,
      `RuntimeError: Task <Task pending name='Task-{line}' coro=<{fn}() running at /srv/app/{module}.py:{line}>> got Future attached to a different loop`,
      `sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00`,
      `django.db.utils.OperationalError: database is locked`,
      `UnicodeDecodeError: 'utf-8' codec can't decode byte 0x{hex} in position {line}: invalid start byte`,
      `RecursionError: maximum recursion depth exceeded while calling a Python object`,
    ],
  },
  javascript: {
    frameworks: ["react", "node", "express", "next.js", "vue", "jest", "webpack"],
    modules: ["index", "server", "router", "store", "api", "component", "handler"],
    errors: [
      `TypeError: Cannot read properties of undefined (reading '{field}')\n    at {fn} (/srv/app/src/{module}.js:{line}:{col})`,
      `UnhandledPromiseRejectionWarning: Error: connect ECONNREFUSED 127.0.0.1:{port}`,
      `Error: listen EADDRINUSE: address already in use :::{port}`,
      `Warning: Each child in a list should have a unique "key" prop. Check the render method of \`{Component}\`.`,
      `SyntaxError: Unexpected token '<', "<!DOCTYPE "... is not valid JSON`,
      `RangeError: Maximum call stack size exceeded\n    at {fn} (/srv/app/src/{module}.js:{line}:{col})`,
    ],
  },
  typescript: {
    frameworks: ["next.js", "nestjs", "prisma", "angular", "deno", "vitest"],
    modules: ["service", "controller", "schema", "hooks", "client", "types"],
    errors: [
      `error TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'.`,
      `error TS2339: Property '{field}' does not exist on type '{Component}'.`,
      `PrismaClientKnownRequestError: Unique constraint failed on the fields: (\`{field}\`)`,
      `Error: Hydration failed because the server rendered HTML didn't match the client.`,
    ],
  },
  go: {
    frameworks: ["gin", "grpc", "goroutines", "gorm", "echo"],
    modules: ["main", "handler", "store", "worker", "server"],
    errors: [
      `panic: runtime error: index out of range [{line}] with length {col}\n\ngoroutine 1 [running]:\nmain.{fn}()\n\t/home/dev/app/{module}.go:{line} +0x{hex}`,
      `fatal error: all goroutines are asleep - deadlock!`,
      `panic: assignment to entry in nil map`,
      `fatal error: concurrent map writes`,
      `context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    ],
  },
  rust: {
    frameworks: ["tokio", "serde", "actix", "axum", "diesel"],
    modules: ["main", "lib", "handlers", "state", "db"],
    errors: [
      "error[E0502]: cannot borrow `{field}` as mutable because it is also borrowed as immutable",
      "error[E0382]: borrow of moved value: `{field}`",
      "error[E0277]: `{Component}` cannot be sent between threads safely",
      `thread 'main' panicked at 'called \`Option::unwrap()\` on a \`None\` value', src/{module}.rs:{line}:{col}`,
    ],
  },
  java: {
    frameworks: ["spring", "hibernate", "junit", "maven", "kafka"],
    modules: ["Service", "Controller", "Repository", "Config", "Mapper"],
    errors: [
      `java.lang.NullPointerException: Cannot invoke "{Component}.{fn}()" because "{field}" is null\n\tat com.example.{module}.{fn}({module}.java:{line})`,
      `org.hibernate.LazyInitializationException: could not initialize proxy - no Session`,
      `java.util.ConcurrentModificationException\n\tat java.base/java.util.ArrayList$Itr.checkForComodification(ArrayList.java:{line})`,
      `java.lang.OutOfMemoryError: Java heap space`,
    ],
  },
  sql: {
    frameworks: ["postgresql", "mysql", "sqlite", "redis"],
    modules: ["migration", "query", "schema", "index"],
    errors: [
      `ERROR:  deadlock detected\nDETAIL:  Process {line} waits for ShareLock on transaction {port}; blocked by process {col}.`,
      `ERROR:  duplicate key value violates unique constraint "{field}_key"`,
      `SQLITE_BUSY: database is locked`,
      `ERROR 1213 (40001): Deadlock found when trying to get lock; try restarting transaction`,
    ],
  },
};

const TOPICS = [
  ["connection pool exhaustion", "connection-pool", "performance"],
  ["race condition on shared state", "concurrency", "race-condition"],
  ["memory leak in long-running workers", "memory", "performance"],
  ["deadlock between two transactions", "deadlock", "database"],
  ["timeouts that cascade across services", "timeout", "networking"],
  ["null handling at API boundaries", "null-safety", "api"],
  ["off-by-one errors in pagination", "pagination", "bugs"],
  ["character encoding of uploaded files", "encoding", "unicode"],
  ["time zones in scheduled jobs", "timezone", "datetime"],
  ["cache invalidation after writes", "caching", "consistency"],
  ["N+1 queries in list views", "orm", "performance"],
  ["retries with exponential backoff", "retry", "resilience"],
  ["graceful shutdown of servers", "shutdown", "signals"],
  ["idempotent webhook handlers", "webhooks", "idempotency"],
  ["floating point rounding in money", "money", "floating-point"],
  ["flaky tests that depend on order", "testing", "flaky-tests"],
  ["hot reload losing state", "hot-reload", "tooling"],
  ["environment variables missing in production", "configuration", "deployment"],
  ["large file uploads running out of memory", "streaming", "memory"],
  ["hash map iteration order assumptions", "collections", "determinism"],
  ["optimistic locking with version columns", "locking", "database"],
  ["structured logging with request ids", "logging", "observability"],
  ["rate limiting per user", "rate-limiting", "security"],
  ["CSRF protection for form posts", "csrf", "security"],
  ["slow startup from eager imports", "startup", "performance"],
];

const SITUATIONS = [
  "under load",
  "after a deploy",
  "in CI only",
  "on the first request",
  "with many tenants",
  "behind a proxy",
  "in containers",
  "with large payloads",
  "after an upgrade",
  "on Windows",
  "at midnight UTC",
  "during migrations",
];
const FIELDS = ["user_id", "items", "session", "config", "payload", "token", "cursor", "handle", "orderId", "buffer"];
const FUNCTIONS = [
  "process_batch",
  "handleRequest",
  "fetchUser",
  "run",
  "main",
  "serialize",
  "connect",
  "load_config",
  "render",
  "flush",
];
const COMPONENTS = ["UserList", "OrderService", "SessionStore", "Config", "Client", "Worker", "CacheEntry"];
const SENTENCES = [
  "The symptom only shows up {situation}, which makes it easy to miss in review.",
  "Most people reach for a bigger timeout first, but that hides the real cause.",
  "Reproduce it with a small script before changing production settings.",
  "The fix is to scope the {topic} handling to a single place and test it there.",
  "Measure before and after; the difference is usually obvious in the p95 latency.",
  "Libraries often document this, but only in a footnote of the configuration page.",
  "Keep the change small: one commit that adds a failing test, one that fixes it.",
  "Logs show the failure several seconds after the actual cause, so correlate by request id.",
  "If you cannot change the code, a configuration flag can limit the damage for now.",
  "Watch out for the same pattern in background jobs, where nobody looks at errors.",
];

export function generateEntries(count: number, seed = 7): GeneratedEntry[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const int = (max: number) => Math.floor(next() * max);
  const languages = Object.keys(LANGUAGES);
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  const entries: GeneratedEntry[] = [];
  for (let i = 0; i < count; i++) {
    const language = pick(languages);
    const spec = LANGUAGES[language]!;
    const framework = pick(spec.frameworks);
    const [topic, ...topicTags] = pick(TOPICS);
    const situation = pick(SITUATIONS);
    const fill = (template: string) =>
      template
        .replaceAll("{module}", pick(spec.modules))
        .replaceAll("{line}", String(1 + int(900)))
        .replaceAll("{col}", String(1 + int(80)))
        .replaceAll("{port}", String(3000 + int(6000)))
        .replaceAll("{hex}", int(0xffff).toString(16))
        .replaceAll("{fn}", pick(FUNCTIONS))
        .replaceAll("{field}", pick(FIELDS))
        .replaceAll("{Component}", pick(COMPONENTS))
        .replaceAll("{situation}", situation)
        .replaceAll("{topic}", topic!);
    const paragraph = (n: number) => Array.from({ length: n }, () => fill(pick(SENTENCES))).join(" ");
    const errorMessages = next() < 0.7 ? Array.from({ length: 1 + int(2) }, () => fill(pick(spec.errors))) : [];
    const category = errorMessages.length
      ? pick(["debug", "gotcha", "debug", "pattern"] as const)
      : pick(["pattern", "snippet", "guide", "gotcha"] as const);
    const tags = [...new Set([language, framework, ...topicTags, ...(next() < 0.3 ? [pick(TOPICS)[1]!] : [])])];
    entries.push({
      content: {
        title: `${topic![0]!.toUpperCase()}${topic!.slice(1)} in ${framework} ${situation} (#${i + 1})`,
        category,
        language,
        framework,
        severity: pick(["minor", "major", "major", "critical"] as const),
        tags,
        problem: `${paragraph(3)}\n\n${errorMessages.length ? `The log says:\n\n\`\`\`\n${errorMessages[0]}\n\`\`\`` : paragraph(1)}`,
        solution: `${paragraph(3)}\n\n\`\`\`${language}\n// ${pick(FUNCTIONS)}: ${topic}\n\`\`\`\n\n${paragraph(2)}`,
        why: paragraph(2),
        context: `${language} with ${framework}, ${situation}.`,
        gotchas: Array.from({ length: int(3) }, () => paragraph(1)),
        errorMessages,
        verifiedWith: [],
      },
      status: next() < 0.85 ? "approved" : pick(["pending", "pending", "rejected", "archived"] as const),
      createdAt: new Date(start + Math.floor(next() * span)),
      score: int(40) - 5,
      viewCount: int(5000),
    });
  }
  return entries;
}
