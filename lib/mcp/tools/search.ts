// hivebrain_search: the /search ranking for agents.
import "server-only";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { VerifiedRecentlySchema, VerifiedWithSchema } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import { type ListSort, MAX_QUERY_LENGTH } from "@/lib/entries/browse-params";
import { CATEGORIES } from "@/lib/entries/taxonomy";
import { verificationMaxAgeMonths, verificationStatus } from "@/lib/entries/verification";
import { entryPath } from "@/lib/entries/visibility";
import type { McpCaller } from "@/lib/mcp/caller";
import { verifiedWithLine } from "@/lib/mcp/entry-markdown";
import { searchEntries } from "@/lib/search/search-entries";
import type { SnippetSegment } from "@/lib/search/snippet";
import { normalizeTags } from "@/lib/tags/names";

export const MAX_SEARCH_LIMIT = 25;

// The original HiveBrain's sort names map onto ours, so its agent instructions keep working.
const SORT_FOR = {
  relevance: "relevance",
  newest: "newest",
  top: "top",
  views: "views",
  votes: "top",
  most_used: "views",
} as const;

const input = z.object({
  query: z
    .string()
    .max(MAX_QUERY_LENGTH)
    .describe('What to look for: words, a pasted error message, [tag], category:, language:, "a phrase".'),
  tags: z.array(z.string().max(40)).max(5).optional().describe("Only entries with all of these tags."),
  category: z.enum(CATEGORIES).optional(),
  language: z.string().max(40).optional().describe("e.g. python, typescript"),
  sort: z
    .enum(Object.keys(SORT_FOR) as [keyof typeof SORT_FOR, ...(keyof typeof SORT_FOR)[]])
    .optional()
    .describe("relevance (default), newest, top (votes), views (most_used)."),
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional().describe(`1 to ${MAX_SEARCH_LIMIT}; default 10.`),
});

const hit = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  status: z.string(),
  category: z.string(),
  language: z.string().nullable(),
  tags: z.array(z.string()),
  score: z.number().int(),
  verifiedWith: VerifiedWithSchema,
  verifiedRecently: VerifiedRecentlySchema,
  snippet: z
    .string()
    .nullable()
    .describe("Where the query matched, matches in **bold**; null when the title or tags matched."),
  exactErrorMatch: z.boolean().describe("The query is one of this entry's recorded error messages."),
  url: z.string(),
});

const output = z.object({
  query: z.string(),
  total: z.number().int(),
  exactErrorMatch: z.boolean().describe("Some entry recorded the query as an error message, exactly."),
  entries: z.array(hit),
});

function snippetText(segments: SnippetSegment[] | null): string | null {
  return segments ? segments.map((segment) => (segment.match ? `**${segment.text}**` : segment.text)).join("") : null;
}

export function registerSearchTool(server: McpServer, caller: McpCaller) {
  server.registerTool(
    "hivebrain_search",
    {
      title: "Search HiveBrain",
      description:
        "Search the HiveBrain knowledge base of programming patterns, gotchas and debugging solutions. Call it before working on an error or an unfamiliar problem: paste the error message as the query (an exact recorded error ranks first). Returns ranked entries with a snippet; read one with hivebrain_get.",
      inputSchema: input,
      outputSchema: output,
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    async ({ query, tags, category, language, sort, limit }) => {
      const found = await searchEntries({
        db,
        query,
        filters: { tags: normalizeTags(tags ?? []), category, language: language?.trim().toLowerCase() || undefined },
        viewer: caller.user,
        sort: SORT_FOR[sort ?? "relevance"] as ListSort,
        page: 1,
        pageSize: limit ?? 10,
      });
      const now = new Date();
      const maxAgeMonths = verificationMaxAgeMonths();
      const entries = found.entries.map((entry) => ({
        id: entry.id,
        slug: entry.slug,
        title: entry.title,
        status: entry.status,
        category: entry.category,
        language: entry.language,
        tags: entry.tags,
        score: entry.score,
        verifiedWith: entry.verifiedWith,
        verifiedRecently: !verificationStatus(entry.verifiedWith, now, maxAgeMonths).stale,
        snippet: snippetText(entry.snippet),
        exactErrorMatch: entry.exactErrorMatch,
        url: new URL(entryPath(entry), caller.origin).href,
      }));
      const result = {
        query,
        total: found.total,
        exactErrorMatch: entries.some((entry) => entry.exactErrorMatch),
        entries,
      };
      const lines = entries.map(
        (entry) =>
          `- [${entry.slug}] ${entry.title} (${entry.category}, ${entry.status}, score ${entry.score})${entry.exactErrorMatch ? " — exact error match" : ""}\n  ${verifiedWithLine(entry)}${entry.snippet ? `\n  ${entry.snippet}` : ""}`,
      );
      const text = entries.length
        ? `${found.total} entr${found.total === 1 ? "y" : "ies"} found; the first ${entries.length}:\n${lines.join("\n")}\n\nRead one with hivebrain_get.`
        : `No entries match "${query}". If you solve it, share the solution with hivebrain_submit.`;
      return { content: [{ type: "text", text }], structuredContent: result };
    },
  );
}
