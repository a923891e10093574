// The browse state (filters, sort, page) as it lives in the URL, so that every view of a
// list is a shareable link and the back button works. Unknown or malformed values are
// ignored rather than failing the page.
import { type Category, type EntryStatus, isCategory, isStatus } from "@/lib/entries/taxonomy";
import { normalizeTag, tagProblem } from "@/lib/tags/names";

export const SORTS = ["newest", "top", "views"] as const;
export type EntrySort = (typeof SORTS)[number];
/** Search results can also be ordered by how well they match; without a query that is "newest". */
export const SEARCH_SORTS = ["relevance", ...SORTS] as const;
export type ListSort = (typeof SEARCH_SORTS)[number];
export const SORT_LABELS: Record<ListSort, string> = {
  relevance: "Best match",
  newest: "Newest",
  top: "Top score",
  views: "Most viewed",
};
/** Longer search queries are cut (see lib/search/parse-query). */
export const MAX_QUERY_LENGTH = 2_000;

export const PAGE_SIZE = 20;
const MAX_FILTER_TAGS = 5;

export interface EntryFilters {
  category?: Category;
  language?: string;
  /** One status, or "all"; absent means approved and pending. */
  status?: EntryStatus | "all";
  tags: string[];
}

export interface BrowseState {
  filters: EntryFilters;
  sort: ListSort;
  page: number;
  /** The search query, on the search page (and the API); undefined when browsing. */
  q?: string;
}

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function values(params: SearchParamsRecord, key: string): string[] {
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function first(params: SearchParamsRecord, key: string): string | undefined {
  return values(params, key)[0];
}

/** The browse state in a URL; with `search`, also the query `q`, and "relevance" is the default sort. */
export function parseBrowseState(
  params: SearchParamsRecord,
  { search = false }: { search?: boolean } = {},
): BrowseState {
  const q = search ? (first(params, "q") ?? "").slice(0, MAX_QUERY_LENGTH) : undefined;
  const sorts: readonly string[] = search ? SEARCH_SORTS : SORTS;
  const category = first(params, "category");
  const status = first(params, "status");
  const language = first(params, "language")?.trim().toLowerCase();
  const sort = first(params, "sort");
  const page = Number.parseInt(first(params, "page") ?? "1", 10);
  const tags = [...new Set(values(params, "tag").map(normalizeTag))].filter((tag) => tagProblem(tag) === null);
  return {
    filters: {
      category: isCategory(category) ? category : undefined,
      language: language ? language.slice(0, 40) : undefined,
      status: status === "all" || isStatus(status) ? status : undefined,
      tags: tags.slice(0, MAX_FILTER_TAGS),
    },
    sort: sort !== undefined && sorts.includes(sort) ? (sort as ListSort) : search ? "relevance" : "newest",
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    ...(search ? { q } : {}),
  };
}

export const MAX_PAGE = 10_000;

export function defaultSort(state: BrowseState): ListSort {
  return state.q === undefined ? "newest" : "relevance";
}

/** The query string for a browse state, without defaults; "" for the default view. */
export function browseQuery(state: BrowseState): string {
  const query = new URLSearchParams();
  if (state.q !== undefined) query.set("q", state.q);
  const { category, language, status, tags } = state.filters;
  if (category) query.set("category", category);
  if (language) query.set("language", language);
  if (status) query.set("status", status);
  for (const tag of tags) query.append("tag", tag);
  if (state.sort !== defaultSort(state)) query.set("sort", state.sort);
  if (state.page > 1) query.set("page", String(state.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function hasFilters(filters: EntryFilters): boolean {
  return Boolean(filters.category || filters.language || filters.status || filters.tags.length);
}

/** A copy of the state with some filters changed; any change of filters returns to page 1. */
export function withFilters(state: BrowseState, change: Partial<EntryFilters>): BrowseState {
  return { ...state, filters: { ...state.filters, ...change }, page: 1 };
}
