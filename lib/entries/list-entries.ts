import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { type EntryFilters, type ListSort, PAGE_SIZE } from "@/lib/entries/browse-params";
import { type Category, type EntryStatus, LISTED_STATUSES, type Severity } from "@/lib/entries/taxonomy";
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
  };
}

export function entryWhere(filters: EntryFilters): Prisma.EntryWhereInput {
  const { category, language, status, tags } = filters;
  return {
    ...(category ? { category } : {}),
    ...(language ? { language } : {}),
    ...(status === "all" ? {} : { status: status ? status : { in: [...LISTED_STATUSES] } }),
    // Several tags narrow the list: an entry must carry every one of them.
    ...(tags.length ? { AND: tags.map((name) => ({ tags: { some: { tag: { name } } } })) } : {}),
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

export async function listEntries({
  db,
  filters,
  sort,
  page,
  pageSize = PAGE_SIZE,
}: {
  db: Db;
  filters: EntryFilters;
  sort: ListSort;
  page: number;
  pageSize?: number;
}): Promise<EntryPage> {
  const where = entryWhere(filters);
  const [total, rows] = await Promise.all([
    countEntries(db, filters, where),
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

async function countEntries(db: Db, filters: EntryFilters, where: Prisma.EntryWhereInput): Promise<number> {
  return (await countFromSearchIndex({ db, filters })) ?? db.entry.count({ where });
}

/** Languages in use, for the language filter. */
export async function listLanguages({ db }: { db: Db }): Promise<string[]> {
  // GROUP BY in the database: Prisma's `distinct` fetches every row and de-duplicates in
  // JavaScript, which took a second at 100,000 entries (npm run bench).
  const rows = await db.entry.groupBy({
    by: ["language"],
    where: { language: { not: null } },
    orderBy: { language: "asc" },
  });
  return rows.map((row) => row.language).filter((language): language is string => language !== null);
}
