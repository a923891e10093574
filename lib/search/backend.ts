// What the two full-text backends (SQLite FTS5, PostgreSQL tsvector) share: the shape of a
// request and an answer, and the SQL for the browse filters, which both databases accept.
import { Prisma } from "@/generated/prisma-sqlite/client";
import type { Db } from "@/lib/db";
import type { EntryFilters, ListSort } from "@/lib/entries/browse-params";
import { LISTED_STATUSES } from "@/lib/entries/taxonomy";

export interface TextMatchRequest {
  db: Db;
  words: string[];
  phrases: string[][];
  /** "all": every word and phrase must occur; "any": one is enough (ranked by how many). */
  mode: "all" | "any";
  filters: EntryFilters;
  sort: ListSort;
  excludeIds: string[];
  offset: number;
  limit: number;
}

export interface TextMatch {
  id: string;
  /** Candidate snippets with marked matches, best first. */
  snippets: (string | null)[];
}

export interface TextMatchPage {
  matches: TextMatch[];
  total: number;
}

export type TextSearchBackend = (request: TextMatchRequest) => Promise<TextMatchPage>;

/** The browse filters as SQL over `e` (the Entry table), joined with AND; TRUE when none. */
export function filterSql(filters: EntryFilters, excludeIds: string[]): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.category) conditions.push(Prisma.sql`e."category" = ${filters.category}`);
  if (filters.language) conditions.push(Prisma.sql`e."language" = ${filters.language}`);
  if (filters.status === undefined) conditions.push(Prisma.sql`e."status" IN (${Prisma.join([...LISTED_STATUSES])})`);
  else if (filters.status !== "all") conditions.push(Prisma.sql`e."status" = ${filters.status}`);
  for (const tag of filters.tags) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = e."id" AND t."name" = ${tag})`);
  }
  if (excludeIds.length) conditions.push(Prisma.sql`e."id" NOT IN (${Prisma.join(excludeIds)})`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`1 = 1`;
}

/** ORDER BY terms after relevance for the other sorts (the browse page's orders). */
export function sortSql(sort: ListSort, relevance: Prisma.Sql): Prisma.Sql {
  switch (sort) {
    case "relevance":
      return Prisma.sql`${relevance}, e."createdAt" DESC, e."id" DESC`;
    case "newest":
      return Prisma.sql`e."createdAt" DESC, e."id" DESC`;
    case "top":
      return Prisma.sql`e."score" DESC, e."createdAt" DESC, e."id" DESC`;
    case "views":
      return Prisma.sql`e."viewCount" DESC, e."createdAt" DESC, e."id" DESC`;
  }
}
