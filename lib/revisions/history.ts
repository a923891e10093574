// An entry's history as one viewer may read it: its revisions and its status changes, less
// what is private to others (lib/entries/visibility.ts): rejected revisions, with their notes,
// show only to their proposer and moderators, and the reason for a rejection only to the
// entry's author and moderators.
import "server-only";
import type { Db } from "@/lib/db";
import { statusChangeFor, type Viewer } from "@/lib/entries/visibility";
import { listStatusChanges, type StatusChangeItem } from "@/lib/revisions/review";
import { listAllRevisions, type RevisionListItem } from "@/lib/revisions/snapshots";

export interface EntryHistory {
  revisions: RevisionListItem[];
  statusChanges: (Omit<StatusChangeItem, "reason"> & { reason: string | null })[];
}

/** The history of an entry that `viewer` may see (get it with a viewer-aware read first). */
export async function entryHistory({
  db,
  entry,
  viewer,
}: {
  db: Db;
  entry: { id: string; authorId: string | null };
  viewer: Viewer;
}): Promise<EntryHistory> {
  const [revisions, statusChanges] = await Promise.all([
    listAllRevisions({ db, entryId: entry.id, viewer }),
    listStatusChanges({ db, entryId: entry.id }),
  ]);
  return { revisions, statusChanges: statusChanges.map((change) => statusChangeFor(viewer, entry, change)) };
}
