// npm run export -- out.json   (or "-" for standard output)
// Writes every user, entry, revision, status change and vote of DATABASE_URL as one JSON document.
import fs from "node:fs";
import { createDb } from "../../lib/db.ts";
import { exportDatabase } from "../../lib/porting/export.ts";

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error("usage: npm run export -- <out.json | ->   (reads DATABASE_URL, default file:./data/hivebrain.db)");
  process.exit(2);
}
const db = createDb();
try {
  const document = await exportDatabase({ db });
  const json = `${JSON.stringify(document, null, 2)}\n`;
  if (target === "-") process.stdout.write(json);
  else {
    fs.writeFileSync(target, json);
    const counts = { users: document.users.length, entries: document.entries.length, revisions: 0, votes: 0 };
    for (const entry of document.entries) {
      counts.revisions += entry.revisions?.length ?? 0;
      counts.votes += entry.votes?.length ?? 0;
    }
    console.error(
      `Exported ${counts.users} users, ${counts.entries} entries, ${counts.revisions} revisions and ${counts.votes} votes to ${target}.`,
    );
  }
} finally {
  await db.$disconnect();
}
