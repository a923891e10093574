import "server-only";
import { isModerator } from "@/lib/auth/roles";
import { type Db, Prisma } from "@/lib/db";
import { type EntryFilters, type ListSort, PAGE_SIZE } from "@/lib/entries/browse-params";
import { type Category, type EntryStatus, LISTED_STATUSES, type Severity } from "@/lib/entries/taxonomy";
import { type Verification, verificationList } from "@/lib/entries/verification";
import { PRIVATE_STATUSES, type Viewer, visibleTo } from "@/lib/entries/visibility";
import { countFromSearchIndex } from "@/lib/search/count";

export interface EntryCard {
  id: string;
  slug: string;
  title: string;
  category: Category;
  language: string | null;
  framework: string | null;
  severity: Severity;
  status: EntryStatus;
  score: number;
  viewCount: number;
  tags: string[];
  authorHandle: string | null;
  createdAt: Date;
  /** What it was verified with (shown under the title). */
  verifiedWith: Verification[];
}

export interface EntryPage {
  entries: EntryCard[];
  total: number;
  page: number;
  pageCount: number;
}

export const entryCardSelect = {
  id: true,
  slug: true,
  title: true,
  category: true,
  language: true,
  framework: true,
  severity: true,
  status: true,
  score: true,
  viewCount: true,
  createdAt: true,
  verifiedWith: true,
  author: { select: { handle: true } },
  tags: { select: { tag: { select: { name: true } } } },
} satisfies Prisma.EntrySelect;

type EntryCardRow = Prisma.EntryGetPayload<{ select: typeof entryCardSelect }>;

export function toEntryCard(row: EntryCardRow): EntryCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    category: row.category as Category,
    language: row.language,
    framework: row.framework,
    severity: row.severity as Severity,
    status: row.status as EntryStatus,
    score: row.score,
    viewCount: row.viewCount,
    tags: row.tags.map((link) => link.tag.name).sort(),
    authorHandle: row.author?.handle ?? null,
    createdAt: row.createdAt,
    verifiedWith: verificationList(row.verifiedWith),
  };
}

/** The entries that pass the filters and that `viewer` may see. */
export function entryWhere(filters: EntryFilters, viewer: Viewer): Prisma.EntryWhereInput {
  const { category, language, status, tags } = filters;
  return {
    ...(category ? { category } : {}),
    ...(language ? { language } : {}),
    ...(status === "all" ? {} : { status: status ? status : { in: [...LISTED_STATUSES] } }),
    // Several tags narrow the list: an entry must carry every one of them.
    AND: [visibleTo(viewer), ...tags.map((name) => ({ tags: { some: { tag: { name } } } }))],
  };
}

const NEWEST: Prisma.EntryOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

const ORDER: Record<ListSort, Prisma.EntryOrderByWithRelationInput[]> = {
  // Without a search query nothing is more relevant than anything else.
  relevance: NEWEST,
  newest: NEWEST,
  top: [{ score: "desc" }, { createdAt: "desc" }, { id: "desc" }],
  views: [{ viewCount: "desc" }, { createdAt: "desc" }, { id: "desc" }],
};

/** A page of the entries that pass the filters, of those `viewer` may see. */
export async function listEntries({
  db,
  filters,
  viewer,
  sort,
  page,
  pageSize = PAGE_SIZE,
}: {
  db: Db;
  filters: EntryFilters;
  viewer: Viewer;
  sort: ListSort;
  page: number;
  pageSize?: number;
}): Promise<EntryPage> {
  const where = entryWhere(filters, viewer);
  const [total, rows] = await Promise.all([
    countEntries(db, filters, viewer, where),
    db.entry.findMany({
      where,
      orderBy: ORDER[sort],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: entryCardSelect,
    }),
  ]);
  return { entries: rows.map(toEntryCard), total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

async function countEntries(
  db: Db,
  filters: EntryFilters,
  viewer: Viewer,
  where: Prisma.EntryWhereInput,
): Promise<number> {
  return (await countFromSearchIndex({ db, filters, viewer })) ?? db.entry.count({ where });
}

/** Languages of the entries `viewer` may see, for the language filter. */
export async function listLanguages({ db, viewer }: { db: Db; viewer: Viewer }): Promise<string[]> {
  // GROUP BY in the database: Prisma's `distinct` fetches every row and de-duplicates in
  // JavaScript, which took a second at 100,000 entries (npm run bench). The GROUP BY reads the
  // language index alone; a status condition in it would read every row (seconds), so each
  // language is tested apart for one entry the viewer may see, which the index finds at once.
  const visible = isModerator(viewer)
    ? Prisma.empty
    : Prisma.sql`WHERE EXISTS (SELECT 1 FROM "Entry" e WHERE e."language" = l."language"
        AND (e."status" NOT IN (${Prisma.join(PRIVATE_STATUSES)})${viewer ? Prisma.sql` OR e."authorId" = ${viewer.id}` : Prisma.empty}))`;
  const rows = await db.$queryRaw<{ language: string }[]>(Prisma.sql`
    SELECT l."language" FROM (SELECT "language" FROM "Entry" WHERE "language" IS NOT NULL GROUP BY "language") l
    ${visible} ORDER BY l."language"`);
  return rows.map((row) => row.language);
}
