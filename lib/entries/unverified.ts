// The moderators' list of approved entries not verified recently: those that state no
// verification, then the rest from the oldest newest verification on. Entry.verifiedOn (the
// newest verification date, written with the content) makes it a range over an index.
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { recentSince, type Verification, verificationList } from "@/lib/entries/verification";

export const UNVERIFIED_PAGE_SIZE = 50;

export interface UnverifiedEntry {
  id: string;
  slug: string;
  title: string;
  language: string | null;
  /** The newest verification date; null when it states none. */
  verifiedOn: string | null;
  verifiedWith: Verification[];
  createdAt: Date;
}

export interface UnverifiedPage {
  entries: UnverifiedEntry[];
  total: number;
  page: number;
  pageCount: number;
  /** The oldest verification date still counted as recent. */
  recentSince: string;
}

/** Approved entries that state no verification, or whose newest is older than `recentSince`. */
export function unverifiedWhere(since: string): Prisma.EntryWhereInput {
  return { status: "approved", OR: [{ verifiedOn: null }, { verifiedOn: { lt: since } }] };
}

/** A page of the approved entries not verified recently at `now`: none stated first, then oldest first. */
export async function listUnverifiedEntries({
  db,
  now,
  maxAgeMonths,
  page = 1,
  pageSize = UNVERIFIED_PAGE_SIZE,
}: {
  db: Db;
  now: Date;
  maxAgeMonths: number;
  page?: number;
  pageSize?: number;
}): Promise<UnverifiedPage> {
  const since = recentSince(now, maxAgeMonths);
  const where = unverifiedWhere(since);
  const [total, rows] = await Promise.all([
    db.entry.count({ where }),
    db.entry.findMany({
      where,
      orderBy: [{ verifiedOn: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        slug: true,
        title: true,
        language: true,
        verifiedOn: true,
        verifiedWith: true,
        createdAt: true,
      },
    }),
  ]);
  return {
    entries: rows.map((row) => ({ ...row, verifiedWith: verificationList(row.verifiedWith) })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    recentSince: since,
  };
}

/** How many approved entries are not verified recently (the link on /review). */
export async function countUnverifiedEntries({ db, now, maxAgeMonths }: { db: Db; now: Date; maxAgeMonths: number }) {
  return db.entry.count({ where: unverifiedWhere(recentSince(now, maxAgeMonths)) });
}
