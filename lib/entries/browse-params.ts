// The browse state (filters, sort, page) as it lives in the URL, so that every view of a
// list is a shareable link and the back button works. Unknown or malformed values are
// ignored rather than failing the page.
import { isCategory, isStatus, type Category, type EntryStatus } from "@/lib/entries/taxonomy";
import { normalizeTag, tagProblem } from "@/lib/tags";

export const SORTS = ["newest", "top", "views"] as const;
export type EntrySort = (typeof SORTS)[number];
export const SORT_LABELS: Record<EntrySort, string> = { newest: "Newest", top: "Top score", views: "Most viewed" };

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
  sort: EntrySort;
  page: number;
}

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function values(params: SearchParamsRecord, key: string): string[] {
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function first(params: SearchParamsRecord, key: string): string | undefined {
  return values(params, key)[0];
}

export function parseBrowseState(params: SearchParamsRecord): BrowseState {
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
    sort: SORTS.includes(sort as EntrySort) ? (sort as EntrySort) : "newest",
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1,
  };
}

/** The query string for a browse state, without defaults; "" for the default view. */
export function browseQuery(state: BrowseState): string {
  const query = new URLSearchParams();
  const { category, language, status, tags } = state.filters;
  if (category) query.set("category", category);
  if (language) query.set("language", language);
  if (status) query.set("status", status);
  for (const tag of tags) query.append("tag", tag);
  if (state.sort !== "newest") query.set("sort", state.sort);
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
