// npm run import -- in.json [--import-roles]
// Imports a HiveBrain export or the original HiveBrain's entry export into DATABASE_URL.
// Users are created as plain users unless --import-roles says to trust the file's roles.
// Exit code 0 when the import ran (the report lists skipped items), 1 when the file is unusable.
import fs from "node:fs";
import { createDb, isPostgres } from "../../lib/db.ts";
import { ImportFileError, importText } from "../../lib/porting/import.ts";
import { formatImportReport } from "../../lib/porting/report.ts";
import { databaseUrl } from "../db/config.mts";
import { maintainSqlite } from "../db/maintain.mts";

const args = process.argv.slice(2);
const importRoles = args.includes("--import-roles");
const [source, ...extra] = args.filter((arg) => arg !== "--import-roles");
if (!source || source.startsWith("--") || extra.length > 0) {
  console.error(
    "usage: npm run import -- <in.json> [--import-roles]   (writes to DATABASE_URL, default file:./data/hivebrain.db)\n" +
      "  --import-roles   give imported users the roles the file lists (moderator, admin); without it they are plain users",
  );
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
  console.log(formatImportReport(await importText({ db, text, importRoles })));
  if (isPostgres(db)) await db.$executeRawUnsafe("ANALYZE");
  else maintainSqlite(databaseUrl()); // merged search index and planner statistics for the grown tables
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error;
  console.error(`${source}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
