// npm run import -- in.json
// Imports a HiveBrain export or the original HiveBrain's entry export into DATABASE_URL.
// Exit code 0 when the import ran (the report lists skipped items), 1 when the file is unusable.
import fs from "node:fs";
import { createDb, isPostgres } from "../../lib/db.ts";
import { ImportFileError, importText } from "../../lib/porting/import.ts";
import { formatImportReport } from "../../lib/porting/report.ts";
import { databaseUrl } from "../db/config.mts";
import { maintainSqlite } from "../db/maintain.mts";

const source = process.argv[2];
if (!source || process.argv.length > 3) {
  console.error("usage: npm run import -- <in.json>   (writes to DATABASE_URL, default file:./data/hivebrain.db)");
  process.exit(2);
}
let text: string;
try {
  text = fs.readFileSync(source, "utf8");
} catch (error) {
  console.error(`Cannot read ${source}: ${(error as Error).message}`);
  process.exit(1);
}
const db = createDb();
try {
  console.log(formatImportReport(await importText({ db, text })));
  if (isPostgres(db)) await db.$executeRawUnsafe("ANALYZE");
  else maintainSqlite(databaseUrl()); // merged search index and planner statistics for the grown tables
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error;
  console.error(`${source}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
