// npm run db:migrate — applies prisma/<db>/migrations to the database in DATABASE_URL.
import Database from "better-sqlite3";
import { sqliteFilePath } from "../../lib/db-url.ts";
import { databaseUrl, providerOf } from "./config.mts";
import { openSchemaEngine, readMigrations, schemaFilters } from "./engine.mts";
import { maintainSqlite } from "./maintain.mts";
import { writeSchemas } from "./schemas.mts";
import { prepareSqliteFile } from "./sqlite-file.mts";

export async function migrate(url: string = databaseUrl()): Promise<string[]> {
  writeSchemas();
  if (providerOf(url) === "sqlite") enableWriteAheadLog(url);
  const engine = await openSchemaEngine(url);
  let applied: string[];
  try {
    ({ appliedMigrationNames: applied } = await engine.applyMigrations({
      migrationsList: readMigrations(providerOf(url)),
      filters: schemaFilters(providerOf(url)),
    }));
  } finally {
    await engine.close();
  }
  if (providerOf(url) === "sqlite") maintainSqlite(url);
  return applied;
}

// WAL lets readers (page renders) run while a write is in progress; the setting is stored
// in the database file, so setting it here covers every later connection.
function enableWriteAheadLog(url: string): void {
  prepareSqliteFile(sqliteFilePath(url));
  const sqlite = new Database(sqliteFilePath(url));
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const applied = await migrate();
  const where = providerOf(databaseUrl()) === "sqlite" ? databaseUrl() : "PostgreSQL";
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
      : `${where} is up to date.`,
  );
}
