// The query string of GET /api/v1/entries: the browse page's filters, sort and page plus `q`.
// The pages forgive malformed values (a link keeps working); the API names each bad parameter.
import { z } from "zod";
import { type BrowseState, MAX_PAGE, MAX_QUERY_LENGTH, SEARCH_SORTS } from "@/lib/entries/browse-params";
import { CATEGORIES, STATUSES } from "@/lib/entries/taxonomy";
import { normalizeTag, tagProblem } from "@/lib/tags/names";

const MAX_TAGS = 5;

const listParamsSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters.`).optional(),
  category: z.enum(CATEGORIES, { error: `category must be one of: ${CATEGORIES.join(", ")}.` }).optional(),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[\p{L}\p{N}.+#_-]{1,40}$/u, "language must be 1 to 40 letters, digits or . + # _ -.")
    .optional(),
  status: z
    .enum([...STATUSES, "all"], { error: `status must be one of: ${[...STATUSES, "all"].join(", ")}.` })
    .optional(),
  tag: z
    .array(z.string().transform(normalizeTag))
    .max(MAX_TAGS, `Use at most ${MAX_TAGS} tag parameters.`)
    .superRefine((tags, ctx) => {
      for (const tag of tags) {
        const problem = tagProblem(tag);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
    }),
  sort: z.enum(SEARCH_SORTS, { error: `sort must be one of: ${SEARCH_SORTS.join(", ")}.` }).optional(),
  page: z
    .string()
    .regex(/^\d+$/, "page must be a whole number from 1.")
    .transform(Number)
    .refine((page) => page >= 1 && page <= MAX_PAGE, `page must be from 1 to ${MAX_PAGE}.`)
    .optional(),
});

export type ListParamsResult =
  | { ok: true; state: BrowseState & { q: string } }
  | { ok: false; fields: Record<string, string[]> };

export function parseListParams(params: URLSearchParams): ListParamsResult {
  const single = (name: string) => params.get(name) ?? undefined;
  const parsed = listParamsSchema.safeParse({
    q: single("q"),
    category: single("category"),
    language: single("language"),
    status: single("status"),
    tag: params.getAll("tag"),
    sort: single("sort"),
    page: single("page"),
  });
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, fields };
  }
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
