// Facet terms: an entry's status, category, language and tags stored as terms of its search
// document (the search_facets migrations), so the browse filters are answered by the full-text
// index itself, with no join to Entry. A term is a prefix, the value's UTF-8 bytes in hex and a
// final 0: a single token for both tokenizers, which stemming leaves alone and no word can equal.
import type { EntryFilters } from "@/lib/entries/browse-params";
import { statusScope, type Viewer } from "@/lib/entries/visibility";

const PREFIXES = { status: "zs", category: "zc", language: "zl", tag: "zt" } as const;

export function facetTerm(kind: keyof typeof PREFIXES, value: string): string {
  const hex = Array.from(new TextEncoder().encode(value), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${PREFIXES[kind]}${hex}0`;
}

/**
 * The filters as groups of facet terms: a matching entry has at least one term of every group.
 * The status group holds only statuses `viewer` may see; when none is left the filters match
 * nothing (see matchesNothing), and the backends are not asked. Private entries of the viewer's
 * own among them are the backends' business (statusScope's privateOnlyBy).
 */
export function facetGroups(filters: EntryFilters, viewer: Viewer): string[][] {
  const groups: string[][] = [];
  const { statuses } = statusScope(filters.status, viewer);
  if (statuses) groups.push(statuses.map((status) => facetTerm("status", status)));
  if (filters.category) groups.push([facetTerm("category", filters.category)]);
  if (filters.language) groups.push([facetTerm("language", filters.language)]);
  for (const tag of filters.tags) groups.push([facetTerm("tag", tag)]);
  return groups;
}

/** No entry can pass: the status filter names only statuses that `viewer` may not see. */
export function matchesNothing(filters: EntryFilters, viewer: Viewer): boolean {
  return statusScope(filters.status, viewer).statuses?.length === 0;
}
