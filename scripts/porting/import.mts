// npm run import -- <file> [--import-roles]
// Imports into DATABASE_URL a HiveBrain export, the original HiveBrain's entries as JSON (its
// db/batch-*.json files) or the original's SQLite database (its db/hivebrain.db, read-only).
// Users are created as plain users unless --import-roles says to trust the file's roles.
// Exit code 0 when the import ran (the report lists skipped items), 1 when the file is unusable.
import { createDb, isPostgres } from "../../lib/db.ts";
import { ImportFileError } from "../../lib/porting/import.ts";
import { importFile } from "../../lib/porting/import-file.ts";
import { formatImportReport } from "../../lib/porting/report.ts";
import { databaseUrl } from "../db/config.mts";
import { maintainSqlite } from "../db/maintain.mts";

const args = process.argv.slice(2);
const importRoles = args.includes("--import-roles");
const [source, ...extra] = args.filter((arg) => arg !== "--import-roles");
if (!source || source.startsWith("--") || extra.length > 0) {
  console.error(
    "usage: npm run import -- <file> [--import-roles]   (writes to DATABASE_URL, default file:./data/hivebrain.db)\n" +
      "  <file>           a HiveBrain export (npm run export), the original HiveBrain's entries as JSON\n" +
      "                   (db/batch-*.json) or its SQLite database (hivebrain.db)\n" +
      "  --import-roles   give imported users the roles the file lists (moderator, admin); without it they are plain users",
  );
  process.exit(2);
}
const db = createDb();
try {
  console.log(formatImportReport(await importFile({ db, path: source, importRoles })));
  if (isPostgres(db)) await db.$executeRawUnsafe("ANALYZE");
  else maintainSqlite(databaseUrl()); // merged search index and planner statistics for the grown tables
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error;
  console.error(`${source}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
