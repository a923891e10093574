// An entry by its reference: the API and the lib functions behind both transports take an
// entry's id or its slug (pages link by slug, scripts often hold ids).
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { type Viewer, visibleTo } from "@/lib/entries/visibility";

export const ENTRY_NOT_FOUND = "No entry has that id or slug.";

/**
 * The entry whose id or slug is `ref`, with the columns `select` names; null when there is none
 * or `viewer` may not see it (a private entry does not exist for anyone else).
 */
export function findEntryByRef<S extends Prisma.EntrySelect>(db: Db, ref: string, viewer: Viewer, select: S) {
  return db.entry.findFirst({ where: { OR: [{ id: ref }, { slug: ref }], AND: [visibleTo(viewer)] }, select });
}
