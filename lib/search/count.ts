import "server-only";
import { type Db, isPostgres } from "@/lib/db";
import type { EntryFilters } from "@/lib/entries/browse-params";
import type { Viewer } from "@/lib/entries/visibility";
import { countByFacets } from "@/lib/search/sqlite";

/**
 * How many entries that `viewer` may see pass these filters, counted from the search index when
 * that is faster than counting entries (SQLite: see countByFacets), else null.
 */
export async function countFromSearchIndex({
  db,
  filters,
  viewer,
}: {
  db: Db;
  filters: EntryFilters;
  viewer: Viewer;
}): Promise<number | null> {
  return isPostgres(db) ? null : countByFacets(db, filters, viewer);
}
