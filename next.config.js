import { fileURLToPath } from "node:url";

// Security headers for every response. They are set here rather than per request (middleware,
// a nonce) so entry pages stay static HTML: a CSP nonce would make every page dynamic. Without a
// nonce, Next's inline scripts (the RSC payload it streams into each page) need
// script-src 'unsafe-inline'; everything else is locked down. Next bakes these headers into
// the build (routes-manifest.json), so HSTS_MAX_AGE is read when the app is built.
const isDev = process.env.NODE_ENV === "development";

const contentSecurityPolicy = [
  "default-src 'self'",
  // 'unsafe-eval' and ws: only for `next dev` (React Refresh, hot reload).
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  // Shiki's highlighting and React style props are inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  // Entries may show images from any https host (lib/markdown/plugins.ts: never http, no referrer).
  "img-src 'self' https:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Strict-Transport-Security, off unless HSTS_MAX_AGE (seconds) is set: localhost is plain http. */
function hstsHeaders() {
  const value = process.env.HSTS_MAX_AGE;
  if (!value) return [];
  if (!/^\d+$/.test(value)) throw new Error(`HSTS_MAX_AGE must be a number of seconds, not "${value}"`);
  return [{ key: "Strict-Transport-Security", value: `max-age=${value}` }];
}

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ...hstsHeaders(),
];

/**
 * Where Next keeps cached pages. Alone, each server keeps its own, in memory (room for every
 * entry's page instead of the 50 MB default) and in the build folder
 * (lib/cache/page-cache-handler.cjs). With REDIS_URL, all servers share one cache in Redis
 * (lib/cache/redis-cache-handler.mjs). Both date pages by the start of their render
 * (lib/cache/render-start.cjs). Read when the server starts: one build serves either way.
 */
function pageCache() {
  const handler = (file) => fileURLToPath(new URL(`./lib/cache/${file}`, import.meta.url));
  if (!process.env.REDIS_URL) {
    return { cacheMaxMemorySize: 512 * 1024 * 1024, cacheHandler: handler("page-cache-handler.cjs") };
  }
  return { cacheHandler: handler("redis-cache-handler.mjs") };
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let the test suite run a SQLite and a PostgreSQL server side by
  // side without sharing one page cache.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "better-sqlite3",
    "pg",
    "shiki",
  ],
  ...pageCache(),
  poweredByHeader: false,
  // Next computes an ETag by hashing the whole HTML in JavaScript on every response: 17% of
  // the CPU time of serving a cached entry page (measured with --cpu-prof). Not worth it.
  generateEtags: false,
  typedRoutes: false,
  experimental: {
    // Server actions read at most this much (Next's default is 1 MB). The largest legitimate
    // one saves an entry at its 30,000-character limit (lib/entries/schema.ts): up to 3 bytes
    // a character in UTF-8, some escaped in JSON, 90-180 KB. The JSON API allows 256 KiB too.
    serverActions: { bodySizeLimit: "256kb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
