// Who sees what. A rejected entry, a rejected revision and the note that explains a rejection
// are private to their author and the moderators; everything else is public (archived entries
// included: they are listed when someone filters by that status). Every read of entries and
// revisions puts these conditions in its query, so no page or route can forget them.
import { type CurrentUser, isModerator } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db";
import { type EntryStatus, LISTED_STATUSES, STATUSES } from "@/lib/entries/taxonomy";

/** Whoever is looking: a signed-in user (their role read from the database) or null for anyone. */
export type Viewer = Pick<CurrentUser, "id" | "role"> | null;

/** Statuses whose entries only their author and moderators see. */
export const PRIVATE_STATUSES: readonly EntryStatus[] = ["rejected"];

const PRIVATE_STATUS_VALUES: string[] = [...PRIVATE_STATUSES];

/** Sees everything private to `authorId`: that author and the moderators. */
function seesPrivateOf(viewer: Viewer, authorId: string | null): boolean {
  return isModerator(viewer) || (viewer !== null && authorId !== null && authorId === viewer.id);
}

/** The entries `viewer` may see, as a where-clause to AND with any other. */
export function visibleTo(viewer: Viewer): Prisma.EntryWhereInput {
  if (isModerator(viewer)) return {};
  const shared: Prisma.EntryWhereInput = { status: { notIn: PRIVATE_STATUS_VALUES } };
  return viewer ? { OR: [shared, { authorId: viewer.id }] } : shared;
}

/** The same rule as visibleTo, for an entry already loaded. */
export function canSeeEntry(viewer: Viewer, entry: { status: string; authorId: string | null }): boolean {
  return !PRIVATE_STATUS_VALUES.includes(entry.status) || seesPrivateOf(viewer, entry.authorId);
}

/** Whether anyone at all may see the entry (its page may then be cached for everyone). */
export function isPublicEntry(entry: { status: string }): boolean {
  return !PRIVATE_STATUS_VALUES.includes(entry.status);
}

/**
 * The revisions `viewer` may see of an entry they may see: a rejected revision, with its
 * reviewer's note, only by the person who proposed it and the moderators.
 */
export function revisionsVisibleTo(viewer: Viewer): Prisma.RevisionWhereInput {
  if (isModerator(viewer)) return {};
  const shared: Prisma.RevisionWhereInput = { status: { not: "rejected" } };
  return viewer ? { OR: [shared, { authorId: viewer.id }] } : shared;
}

/**
 * A status change as `viewer` may read it: the reason for a rejection is between the moderators
 * and the entry's author; the change itself stays in the history.
 */
export function statusChangeFor<T extends { toStatus: string; reason: string }>(
  viewer: Viewer,
  entry: { authorId: string | null },
  change: T,
): Omit<T, "reason"> & { reason: string | null } {
  const hidden = PRIVATE_STATUS_VALUES.includes(change.toStatus) && !seesPrivateOf(viewer, entry.authorId);
  return { ...change, reason: hidden ? null : change.reason };
}

/** Whether `viewer` sees the private side of `userId`'s profile: their rejected entries and review outcomes. */
export function seesPrivateProfile(viewer: Viewer, userId: string): boolean {
  return seesPrivateOf(viewer, userId);
}

/**
 * What a list filtered by `status` may show `viewer`, in terms the search index can answer
 * (its status facets know nothing of authors): the statuses to list (null: any; empty: none),
 * and the author whose private (rejected) entries alone may appear among them (a signed-in user who is
 * not a moderator). The where-clause of the same list is entryWhere's AND visibleTo.
 */
export interface StatusScope {
  statuses: readonly EntryStatus[] | null;
  privateOnlyBy: string | null;
}

export function statusScope(status: EntryStatus | "all" | undefined, viewer: Viewer): StatusScope {
  const wanted = status === undefined ? LISTED_STATUSES : status === "all" ? null : [status];
  if (isModerator(viewer)) return { statuses: wanted, privateOnlyBy: null };
  const anyPrivate = (wanted ?? STATUSES).some((value) => PRIVATE_STATUSES.includes(value));
  if (viewer) return { statuses: wanted, privateOnlyBy: anyPrivate ? viewer.id : null };
  return { statuses: (wanted ?? STATUSES).filter((value) => !PRIVATE_STATUSES.includes(value)), privateOnlyBy: null };
}

/**
 * Where a reader finds an entry: its page, which is static and cached for everyone, or for a
 * private entry the page rendered for each request, which only its author and moderators pass.
 */
export function entryPath(entry: { slug: string; status: string }): string {
  const base = `/entries/${encodeURIComponent(entry.slug)}`;
  return isPublicEntry(entry) ? base : `${base}/private`;
}
