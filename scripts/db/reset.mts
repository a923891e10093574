// Empties a database and rebuilds it from the migrations (and, with --seed, the seed).
// Tests use it on their own scratch databases; it refuses to run without --yes.
import fs from "node:fs";
import pg from "pg";
import { createDb } from "../../lib/db.ts";
import { isPostgresUrl, sqliteFilePath } from "../../lib/db-url.ts";
import { seedDatabase } from "../../prisma/seed/seed.ts";
import { migrate } from "./migrate.mts";

export async function resetDatabase(url: string, { seed = false }: { seed?: boolean } = {}): Promise<void> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    } finally {
      await client.end();
    }
  } else {
    const file = sqliteFilePath(url);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  }
  await migrate(url);
  if (seed) {
    const db = createDb(url);
    try {
      await seedDatabase({ db });
    } finally {
      await db.$disconnect();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url || !process.argv.includes("--yes")) {
    console.error("usage: DATABASE_URL=... tsx scripts/db/reset.mts --yes [--seed]   (erases that database)");
    process.exit(2);
  }
  await resetDatabase(url, { seed: process.argv.includes("--seed") });
  console.log(
    `Reset ${isPostgresUrl(url) ? "PostgreSQL database" : url}${process.argv.includes("--seed") ? " and seeded it" : ""}.`,
  );
}
