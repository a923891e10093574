import type { Db } from "@/lib/db";
import { stringList } from "@/lib/entries/schema";
import { entryCardSelect, toEntryCard, type EntryCard } from "@/lib/entries/list-entries";
import { listAcceptedRevisions, type RevisionSummary } from "@/lib/revisions";

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
  problem: true,
  solution: true,
  why: true,
  context: true,
  gotchas: true,
  errorMessages: true,
  revisionCount: true,
  updatedAt: true,
} as const;

/** An entry as its page shows it, whatever its status; null when no entry has the slug. */
export async function getEntryBySlug({ db, slug }: { db: Db; slug: string }): Promise<EntryDetail | null> {
  const row = await db.entry.findUnique({
    where: { slug },
    select: entryDetailSelect,
  });
  if (!row) return null;
  return {
    ...toEntryCard(row),
    problem: row.problem,
    solution: row.solution,
    why: row.why,
    context: row.context,
    gotchas: stringList(row.gotchas),
    errorMessages: stringList(row.errorMessages),
    revisionCount: row.revisionCount,
    updatedAt: row.updatedAt,
    recentRevisions: row.revisionCount ? await listAcceptedRevisions({ db, entryId: row.id, limit: RECENT_REVISIONS_SHOWN }) : [],
  };
}

/** Just enough of an entry to title a page about it (history, edit). */
export async function getEntryHeader({ db, slug }: { db: Db; slug: string }) {
  return db.entry.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true } });
}
