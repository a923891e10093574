// Test helper run as a separate process: creates entries in DATABASE_URL, one after another,
// and exits 1 on the first failure. lib/db.test.ts runs it next to its own writes.
import { createDb } from "../db.ts";
import { createEntry } from "../entries/create-entry.ts";
import { sampleContent } from "./db-suite.ts";

const db = createDb(process.env.DATABASE_URL);
const count = Number(process.argv[2] ?? 20);
try {
  for (let i = 0; i < count; i++)
    await createEntry({
      db,
      content: sampleContent({ tags: ["testing", `writer-${i % 3}`] }),
      authorId: null,
      status: "approved",
    });
} catch (error) {
  console.error(String(error).slice(0, 300));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
