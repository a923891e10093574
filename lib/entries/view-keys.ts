// The browse views (home, tag pages, search) that everyone sees alike are cached as pages, one
// per view: proxy.ts rewrites /?…, /tags/<tag>?… and /search?… to /views/…/<key>, whose pages
// Next caches like entry pages. The key is the view's canonical query string in base64url, so
// that it is one path segment that no decoding can change, and each view has one key only.
import { type BrowseState, browseQuery, parseBrowseState, type SearchParamsRecord } from "@/lib/entries/browse-params";
import { PRIVATE_STATUSES } from "@/lib/entries/visibility";
import { parseQuery } from "@/lib/search/parse-query";

const DEFAULT_VIEW = "default";
/** Longer keys are rendered per request: no filter form makes them, and each would fill the cache. */
export const MAX_VIEW_KEY_LENGTH = 200;

/**
 * Whether everyone sees the same entries in this view: any status but the private ones, or
 * "all" (which includes them for their authors and moderators). A search can ask for a status
 * in its query too (`status:all`), which wins over the filter, as in lib/search.
 */
export function isSharedView(state: BrowseState): boolean {
  const status = (state.q === undefined ? undefined : parseQuery(state.q).status) ?? state.filters.status;
  return status !== "all" && !(status && PRIVATE_STATUSES.includes(status));
}

/** The key under which this view's page is cached, or null when it must be rendered per visitor. */
export function cachedViewKey(state: BrowseState): string | null {
  if (!isSharedView(state)) return null;
  const query = browseQuery(state).slice(1);
  const key = query ? Buffer.from(query).toString("base64url") : DEFAULT_VIEW;
  return key.length <= MAX_VIEW_KEY_LENGTH ? key : null;
}

/** The view a key stands for, or null unless it is that view's canonical key. */
export function stateFromViewKey(key: string, { search = false }: { search?: boolean } = {}): BrowseState | null {
  if (key.length > MAX_VIEW_KEY_LENGTH || !/^[\w-]+$/.test(key)) return null;
  const query = key === DEFAULT_VIEW ? "" : Buffer.from(key, "base64url").toString();
  const state = parseBrowseState(paramsRecord(new URLSearchParams(query)), { search });
  return cachedViewKey(state) === key ? state : null;
}

/** URLSearchParams in the shape Next gives pages, repeated names as arrays. */
export function paramsRecord(params: URLSearchParams): SearchParamsRecord {
  const record: Record<string, string[]> = {};
  for (const [name, value] of params) record[name] = [...(record[name] ?? []), value];
  return record;
}
