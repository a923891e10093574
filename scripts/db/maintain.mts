// SQLite upkeep after bulk changes: npm run db:migrate, the bench loader and npm run import call it.
import Database from "better-sqlite3";
import { sqliteFilePath } from "../../lib/db-url.ts";

/**
 * Upkeep after a SQLite file changed in bulk (migrations, bench loads, imports):
 * - FTS5 merges its index's segments. After 100,000 inserts each search term was looked up in
 *   many segments, and search p50 was 28 ms instead of 19 (npm run bench); about 1 s at that size.
 * - ANALYZE gathers the statistics SQLite plans queries from (PostgreSQL's autovacuum gathers its
 *   own). Without them it looked up a few entry ids through the `status` index, over most entries.
 */
export function maintainSqlite(url: string): void {
  const sqlite = new Database(sqliteFilePath(url));
  try {
    sqlite.exec(`INSERT INTO "EntrySearch" ("EntrySearch") VALUES ('optimize')`);
    sqlite.exec("ANALYZE");
  } finally {
    sqlite.close();
  }
}
