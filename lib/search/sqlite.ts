// Full-text search on SQLite: the FTS5 table EntrySearch (columns title, errors, tags, body)
// over EntrySearchDoc, kept in step by triggers (prisma/sqlite/migrations/*_search_index).
import { Prisma } from "@/generated/prisma-sqlite/client";
import { filterSql, sortSql, type TextSearchBackend } from "@/lib/search/backend";
import { MATCH_END, MATCH_START } from "@/lib/search/snippet";

// bm25 column weights: title and error messages count most, then tags, then the body.
const RANK = Prisma.sql`bm25("EntrySearch", 10.0, 10.0, 4.0, 1.0)`;
const SNIPPET_TOKENS = 20;

/**
 * An FTS5 query built only from terms this module quotes itself: every term is a run of
 * letters and digits inside double quotes, so FTS5 operators (AND, NEAR, *, ^, :) in the
 * user's text are plain words.
 */
export function fts5Query(words: string[], phrases: string[][], mode: "all" | "any"): string {
  const parts = [...words.map((word) => `"${word}"`), ...phrases.map((phrase) => `"${phrase.join(" ")}"`)];
  return parts.join(mode === "all" ? " " : " OR ");
}

export const searchSqlite: TextSearchBackend = async ({ db, words, phrases, mode, filters, sort, excludeIds, offset, limit }) => {
  const match = fts5Query(words, phrases, mode);
  const where = Prisma.sql`"EntrySearch" MATCH ${match} AND ${filterSql(filters, excludeIds)}`;
  const from = Prisma.sql`"EntrySearch" JOIN "EntrySearchDoc" d ON d."rowid" = "EntrySearch"."rowid" JOIN "Entry" e ON e."id" = d."entryId"`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ id: string; docId: bigint | number }[]>(Prisma.sql`
      SELECT e."id" AS "id", d."rowid" AS "docId" FROM ${from} WHERE ${where}
      ORDER BY ${sortSql(sort, RANK)} LIMIT ${limit} OFFSET ${offset}`),
    db.$queryRaw<{ total: bigint | number }[]>(Prisma.sql`SELECT count(*) AS "total" FROM ${from} WHERE ${where}`),
  ]);
  // Snippets in a second query, for the page's rows only: in the first, SQLite would make one
  // for every match before sorting.
  const snippets = rows.length
    ? await db.$queryRaw<{ docId: bigint | number; errors: string | null; body: string | null }[]>(Prisma.sql`
        SELECT "rowid" AS "docId",
          snippet("EntrySearch", 1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) AS "errors",
          snippet("EntrySearch", 3, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) AS "body"
        FROM "EntrySearch" WHERE "EntrySearch" MATCH ${match} AND "rowid" IN (${Prisma.join(rows.map((row) => row.docId))})`)
    : [];
  const byDoc = new Map(snippets.map((row) => [Number(row.docId), [row.errors, row.body]]));
  return {
    matches: rows.map((row) => ({ id: row.id, snippets: byDoc.get(Number(row.docId)) ?? [] })),
    total: Number(counted[0]?.total ?? 0),
  };
};
