// Full-text search on SQLite: the FTS5 table EntrySearch (columns title, errors, tags, body,
// facets) over EntrySearchDoc, kept in step by triggers (prisma/sqlite/migrations/*_search_*).
// Documents are numbered in the order their entries were created (the migration numbered the
// existing ones by createdAt), so the newest matches are the highest rowids, which FTS5 walks
// in order without looking at the others.
import "server-only";
import { type Db, Prisma } from "@/lib/db";
import type { EntryFilters } from "@/lib/entries/browse-params";
import { PRIVATE_STATUSES, statusScope, type Viewer } from "@/lib/entries/visibility";
import { sortNeedsEntry, sortSql, type TextMatch, type TextSearchBackend, windowedTotal } from "@/lib/search/backend";
import { facetGroups, matchesNothing } from "@/lib/search/facets";
import { MATCH_END, MATCH_START } from "@/lib/search/snippet";

// bm25 column weights: title and error messages count most, then tags, then the body; facets not at all.
const RANK = Prisma.sql`bm25("EntrySearch", 10.0, 10.0, 4.0, 1.0, 0.0)`;
const SNIPPET_TOKENS = 20;

/**
 * An FTS5 query built only from terms this module quotes itself: every term is a run of
 * letters and digits inside double quotes, so FTS5 operators (AND, NEAR, *, ^, :) in the
 * user's text are plain words.
 */
export function fts5TextQuery(words: string[], phrases: string[][], mode: "all" | "any"): string {
  const parts = [...words.map((word) => `"${word}"`), ...phrases.map((phrase) => `"${phrase.join(" ")}"`)];
  return `(${parts.join(mode === "all" ? " " : " OR ")})`;
}

function fts5FacetQueries(filters: EntryFilters, viewer: Viewer): string[] {
  return facetGroups(filters, viewer).map((group) => `facets : (${group.map((term) => `"${term}"`).join(" OR ")})`);
}

/** The text query narrowed by the filters, as facet terms of the facets column. */
export function fts5Query(
  words: string[],
  phrases: string[][],
  mode: "all" | "any",
  filters: EntryFilters,
  viewer: Viewer,
): string {
  return [fts5TextQuery(words, phrases, mode), ...fts5FacetQueries(filters, viewer)].join(" AND ");
}

/**
 * For a viewer who may see their own private entries but nobody else's (statusScope), a
 * condition on the index's rows `f` that leaves the others' out. The facets cannot say it (they
 * know no authors); private entries are few, found through Entry's status index.
 */
function othersPrivateLeftOut(filters: EntryFilters, viewer: Viewer): Prisma.Sql {
  const { privateOnlyBy } = statusScope(filters.status, viewer);
  if (privateOnlyBy === null) return Prisma.empty;
  return Prisma.sql`AND f."rowid" NOT IN (SELECT d."rowid" FROM "Entry" e JOIN "EntrySearchDoc" d ON d."entryId" = e."id"
    WHERE e."status" IN (${Prisma.join(PRIVATE_STATUSES)}) AND (e."authorId" IS NULL OR e."authorId" <> ${privateOnlyBy}))`;
}

/**
 * How many entries the browse filters let through, counted in the index's facets: counting
 * through Entry made SQLite test every entry against a tag (EXISTS) or read every row of a
 * category, 150–500 ms at 100,000 entries; this takes under 10 ms. Null when nothing filters.
 */
export async function countByFacets(db: Db, filters: EntryFilters, viewer: Viewer): Promise<number | null> {
  if (matchesNothing(filters, viewer)) return 0;
  const facets = fts5FacetQueries(filters, viewer);
  if (facets.length === 0) return null;
  const [row] = await db.$queryRaw<{ total: bigint | number }[]>(
    Prisma.sql`SELECT count(*) AS "total" FROM "EntrySearch" f WHERE "EntrySearch" MATCH ${facets.join(" AND ")} ${othersPrivateLeftOut(filters, viewer)}`,
  );
  return Number(row?.total ?? 0);
}

type Rowid = bigint | number;

// Two facts about FTS5 shape these queries. bm25() first counts, over the whole index, the rows
// holding each phrase of the MATCH, which for a facet term is nearly every row: so ranking and
// snippets use a MATCH of the text alone, over rows that the full MATCH (with facets) picked.
// And FTS5 narrows by rowid only when the bound value is an integer; a JS number is bound as
// a float, which it ignores, so rowids are passed as BigInt.
export const searchSqlite: TextSearchBackend = async ({
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
  const match = fts5Query(words, phrases, mode, filters, viewer);
  const textMatch = fts5TextQuery(words, phrases, mode);
  const leftOut = Prisma.sql`${
    excludeIds.length
      ? Prisma.sql`AND f."rowid" NOT IN (SELECT "rowid" FROM "EntrySearchDoc" WHERE "entryId" IN (${Prisma.join(excludeIds)}))`
      : Prisma.empty
  } ${othersPrivateLeftOut(filters, viewer)}`;
  const relevance = sort === "relevance";
  // The newest window + 1 matches: one more than the window tells whether more match.
  const rows = await db.$queryRaw<{ id: string; docId: Rowid; matched: bigint | number }[]>(Prisma.sql`
    WITH newest AS MATERIALIZED (
      SELECT f."rowid" AS "docId" FROM "EntrySearch" f
      WHERE "EntrySearch" MATCH ${match} ${leftOut} ORDER BY f."rowid" DESC LIMIT ${window + 1}
    ),
    windowed AS MATERIALIZED (SELECT "docId" FROM newest ORDER BY "docId" DESC LIMIT ${window})
    ${
      relevance
        ? Prisma.sql`, ranked AS MATERIALIZED (
      SELECT r."rowid" AS "docId", ${RANK} AS "rank" FROM "EntrySearch" r
      WHERE "EntrySearch" MATCH ${textMatch} AND r."rowid" >= (SELECT min("docId") FROM windowed)
    )`
        : Prisma.empty
    }
    SELECT d."entryId" AS "id", w."docId", (SELECT count(*) FROM newest) AS "matched"
    FROM windowed w JOIN "EntrySearchDoc" d ON d."rowid" = w."docId"
    ${relevance ? Prisma.sql`JOIN ranked k ON k."docId" = w."docId"` : Prisma.empty}
    ${sortNeedsEntry(sort) ? Prisma.sql`JOIN "Entry" e ON e."id" = d."entryId"` : Prisma.empty}
    ORDER BY ${sortSql(sort, Prisma.sql`k."rank"`)} LIMIT ${limit} OFFSET ${offset}`);
  const counted = await windowedTotal(rows, { offset, window }, async () => {
    const [row] = await db.$queryRaw<{ matched: bigint | number }[]>(Prisma.sql`
      SELECT count(*) AS "matched" FROM (SELECT 1 FROM "EntrySearch" f WHERE "EntrySearch" MATCH ${match} ${leftOut} ORDER BY f."rowid" DESC LIMIT ${window + 1})`);
    return row?.matched ?? 0;
  });
  return { matches: await withSnippets(db, textMatch, rows), ...counted };
};

/** Snippets in a separate query, for the page's rows only. */
async function withSnippets(db: Db, textMatch: string, rows: { id: string; docId: Rowid }[]): Promise<TextMatch[]> {
  if (rows.length === 0) return [];
  const docIds = rows.map((row) => BigInt(row.docId));
  // biome-ignore lint/complexity/useMathMinMax: bigints (rowids), which Math.min and Math.max do not take
  const least = docIds.reduce((low, id) => (id < low ? id : low));
  // biome-ignore lint/complexity/useMathMinMax: bigints (rowids), which Math.min and Math.max do not take
  const most = docIds.reduce((high, id) => (id > high ? id : high));
  const snippets = await db.$queryRaw<{ docId: Rowid; errors: string | null; body: string | null }[]>(Prisma.sql`
    SELECT "rowid" AS "docId",
      snippet("EntrySearch", 1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) AS "errors",
      snippet("EntrySearch", 3, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) AS "body"
    FROM "EntrySearch" WHERE "EntrySearch" MATCH ${textMatch} AND "rowid" >= ${least} AND "rowid" <= ${most} AND "rowid" IN (${Prisma.join(docIds)})`);
  const byDoc = new Map(snippets.map((row) => [Number(row.docId), [row.errors, row.body]]));
  return rows.map((row) => ({ id: row.id, snippets: byDoc.get(Number(row.docId)) ?? [] }));
}
