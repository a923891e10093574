import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { db as appDb, type Db, type Prisma } from "@/lib/db";
import { type EntryCard, entryCardSelect, toEntryCard } from "@/lib/entries/list-entries";
import { type Viewer, visibleTo } from "@/lib/entries/visibility";
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
  /** Anonymous votes imported from the original HiveBrain, already counted in `score`. */
  importedUpvotes: number;
  importedDownvotes: number;
}

/** Everything an entry's page (and its API JSON) shows. */
export const entryDetailSelect = {
  ...entryCardSelect,
  ...contentColumns,
  revisionCount: true,
  updatedAt: true,
  importedUpvotes: true,
  importedDownvotes: true,
} as const;

type EntryDetailRow = Prisma.EntryGetPayload<{ select: typeof entryDetailSelect }>;

/** An entry row as its page and its API JSON read it, without the recent revisions and imported votes (page only). */
export function toEntryDetail(
  row: EntryDetailRow,
): Omit<EntryDetail, "recentRevisions" | "importedUpvotes" | "importedDownvotes"> {
  const card = toEntryCard(row);
  return { ...card, ...contentOf(row, card.tags), revisionCount: row.revisionCount, updatedAt: row.updatedAt };
}

/** An entry as its page shows it; null when no entry has the slug or `viewer` may not see it. */
export async function getEntryBySlug({
  db,
  slug,
  viewer,
}: {
  db: Db;
  slug: string;
  viewer: Viewer;
}): Promise<EntryDetail | null> {
  const row = await db.entry.findFirst({ where: { slug, AND: [visibleTo(viewer)] }, select: entryDetailSelect });
  if (!row) return null;
  return {
    ...toEntryDetail(row),
    importedUpvotes: row.importedUpvotes,
    importedDownvotes: row.importedDownvotes,
    recentRevisions: row.revisionCount
      ? await listAcceptedRevisions({ db, entryId: row.id, limit: RECENT_REVISIONS_SHOWN })
      : [],
  };
}

/** Just enough of an entry to title a page about it (history, edit) and to decide who may edit it. */
export async function getEntryHeader({ db, slug, viewer }: { db: Db; slug: string; viewer: Viewer }) {
  return db.entry.findFirst({
    where: { slug, AND: [visibleTo(viewer)] },
    select: { id: true, slug: true, title: true, status: true, authorId: true },
  });
}

// Within one render, a page's metadata and its body share these reads. React's cache() keys
// on argument identity, so they take the slug alone and read through the app's client.

/** The entry as anyone may see it: what the static, cached entry page shows (it has no viewer). */
export const publicEntryForRender = cache((slug: string) => getEntryBySlug({ db: appDb, slug, viewer: null }));
/** The entry as the signed-in user sees it, for the pages rendered per request (it reads the session). */
export const entryForViewerRender = cache(async (slug: string) =>
  getEntryBySlug({ db: appDb, slug, viewer: await getCurrentUser() }),
);
/** The header of the entry as the signed-in user sees it (per-request pages: history, edit). */
export const entryHeaderForRender = cache(async (slug: string) =>
  getEntryHeader({ db: appDb, slug, viewer: await getCurrentUser() }),
);
