// The servers the browser tests drive: a production build on SQLite, and a second one on
// PostgreSQL when TEST_DATABASE_URL_PG is set. Each has its own build folder, so their page
// caches stay apart.
export interface E2eTarget {
  name: "sqlite" | "postgresql";
  port: number;
  databaseUrl: string;
  distDir: string;
}

// E2E_PORT_BASE and E2E_TAG (a suffix for the build folders and the SQLite file) let two
// checkouts, or two people in one checkout, run their browser tests on one machine at once.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
const TAG = process.env.E2E_TAG ? `-${process.env.E2E_TAG}` : "";

export function e2eTargets(): E2eTarget[] {
  const targets: E2eTarget[] = [
    { name: "sqlite", port: PORT_BASE, databaseUrl: `file:./data/test-e2e${TAG}.db`, distDir: `.next-e2e${TAG}` },
  ];
  const pg = process.env.TEST_DATABASE_URL_PG;
  if (pg) targets.push({ name: "postgresql", port: PORT_BASE + 1, databaseUrl: pg, distDir: `.next-e2e-pg${TAG}` });
  return targets;
}
