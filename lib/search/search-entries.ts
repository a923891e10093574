// Search: searchMatches finds a page of matching entry ids with snippets (GET /api/v1/entries
// loads them as full entries); searchEntries loads them as cards (the search page). The browse
// filters and the query's own filters ([tag], category:, …) combine; an entry whose recorded
// error message equals the pasted query (see error-key) comes first; then full-text matches
// from the database's own engine, ranked or sorted like the browse page: at most the newest
// RANK_WINDOW of them, so a word found in most entries costs no more than a rare one.
import "server-only";
import type { Db } from "@/lib/db";
import { isPostgres } from "@/lib/db";
import { type EntryFilters, type ListSort, PAGE_SIZE } from "@/lib/entries/browse-params";
import { type EntryCard, entryCardSelect, entryWhere, listEntries, toEntryCard } from "@/lib/entries/list-entries";
import { stringList } from "@/lib/entries/schema";
import { type Viewer, visibleTo } from "@/lib/entries/visibility";
import type { TextMatchPage } from "@/lib/search/backend";
import { errorKey } from "@/lib/search/error-key";
import { matchesNothing } from "@/lib/search/facets";
import {
  hasSearchTerms,
  MAX_TELLING_WORDS,
  type ParsedQuery,
  parseQuery,
  tellingWords,
  termsOf,
} from "@/lib/search/parse-query";
import { searchPostgres } from "@/lib/search/postgres";
import { refreshErrorKeys } from "@/lib/search/refresh-error-keys";
import { bestSnippet, exactMatchSnippet, type SnippetSegment } from "@/lib/search/snippet";
import { searchSqlite } from "@/lib/search/sqlite";

/** Where a search found an entry, before the entry is loaded. */
export interface SearchMatch {
  id: string;
  /** Matched text with its matches marked; null when the entry matched on its title or tags only. */
  snippet: SnippetSegment[] | null;
  /** Its recorded error message equals the query. */
  exactErrorMatch: boolean;
  /** The entry's card when the search has loaded it already (a query of filters only is the browse list). */
  card?: EntryCard;
}

export type SearchHit = EntryCard & Omit<SearchMatch, "id" | "card">;

interface SearchResults<T> {
  entries: T[];
  total: number;
  page: number;
  pageCount: number;
  /** More entries match than were ranked: total counts only the newest `rankWindow` of them. */
  totalCapped: boolean;
  /** The browse filters combined with the ones written in the query. */
  filters: EntryFilters;
}

export type SearchPage = SearchResults<SearchHit>;

interface SearchOptions {
  db: Db;
  query: string;
  filters: EntryFilters;
  /** Only entries this viewer may see are found (lib/entries/visibility.ts). */
  viewer: Viewer;
  sort: ListSort;
  page: number;
  pageSize?: number;
  rankWindow?: number;
}

const MAX_EXACT_MATCHES = 5;
/** Full-text matches ranked at most, the newest when more match (see lib/search/backend.ts). */
export const RANK_WINDOW = 1_000;

/** Search results as entry cards, for the search page. */
export async function searchEntries(options: SearchOptions): Promise<SearchPage> {
  const found = await searchMatches(options);
  const cards = await cardsById(
    options.db,
    found.entries.flatMap((match) => (match.card ? [] : [match.id])),
    options.viewer,
  );
  return {
    ...found,
    entries: found.entries.flatMap(({ id, card, ...match }) => {
      const loaded = card ?? cards.get(id);
      return loaded ? [{ ...loaded, ...match }] : [];
    }),
  };
}

/** The page's matches in order, for callers that load the entries in a shape of their own (the API). */
export async function searchMatches({
  db,
  query,
  filters,
  viewer,
  sort,
  page,
  pageSize = PAGE_SIZE,
  rankWindow = RANK_WINDOW,
}: SearchOptions): Promise<SearchResults<SearchMatch>> {
  const parsed = await withKnownTags(db, parseQuery(query));
  const combined = combineFilters(filters, parsed);
  if (matchesNothing(combined, viewer))
    return { entries: [], total: 0, page, pageCount: 1, totalCapped: false, filters: combined };
  if (!hasSearchTerms(parsed)) {
    const listed = await listEntries({ db, filters: combined, viewer, sort, page, pageSize });
    return {
      ...listed,
      entries: listed.entries.map((card) => ({ id: card.id, snippet: null, exactErrorMatch: false, card })),
      totalCapped: false,
      filters: combined,
    };
  }

  const exact = await exactErrorMatches(db, parsed, combined, viewer);
  // The exact matches fill the first places; full-text matches follow them.
  const start = (page - 1) * pageSize;
  const exactOnPage = exact.slice(start, start + pageSize);
  const request = {
    db,
    words: parsed.words.length > MAX_TELLING_WORDS ? tellingWords(parsed.words) : parsed.words,
    phrases: parsed.phrases,
    filters: combined,
    viewer,
    sort,
    excludeIds: exact.map((match) => match.id),
    offset: Math.max(0, start - exact.length),
    limit: pageSize - exactOnPage.length,
    window: rankWindow,
  };
  const backend = isPostgres(db) ? searchPostgres : searchSqlite;
  let text: TextMatchPage = await backend({ ...request, mode: "all" });
  // Nothing has every word (a long pasted message rarely does): rank what has some of them,
  // unless the pasted message was found exactly.
  if (text.total === 0 && exact.length === 0 && parsed.words.length + parsed.phrases.length > 1) {
    text = await backend({ ...request, words: tellingWords(request.words), mode: "any" });
  }

  const total = exact.length + text.total;
  return {
    entries: [
      ...exactOnPage,
      ...text.matches.map((match) => ({ id: match.id, snippet: bestSnippet(match.snippets), exactErrorMatch: false })),
    ],
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    totalCapped: text.capped,
    filters: combined,
  };
}

/** `[name]` filters only for tags that exist: otherwise "[ERROR] …" in a pasted log would find nothing. */
async function withKnownTags(db: Db, parsed: ParsedQuery): Promise<ParsedQuery> {
  if (parsed.tags.length === 0) return parsed;
  const known = new Set(
    (await db.tag.findMany({ where: { name: { in: parsed.tags } }, select: { name: true } })).map((tag) => tag.name),
  );
  const unknown = parsed.tags.filter((tag) => !known.has(tag));
  if (unknown.length === 0) return parsed;
  const words = [...new Set([...parsed.words, ...unknown.flatMap(termsOf)])];
  return { ...parsed, tags: parsed.tags.filter((tag) => known.has(tag)), words };
}

function combineFilters(filters: EntryFilters, parsed: ParsedQuery): EntryFilters {
  return {
    category: parsed.category ?? filters.category,
    language: parsed.language ?? filters.language,
    status: parsed.status ?? filters.status,
    tags: [...new Set([...filters.tags, ...parsed.tags])],
  };
}

async function exactErrorMatches(
  db: Db,
  parsed: ParsedQuery,
  filters: EntryFilters,
  viewer: Viewer,
): Promise<SearchMatch[]> {
  const keys = [...new Set([errorKey(parsed.raw), errorKey(parsed.text)])].filter((key): key is string => key !== null);
  if (keys.length === 0) return [];
  try {
    await refreshErrorKeys({ db });
  } catch (error) {
    // Another request refreshing the same entries at the same moment; its keys serve as well.
    console.warn("search: refreshing error keys failed", error);
  }
  // Keys first, then their entries: as one query with a relation filter, SQLite scanned every entry.
  const keyed = await db.entryErrorKey.findMany({ where: { key: { in: keys } }, select: { entryId: true }, take: 100 });
  if (keyed.length === 0) return [];
  const rows = await db.entry.findMany({
    where: { AND: [entryWhere(filters, viewer), { id: { in: [...new Set(keyed.map((row) => row.entryId))] } }] },
    orderBy: [{ score: "desc" }, { createdAt: "desc" }],
    take: MAX_EXACT_MATCHES,
    select: { id: true, errorMessages: true },
  });
  return rows.map((row) => {
    const message = stringList(row.errorMessages).find((candidate) => {
      const key = errorKey(candidate);
      return key !== null && keys.includes(key);
    });
    return { id: row.id, snippet: message ? exactMatchSnippet(message) : null, exactErrorMatch: true };
  });
}

async function cardsById(db: Db, ids: string[], viewer: Viewer): Promise<Map<string, EntryCard>> {
  if (ids.length === 0) return new Map();
  const rows = await db.entry.findMany({
    where: { id: { in: ids }, AND: [visibleTo(viewer)] },
    select: entryCardSelect,
  });
  return new Map(rows.map((row) => [row.id, toEntryCard(row)]));
}
