// Prints how many entries DATABASE_URL holds (0 when it has no tables yet).
import { createDb } from "../../lib/db.ts";

const db = createDb();
console.log(await db.entry.count().catch(() => 0));
await db.$disconnect();
