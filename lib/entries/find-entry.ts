// An entry by its reference: the API and the lib functions behind both transports take an
// entry's id or its slug (pages link by slug, scripts often hold ids).
import "server-only";
import type { Db, Prisma } from "@/lib/db";

export const ENTRY_NOT_FOUND = "No entry has that id or slug.";

/** The entry whose id or slug is `ref`, with the columns `select` names; null when there is none. */
export function findEntryByRef<S extends Prisma.EntrySelect>(db: Db, ref: string, select: S) {
  return db.entry.findFirst({ where: { OR: [{ id: ref }, { slug: ref }] }, select });
}
