// Prints the slugs of all entries in DATABASE_URL as JSON (used by measure.mjs).
import { createDb } from "../../lib/db.ts";

const db = createDb();
const rows = await db.entry.findMany({ select: { slug: true }, orderBy: { createdAt: "desc" } });
console.log(JSON.stringify(rows.map((row) => row.slug)));
await db.$disconnect();
