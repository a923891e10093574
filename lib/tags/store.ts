// Tags in the database: counts, suggestions, linking an entry's tags, related tags.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { LISTED_STATUSES } from "@/lib/entries/taxonomy";
import { type Viewer, visibleTo } from "@/lib/entries/visibility";

export interface TagCount {
  name: string;
  entryCount: number;
}

/** Every tag used by a listed (approved or pending) entry, with how many such entries use it. */
export async function listTagsWithCounts({ db }: { db: Db }): Promise<TagCount[]> {
  const grouped = await db.entryTag.groupBy({
    by: ["tagId"],
    where: { entry: { status: { in: [...LISTED_STATUSES] } } },
    _count: { entryId: true },
  });
  return namedCounts(db, grouped);
}

/** Tag ids with entry counts -> names with counts, most used first. */
async function namedCounts(db: Db, grouped: { tagId: string; _count: { entryId: number } }[]): Promise<TagCount[]> {
  const tags = await db.tag.findMany({
    where: { id: { in: grouped.map((row) => row.tagId) } },
    select: { id: true, name: true },
  });
  const nameById = new Map(tags.map((tag) => [tag.id, tag.name]));
  return grouped
    .map((row) => ({ name: nameById.get(row.tagId) ?? "", entryCount: row._count.entryId }))
    .filter((tag) => tag.name !== "")
    .sort((a, b) => b.entryCount - a.entryCount || a.name.localeCompare(b.name));
}

/** Tag names to suggest in forms: the most used first. */
export async function tagSuggestions({ db, limit = 300 }: { db: Db; limit?: number }): Promise<string[]> {
  return (await listTagsWithCounts({ db })).slice(0, limit).map((tag) => tag.name);
}

/** Whether an entry `viewer` may see carries the tag (a tag only on others' rejected entries does not exist for them). */
export async function tagExists({ db, name, viewer }: { db: Db; name: string; viewer: Viewer }): Promise<boolean> {
  return (await db.tag.count({ where: { name, entries: { some: { entry: visibleTo(viewer) } } } })) > 0;
}

/** Links an entry to the given normalized tags, creating tags that do not exist yet. */
export async function linkTags({ tx, entryId, tags }: { tx: Tx; entryId: string; tags: string[] }) {
  for (const name of tags) {
    // INSERT … ON CONFLICT DO NOTHING (both databases): when two transactions create the same
    // new tag at once, the second waits for the first and then uses its row. Prisma's upsert
    // fails there on PostgreSQL with a unique violation.
    await tx.$executeRaw`INSERT INTO "Tag" ("id", "name", "createdAt") VALUES (${crypto.randomUUID()}, ${name}, ${new Date()}) ON CONFLICT ("name") DO NOTHING`;
    const tag = await tx.tag.findUniqueOrThrow({ where: { name }, select: { id: true } });
    await tx.entryTag.create({ data: { entryId, tagId: tag.id } });
  }
}

/** Tags that share listed entries with the given tag, with how many entries they share, most first. */
export async function relatedTags({
  db,
  name,
  limit = 12,
}: {
  db: Db;
  name: string;
  limit?: number;
}): Promise<TagCount[]> {
  const grouped = await db.entryTag.groupBy({
    by: ["tagId"],
    where: {
      tag: { name: { not: name } },
      entry: { status: { in: [...LISTED_STATUSES] }, tags: { some: { tag: { name } } } },
    },
    _count: { entryId: true },
    orderBy: [{ _count: { entryId: "desc" } }, { tagId: "asc" }],
    take: limit,
  });
  return namedCounts(db, grouped);
}
