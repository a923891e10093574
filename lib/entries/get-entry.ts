import "server-only";
import { cache } from "react";
import { db as appDb, type Db, type Prisma } from "@/lib/db";
import { type EntryCard, entryCardSelect, toEntryCard } from "@/lib/entries/list-entries";
import { contentColumns, contentOf, listAcceptedRevisions, type RevisionSummary } from "@/lib/revisions/snapshots";

export const RECENT_REVISIONS_SHOWN = 5;

export interface EntryDetail extends EntryCard {
  problem: string;
  solution: string;
  why: string;
  context: string;
  gotchas: string[];
  errorMessages: string[];
  revisionCount: number;
  recentRevisions: RevisionSummary[];
  updatedAt: Date;
}

/** Everything an entry's page (and its API JSON) shows. */
export const entryDetailSelect = {
  ...entryCardSelect,
  ...contentColumns,
  revisionCount: true,
  updatedAt: true,
} as const;

type EntryDetailRow = Prisma.EntryGetPayload<{ select: typeof entryDetailSelect }>;

/** An entry row as its page and its API JSON read it, without the recent revisions. */
export function toEntryDetail(row: EntryDetailRow): Omit<EntryDetail, "recentRevisions"> {
  const card = toEntryCard(row);
  return { ...card, ...contentOf(row, card.tags), revisionCount: row.revisionCount, updatedAt: row.updatedAt };
}

/** An entry as its page shows it, whatever its status; null when no entry has the slug. */
export async function getEntryBySlug({ db, slug }: { db: Db; slug: string }): Promise<EntryDetail | null> {
  const row = await db.entry.findUnique({ where: { slug }, select: entryDetailSelect });
  if (!row) return null;
  return {
    ...toEntryDetail(row),
    recentRevisions: row.revisionCount
      ? await listAcceptedRevisions({ db, entryId: row.id, limit: RECENT_REVISIONS_SHOWN })
      : [],
  };
}

/** Just enough of an entry to title a page about it (history, edit) and to decide who may edit it. */
export async function getEntryHeader({ db, slug }: { db: Db; slug: string }) {
  return db.entry.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, status: true, authorId: true },
  });
}

// Within one render, a page's metadata and its body share these reads. React's cache() keys
// on argument identity, so they take the slug alone and read through the app's client.
export const entryBySlugForRender = cache((slug: string) => getEntryBySlug({ db: appDb, slug }));
export const entryHeaderForRender = cache((slug: string) => getEntryHeader({ db: appDb, slug }));
