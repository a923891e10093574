// Prints, as JSON, what measure.mjs loads from DATABASE_URL: every approved entry's slug, the most used
// tags, and words of the entries' titles (for searches no one has made before).
import { createDb } from "../../lib/db.ts";

const db = createDb();
const rows = await db.entry.findMany({
  where: { status: "approved" },
  select: { slug: true, title: true },
  orderBy: { createdAt: "desc" },
});
const tags = await db.tag.findMany({
  select: { name: true, _count: { select: { entries: true } } },
  orderBy: { entries: { _count: "desc" } },
  take: 5,
});
const words = [...new Set(rows.flatMap((row) => row.title.toLowerCase().match(/[a-z]{4,}/g) ?? []))];
console.log(JSON.stringify({ slugs: rows.map((row) => row.slug), tags: tags.map((tag) => tag.name), words }));
await db.$disconnect();
