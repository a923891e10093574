// What the two full-text backends (SQLite FTS5, PostgreSQL tsvector) share: the shape of a
// request and an answer, and the ORDER BY of each sort.
//
// Both rank at most `window` matches: the newest ones, when more match. Ranking every match
// of a word found in most entries costs time in proportion to their number (about 1 s at
// 100,000 entries); ranking the newest window keeps every query fast, and the page says so.
import "server-only";
import { type Db, Prisma } from "@/lib/db";
import type { EntryFilters, ListSort } from "@/lib/entries/browse-params";
import type { Viewer } from "@/lib/entries/visibility";

export interface TextMatchRequest {
  db: Db;
  words: string[];
  phrases: string[][];
  /** "all": every word and phrase must occur; "any": one is enough (ranked by how many). */
  mode: "all" | "any";
  filters: EntryFilters;
  /** Only entries this viewer may see match (lib/entries/visibility.ts). */
  viewer: Viewer;
  sort: ListSort;
  excludeIds: string[];
  offset: number;
  limit: number;
  /** At most this many matches, the newest, are ranked and counted. */
  window: number;
}

export interface TextMatch {
  id: string;
  /** Candidate snippets with marked matches, best first. */
  snippets: (string | null)[];
}

export interface TextMatchPage {
  matches: TextMatch[];
  /** Matches counted, at most the window. */
  total: number;
  /** More entries match than the window holds. */
  capped: boolean;
}

export type TextSearchBackend = (request: TextMatchRequest) => Promise<TextMatchPage>;

/**
 * The total of a page whose rows each carry `matched`, the matches counted up to window + 1.
 * No rows: nothing matches, or the page is past the end, and then `count` (up to window + 1) is asked.
 */
export async function windowedTotal(
  rows: { matched: bigint | number }[],
  { offset, window }: Pick<TextMatchRequest, "offset" | "window">,
  count: () => Promise<bigint | number>,
): Promise<Pick<TextMatchPage, "total" | "capped">> {
  const [first] = rows;
  const matched = first ? Number(first.matched) : offset === 0 ? 0 : Number(await count());
  return { total: Math.min(matched, window), capped: matched > window };
}

/** Whether the sort needs the Entry row (joined as `e`) besides the search document. */
export function sortNeedsEntry(sort: ListSort): boolean {
  return sort === "top" || sort === "views";
}

/** ORDER BY for a sort, over the search document `d` ("entryId", "createdAt") and, for top and views, Entry `e`. */
export function sortSql(sort: ListSort, relevance: Prisma.Sql): Prisma.Sql {
  const newest = Prisma.sql`d."createdAt" DESC, d."entryId" DESC`;
  switch (sort) {
    case "relevance":
      return Prisma.sql`${relevance}, ${newest}`;
    case "newest":
      return newest;
    case "top":
      return Prisma.sql`e."score" DESC, ${newest}`;
    case "views":
      return Prisma.sql`e."viewCount" DESC, ${newest}`;
  }
}
