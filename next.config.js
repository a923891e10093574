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
  // Entry pages are cached as static HTML and revalidated when an entry changes; give the
  // in-memory cache room for every entry's page instead of the 50 MB default.
  cacheMaxMemorySize: 512 * 1024 * 1024,
  poweredByHeader: false,
  // Next computes an ETag by hashing the whole HTML in JavaScript on every response: 17% of
  // the CPU time of serving a cached entry page (measured with --cpu-prof). Not worth it.
  generateEtags: false,
  typedRoutes: false,
};

export default nextConfig;
