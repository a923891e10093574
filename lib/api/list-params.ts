// The query string of GET /api/v1/entries: the browse page's filters, sort and page plus `q`,
// parsed with the operation's schema (ListQuerySchema). The pages forgive malformed values (a
// link keeps working); the API names each bad parameter.

import { ListQuerySchema } from "@/lib/api/schemas";
import type { BrowseState } from "@/lib/entries/browse-params";
import type { FieldErrors } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/errors";

export type ListParamsResult = { ok: true; state: BrowseState & { q: string } } | { ok: false; fields: FieldErrors };

export function parseListParams(params: URLSearchParams): ListParamsResult {
  // `tag` is repeatable (every value counts); of the others the first value counts.
  const query: Record<string, string | string[] | undefined> = {};
  for (const name of Object.keys(ListQuerySchema.shape))
    query[name] = name === "tag" ? params.getAll(name) : (params.get(name) ?? undefined);
  const parsed = ListQuerySchema.safeParse(query);
  if (!parsed.success) return { ok: false, fields: fieldErrorsOf(parsed.error) };
  const { q = "", category, language, status, tag, sort, page = 1 } = parsed.data;
  return {
    ok: true,
    state: {
      q,
      filters: { category, language, status, tags: [...new Set(tag)] },
      sort: sort ?? (q.trim() ? "relevance" : "newest"),
      page,
    },
  };
}
