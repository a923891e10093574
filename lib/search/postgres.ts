// Full-text search on PostgreSQL: EntrySearch.document, a weighted tsvector with a GIN index,
// kept in step by triggers (prisma/postgres/migrations/*_search_index).
import { Prisma } from "@/generated/prisma-sqlite/client";
import { filterSql, sortSql, type TextSearchBackend } from "@/lib/search/backend";
import { MATCH_END, MATCH_START } from "@/lib/search/snippet";

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

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

export const searchPostgres: TextSearchBackend = async ({ db, words, phrases, mode, filters, sort, excludeIds, offset, limit }) => {
  const query = tsQuery(words, phrases, mode);
  const where = Prisma.sql`s."document" @@ q."query" AND ${filterSql(filters, excludeIds)}`;
  const from = Prisma.sql`"EntrySearch" s JOIN "Entry" e ON e."id" = s."entryId"`;
  const rank = Prisma.sql`ts_rank(s."document", q."query") DESC`;
  const [rows, counted] = await Promise.all([
    // Headlines are costly, so they are made only for the page's rows.
    db.$queryRaw<{ id: string; errors: string | null; body: string | null }[]>(Prisma.sql`
      WITH q AS (SELECT (${query}) AS "query"),
      hits AS (
        SELECT e."id", ts_rank(s."document", q."query") AS "rank" FROM ${from} CROSS JOIN q WHERE ${where}
        ORDER BY ${sortSql(sort, rank)} LIMIT ${limit} OFFSET ${offset}
      )
      SELECT e."id",
        ts_headline('english', hivebrain_json_text(e."errorMessages"), q."query", ${HEADLINE_OPTIONS}) AS "errors",
        ts_headline('english', e."problem" || E'\\n' || e."solution" || E'\\n' || e."why" || E'\\n' || e."context", q."query", ${HEADLINE_OPTIONS}) AS "body"
      FROM hits h JOIN "Entry" e ON e."id" = h."id" CROSS JOIN q
      ORDER BY ${sortSql(sort, Prisma.sql`h."rank" DESC`)}`),
    db.$queryRaw<{ total: bigint | number }[]>(Prisma.sql`
      WITH q AS (SELECT (${query}) AS "query") SELECT count(*) AS "total" FROM ${from} CROSS JOIN q WHERE ${where}`),
  ]);
  return { matches: rows.map((row) => ({ id: row.id, snippets: [row.errors, row.body] })), total: Number(counted[0]?.total ?? 0) };
};
