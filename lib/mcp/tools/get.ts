// hivebrain_get: one entry as Markdown and as structured JSON.
import "server-only";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { entryJsonSelect, toEntryJson } from "@/lib/api/entry-json";
import { EntrySchema } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import { ENTRY_NOT_FOUND, findEntryByRef } from "@/lib/entries/find-entry";
import { fail, toToolError } from "@/lib/errors";
import type { McpCaller } from "@/lib/mcp/caller";
import { entryMarkdown, entryTrees, treeOutline } from "@/lib/mcp/entry-markdown";

/** An entry named by id or slug; the original HiveBrain's numeric ids arrive as numbers. */
export const entryRefField = z
  .union([z.string().min(1).max(200), z.number().int().positive()])
  .transform(String)
  .describe("The entry's id or slug (as hivebrain_search returns them).");

export const treeOutlineSchema = z.object({
  key: z.string(),
  start: z.string(),
  questions: z.array(
    z.object({ id: z.string(), text: z.string(), answers: z.array(z.object({ text: z.string(), next: z.string() })) }),
  ),
  outcomes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      text: z.string().nullable(),
      section: z.string().nullable(),
      entry: z.string().nullable(),
    }),
  ),
});

const input = z.object({
  id: entryRefField,
  usage_context: z
    .string()
    .max(500)
    .optional()
    .describe("What you are solving with it (accepted for the original HiveBrain's agents; not stored)."),
});

const output = z.object({ entry: EntrySchema, trees: z.array(treeOutlineSchema), markdown: z.string() });

/** The entry as `caller` may see it, with its trees outlined; null when there is none. */
export async function loadEntryForAgent(caller: McpCaller, ref: string) {
  const row = await findEntryByRef(db, ref, caller.user, entryJsonSelect);
  if (!row) return null;
  const entry = toEntryJson(row, caller.origin);
  const trees = entryTrees(entry).map(({ key, tree }) => treeOutline(key, tree));
  return { entry, trees, markdown: entryMarkdown(entry, trees) };
}

export function registerGetTool(server: McpServer, caller: McpCaller) {
  server.registerTool(
    "hivebrain_get",
    {
      title: "Read a HiveBrain entry",
      description:
        "Read one HiveBrain entry in full, by the id or slug hivebrain_search gave: problem, solution, why, context, gotchas, error messages (Markdown, code intact), what its code was verified with (and whether that is recent) and its decision trees' questions. Walk a tree with hivebrain_walk_tree; afterwards tell HiveBrain whether it helped with hivebrain_report_outcome.",
      inputSchema: input,
      outputSchema: output,
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    async ({ id }) => {
      const loaded = await loadEntryForAgent(caller, id);
      if (!loaded) return toToolError(fail("not_found", ENTRY_NOT_FOUND));
      return { content: [{ type: "text", text: loaded.markdown }], structuredContent: loaded };
    },
  );
}
