// Loads generated entries into DATABASE_URL (after scripts/db/reset.mts): each batch writes
// entries and their tags in one transaction through Prisma; one statement then adds every
// entry's original revision, and the error-message keys are computed.
// The search index: on SQLite the triggers index every row as they do for createEntry (tags
// are written first, with foreign keys checked at commit, so each entry is indexed once). On
// PostgreSQL per-row triggers made the load take 20 minutes, so the batches run without
// triggers (session_replication_role) and the index is rebuilt afterwards by the migration's
// own function.
// usage: DATABASE_URL=... tsx scripts/bench/seed.mts <count>
import { randomUUID } from "node:crypto";
import { createDb, isPostgres } from "../../lib/db.ts";
import { slugFromTitle } from "../../lib/entries/slug.ts";
import { refreshErrorKeys } from "../../lib/search/refresh-error-keys.ts";
import { databaseUrl } from "../db/config.mts";
import { maintainSqlite } from "../db/maintain.mts";
import { generateEntries } from "./generate.ts";

const BATCH = 1_000;
const count = Number(process.argv[2] ?? 100_000);
const db = createDb();
const postgres = isPostgres(db);
const started = Date.now();

const stage = (label: string) => console.log(`  ${label} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
const entries = generateEntries(count);
stage(`generated ${count} entries`);
const tagIds = new Map<string, string>();
for (const name of new Set(entries.flatMap((entry) => entry.content.tags))) tagIds.set(name, randomUUID());
await db.tag.createMany({ data: [...tagIds].map(([name, id]) => ({ id, name })) });

for (let offset = 0; offset < entries.length; offset += BATCH) {
  const batch = entries
    .slice(offset, offset + BATCH)
    .map((entry, i) => ({ ...entry, id: randomUUID(), slug: `${slugFromTitle(entry.content.title)}-${offset + i}` }));
  await db.$transaction(
    async (tx) => {
      if (postgres) await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      else await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
      const links = batch.flatMap((entry) =>
        entry.content.tags.map((name) => ({ entryId: entry.id, tagId: tagIds.get(name)! })),
      );
      await tx.entryTag.createMany({ data: links });
      await tx.entry.createMany({
        data: batch.map(({ id, slug, content: { tags: _tags, ...fields }, status, createdAt, score, viewCount }) => ({
          id,
          slug,
          ...fields,
          status,
          createdAt,
          updatedAt: createdAt,
          score,
          viewCount,
        })),
      });
    },
    { timeout: 120_000 },
  );
  if ((offset / BATCH) % 20 === 0) stage(`${offset + batch.length} entries written`);
}
stage("entries written");
if (postgres) {
  await db.$executeRawUnsafe(`SELECT hivebrain_refresh_entry_search("id") FROM "Entry"`);
  await db.$executeRawUnsafe(
    `INSERT INTO "ErrorKeyRefresh" ("entryId") SELECT "id" FROM "Entry" ON CONFLICT DO NOTHING`,
  );
}
stage("search index ready");
const tagList = postgres
  ? `coalesce((SELECT jsonb_agg(t."name") FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = e."id"), '[]'::jsonb)`
  : `(SELECT json_group_array(t."name") FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = e."id")`;
await db.$executeRawUnsafe(`
  INSERT INTO "Revision" ("id", "entryId", "number", "status", "summary", "title", "category", "language", "framework", "severity",
    "problem", "solution", "why", "context", "gotchas", "errorMessages", "verifiedWith", "tags", "createdAt")
  SELECT e."id" || '-r0', e."id", 0, 'accepted', 'Original submission', e."title", e."category", e."language", e."framework", e."severity",
    e."problem", e."solution", e."why", e."context", e."gotchas", e."errorMessages", e."verifiedWith", ${tagList}, e."createdAt"
  FROM "Entry" e`);
stage("revisions written");
while ((await refreshErrorKeys({ db, batch: 2_000 })) > 0);
if (postgres) await db.$executeRawUnsafe("VACUUM ANALYZE");
else maintainSqlite(databaseUrl()); // merged search index and planner statistics
console.log(`Loaded ${count} entries in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
await db.$disconnect();
