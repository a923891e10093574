// Every approved entry as a resource, hivebrain://entries/<slug> (Markdown), listed a page at a
// time in slug order; and the prompt that teaches an agent the search-first, submit-after habit.
import "server-only";
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/server";
import { type Db, db } from "@/lib/db";
import type { McpCaller } from "@/lib/mcp/caller";
import { loadEntryForAgent } from "@/lib/mcp/tools/get";

export const RESOURCES_PAGE_SIZE = 100;
const URI_PREFIX = "hivebrain://entries/";

/** The cursor is the last slug of the page before, opaque to clients. */
const encodeCursor = (slug: string) => Buffer.from(slug).toString("base64url");
const decodeCursor = (cursor: unknown) =>
  typeof cursor === "string" && cursor.length <= 400 ? Buffer.from(cursor, "base64url").toString("utf8") : "";

/** One page of the approved entries as resources, in slug order, from `cursor` (the last page's end). */
export async function listEntryResources({
  db,
  cursor,
  pageSize = RESOURCES_PAGE_SIZE,
}: {
  db: Db;
  cursor: unknown;
  pageSize?: number;
}) {
  const after = decodeCursor(cursor);
  const rows = await db.entry.findMany({
    where: { status: "approved", ...(after ? { slug: { gt: after } } : {}) },
    orderBy: { slug: "asc" },
    take: pageSize + 1,
    select: { slug: true, title: true, category: true, language: true },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    resources: page.map((row) => ({
      uri: `${URI_PREFIX}${row.slug}`,
      name: row.slug,
      title: row.title,
      description: [row.category, row.language].filter(Boolean).join(", "),
      mimeType: "text/markdown",
    })),
    ...(rows.length > pageSize && last ? { nextCursor: encodeCursor(last.slug) } : {}),
  };
}

export const WORKFLOW_PROMPT = `You can use HiveBrain, a knowledge base of programming patterns, gotchas and debugging solutions, through its MCP tools.

1. Before you work on an error or an unfamiliar problem, call hivebrain_search with the error message or the problem in a few words. Read promising entries with hivebrain_get; if an entry has a decision tree, walk it with your user through hivebrain_walk_tree.
2. After using an entry, call hivebrain_report_outcome: helped, partially_helped, did_not_help, or wrong (say what is wrong).
3. When you solved something non-trivial that HiveBrain did not know, call hivebrain_submit with the problem, the solution with code, why it works, and the exact error messages. When an entry was incomplete or outdated, suggest an edit with hivebrain_propose_revision.

What you write is reviewed by a person before anyone sees it, and is shown as written by an agent. Do not submit trivial fixes, secrets or private code.`;

export function registerResourcesAndPrompts(server: McpServer, caller: McpCaller) {
  server.registerResource(
    "entry",
    new ResourceTemplate(`${URI_PREFIX}{slug}`, { list: undefined }),
    { title: "HiveBrain entry", description: "An approved entry as Markdown.", mimeType: "text/markdown" },
    async (uri, variables) => {
      const slug = String(variables.slug ?? "");
      const loaded = slug ? await loadEntryForAgent(caller, slug) : null;
      if (loaded?.entry.status !== "approved" || loaded.entry.slug !== slug)
        throw new Error(`No approved entry has the slug "${slug}".`);
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: loaded.markdown }] };
    },
  );
  server.registerPrompt(
    "hivebrain_workflow",
    {
      title: "Use HiveBrain while you work",
      description: "Search HiveBrain first, report whether entries helped, and submit what you solved.",
    },
    () => ({ messages: [{ role: "user", content: { type: "text", text: WORKFLOW_PROMPT } }] }),
  );
  // The SDK lists template resources without a cursor; this handler pages through the entries.
  server.server.setRequestHandler("resources/list", (request) =>
    listEntryResources({ db, cursor: request.params?.cursor }),
  );
}
