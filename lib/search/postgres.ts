// Full-text search on PostgreSQL: EntrySearch.document, a weighted tsvector with a GIN index
// that also holds the entry's facet terms, and EntrySearch.createdAt, kept in step by triggers
// (prisma/postgres/migrations/*_search_*).
import "server-only";
import { Prisma } from "@/lib/db";
import type { EntryFilters } from "@/lib/entries/browse-params";
import { PRIVATE_STATUSES, statusScope, type Viewer } from "@/lib/entries/visibility";
import { sortNeedsEntry, sortSql, type TextSearchBackend, windowedTotal } from "@/lib/search/backend";
import { facetGroups } from "@/lib/search/facets";
import { MATCH_END, MATCH_START } from "@/lib/search/snippet";

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * For a viewer who may see their own private entries but nobody else's (statusScope), a
 * condition on the documents `d` that leaves the others' out: the facets know no authors.
 */
function othersPrivateLeftOut(filters: EntryFilters, viewer: Viewer): Prisma.Sql {
  const { privateOnlyBy } = statusScope(filters.status, viewer);
  if (privateOnlyBy === null) return Prisma.empty;
  return Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Entry" x WHERE x."id" = d."entryId"
    AND x."status" IN (${Prisma.join(PRIVATE_STATUSES)}) AND x."authorId" IS DISTINCT FROM ${privateOnlyBy})`;
}

/**
 * A tsquery built with plainto_tsquery/phraseto_tsquery from parameters: those functions read
 * their argument as plain text, so no user input is ever parsed as tsquery syntax.
 */
export function tsQuery(words: string[], phrases: string[][], mode: "all" | "any"): Prisma.Sql {
  const parts =
    mode === "all" && words.length
      ? [Prisma.sql`plainto_tsquery('english', ${words.join(" ")})`]
      : words.map((word) => Prisma.sql`plainto_tsquery('english', ${word})`);
  parts.push(...phrases.map((phrase) => Prisma.sql`phraseto_tsquery('english', ${phrase.join(" ")})`));
  return Prisma.join(parts, mode === "all" ? " && " : " || ");
}

/** The filters as tsquery text, or null for none; facet terms are letters and digits only, so it is safe to parse. */
export function facetTsQuery(filters: EntryFilters, viewer: Viewer): string | null {
  const groups = facetGroups(filters, viewer);
  return groups.length ? groups.map((group) => `(${group.map((term) => `'${term}'`).join(" | ")})`).join(" & ") : null;
}

// The tsquery is written out wherever it is used, not kept in a CTE: the planner then sees the
// words and picks by how common they are (walking the newest entries for a common word,
// the GIN index for a rarer one). The newest matches are picked by row address (ctid), not
// with their documents, so the sort stays small enough for memory; the documents of the
// window alone are then read again to be ranked.
export const searchPostgres: TextSearchBackend = async ({
  db,
  words,
  phrases,
  mode,
  filters,
  viewer,
  sort,
  excludeIds,
  offset,
  limit,
  window,
}) => {
  const text = tsQuery(words, phrases, mode);
  const facets = facetTsQuery(filters, viewer);
  // A query of stop words only is empty and matches nothing. The facets are a condition of
  // their own, so the planner can read the index for the words alone and check a common facet
  // ("approved or pending") on the rows found: as one tsquery, GIN read the whole of both.
  const where = Prisma.sql`numnode(${text}) > 0 AND d."document" @@ (${text})
    ${facets ? Prisma.sql`AND d."document" @@ ${facets}::tsquery` : Prisma.empty}
    ${excludeIds.length ? Prisma.sql`AND d."entryId" NOT IN (${Prisma.join(excludeIds)})` : Prisma.empty}
    ${othersPrivateLeftOut(filters, viewer)}`;
  const order = sortSql(sort, Prisma.sql`ts_rank(d."document", ${text}) DESC`);
  // One more than the window tells whether more match. Headlines are costly, so they are made
  // only for the page's rows.
  const rows = await db.$queryRaw<
    { id: string; errors: string | null; body: string | null; matched: bigint | number }[]
  >(Prisma.sql`
      WITH candidates AS MATERIALIZED (
        SELECT d."ctid" AS "row", d."createdAt", d."entryId" FROM "EntrySearch" d WHERE ${where}
        ORDER BY d."createdAt" DESC, d."entryId" DESC LIMIT ${window + 1}
      ),
      hits AS (
        SELECT d."entryId", row_number() OVER (ORDER BY ${order}) AS "position"
        FROM "EntrySearch" d ${sortNeedsEntry(sort) ? Prisma.sql`JOIN "Entry" e ON e."id" = d."entryId"` : Prisma.empty}
        WHERE d."ctid" = ANY (ARRAY(SELECT c."row" FROM candidates c ORDER BY c."createdAt" DESC, c."entryId" DESC LIMIT ${window}))
        ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}
      )
      SELECT e."id", (SELECT count(*) FROM candidates) AS "matched",
        ts_headline('english', hivebrain_json_text(e."errorMessages"), ${text}, ${HEADLINE_OPTIONS}) AS "errors",
        ts_headline('english', e."problem" || E'\\n' || e."solution" || E'\\n' || e."why" || E'\\n' || e."context", ${text}, ${HEADLINE_OPTIONS}) AS "body"
      FROM hits h JOIN "Entry" e ON e."id" = h."entryId"
      ORDER BY h."position"`);
  const counted = await windowedTotal(rows, { offset, window }, async () => {
    const [row] = await db.$queryRaw<{ matched: bigint | number }[]>(Prisma.sql`
      SELECT count(*) AS "matched" FROM (SELECT 1 FROM "EntrySearch" d WHERE ${where} LIMIT ${window + 1}) m`);
    return row?.matched ?? 0;
  });
  return { matches: rows.map((row) => ({ id: row.id, snippets: [row.errors, row.body] })), ...counted };
};
